// The page cache: reader pages rendered once and kept in memory with their ETag and
// gzip and brotli forms made once, so that a hit touches neither the store nor the
// templates. A byte budget with LRU eviction; exact invalidation by tags (each page
// lists what it shows; a change names what changed); single-flight (many requests for a
// page not yet cached cause one render).
//
// Thread-safe. The cache knows nothing of articles: tags are opaque strings.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "http/message.h"

namespace khabar::http {

class PageCache {
 public:
  struct Options {
    std::size_t budget_bytes = 256u << 20;
    // Entries older than this are rendered again (pages carry comment-form tokens that
    // are valid for a day).
    std::chrono::seconds max_age{6 * 3600};
    // Whether a request is personal (a real session, a reader's own held comments): never
    // served from the cache and never stored in it. The application checks the cookies
    // for what they claim, so that a junk cookie cannot force renders. Null: none is.
    std::function<bool(const Request&)> personal;
  };

  struct Stats {
    std::uint64_t hits = 0, misses = 0, bypasses = 0, evictions = 0, invalidated = 0;
    std::uint64_t renders = 0;  // calls of the render function for cacheable requests
    std::size_t entries = 0, bytes = 0;
    std::size_t tag_links = 0;  // (tag, page) pairs in the invalidation index
  };

  explicit PageCache(Options options);
  PageCache() : PageCache(Options{}) {}

  // The response for `request`: from the cache, or rendered by `render` (once for all
  // concurrent requests of the same page) and stored if it says it is cacheable.
  // Adds X-Cache: HIT, MISS or BYPASS. The response still goes through
  // finalize_response, which picks the precomputed encoding and answers If-None-Match.
  Response serve(const Request& request, const Handler& render);

  // Drops every page tagged with any of `tags`.
  void invalidate(const std::vector<std::string>& tags);
  void clear();
  Stats stats() const;

  // The cache key of `request` (its path), when it may be answered from the cache:
  // GET/HEAD, not personal, and no query string once the tracking parameters that links
  // from social networks and newsletters carry (utm_*, fbclid, gclid...) are set aside.
  std::optional<std::string> cache_key(const Request& request) const;

  // Whether a query parameter only tracks where a visitor came from (is_tracking_parameter
  // ("utm_source") is true): pages never depend on them.
  static bool is_tracking_parameter(std::string_view name);

 private:
  struct Entry;
  struct Flight;
  void store_locked(const std::string& key, std::shared_ptr<const Entry> entry);
  void erase_locked(std::string_view key);
  static Response response_from(const Entry& entry, const Request& request);
  // The identity (uncompressed) wire form of a cached page, made at its first such request.
  void add_identity_form_locked(const std::string& key, const Entry& entry);
  // The whole page of an entry, uncompressed.
  static std::string inflate(const Entry& entry);
  static std::shared_ptr<const Entry> make_entry(Response response);

  Options options_;
  mutable std::mutex mutex_;
  struct Slot {
    std::shared_ptr<const Entry> entry;
    std::list<std::string_view>::iterator lru;  // front: most recently used
  };
  std::unordered_map<std::string, Slot> slots_;
  // The LRU list and the invalidation index name pages by views of their keys in slots_
  // (an unordered_map's nodes stay put): one copy of each key, not one per tag.
  std::list<std::string_view> lru_;
  std::unordered_map<std::string, std::unordered_set<std::string_view>> by_tag_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
  std::uint64_t generation_ = 0;  // bumped by every invalidation
  std::uint64_t stores_ = 0;
  Stats stats_;
};

}  // namespace khabar::http
