#include "http/page_cache.h"

#include <malloc.h>

#include "http/compression.h"
#include "http/cookies.h"
#include "http/finalize.h"

namespace khabar::http {

struct PageCache::Entry {
  Response response;  // gzip_body and brotli_body set (a page with a fresh part: neither)
  // A page with a fresh part (Splice): its gzip form around that part, and the part as
  // rendered. Its only copy of the page: inflate() makes the whole from these.
  std::shared_ptr<const GzipAround> around;
  std::string rendered_part;
  // The wire forms; the identity one is added (under the cache's mutex) when first asked.
  mutable std::shared_ptr<const WireResponse> wire;
  std::vector<std::string> tags;
  std::chrono::steady_clock::time_point made;
  mutable std::size_t bytes = 0;
};

// A render in progress that other requests for the same page wait for.
struct PageCache::Flight {
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  std::shared_ptr<const Entry> result;
};

namespace {

// The status line and headers a hit sends in `coding` ("gzip", "br", or "" for none) for a
// body of `size` bytes, made by the same finalize step as any response. (The body is a
// stand-in of that size: only its length reaches the head.)
std::string hit_head(const Response& base, std::string_view coding, std::size_t size) {
  Request probe;
  probe.method = "GET";
  if (!coding.empty()) probe.headers.emplace_back("accept-encoding", std::string(coding));
  Response copy = base;
  copy.cache_tags.clear();
  copy.set_header("X-Cache", "HIT");
  auto stand_in = std::make_shared<const std::string>(size, '\0');
  // (finalize chooses brotli only where a gzip form exists too, as in the entry)
  if (coding == "gzip") copy.gzip_body = stand_in;
  if (coding.empty()) copy.gzip_body.reset();
  copy.brotli_body = coding == "br" ? stand_in : nullptr;
  if (coding.empty()) copy.body.assign(size, '\0');
  finalize_response(probe, copy);
  return serialize_head(copy);
}

}  // namespace

PageCache::PageCache(Options options) : options_(std::move(options)) {}

bool PageCache::is_tracking_parameter(std::string_view name) {
  if (name.starts_with("utm_")) return true;
  for (std::string_view t :
       {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
        "yclid", "twclid", "ttclid", "_ga", "_gl", "ref_src", "s_cid", "mkt_tok"})
    if (name == t) return true;
  return false;
}

std::optional<std::string> PageCache::cache_key(const Request& request) const {
  if (!request.is_get_or_head()) return std::nullopt;
  if (!request.query.empty()) {
    std::string_view q = request.query;
    while (!q.empty()) {
      std::size_t amp = q.find('&');
      std::string_view pair = q.substr(0, amp);
      q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
      if (pair.empty()) continue;
      if (!is_tracking_parameter(pair.substr(0, pair.find('=')))) return std::nullopt;
    }
  }
  if (options_.personal && options_.personal(request)) return std::nullopt;
  return request.path;
}

std::string PageCache::inflate(const Entry& entry) {
  constexpr std::size_t kLargest = 64u << 20;
  if (entry.around) {
    std::string middle, end;
    gzip_hole(*entry.around, entry.rendered_part, middle, end);
    return gzip_decompress(entry.around->head + middle + entry.around->tail + end, kLargest)
        .value_or("");
  }
  return entry.response.gzip_body
             ? gzip_decompress(*entry.response.gzip_body, kLargest).value_or("")
             : entry.response.body;
}

void PageCache::add_identity_form_locked(const std::string& key, const Entry& entry) {
  Response copy;
  copy.body = inflate(entry);
  auto form = std::make_shared<WireForm>();
  form->head = hit_head(entry.response, "", copy.body.size());
  if (const Splice* s = entry.response.splice.get()) {  // prefix, the fresh part, suffix
    std::string rendered = copy.body.substr(s->at, s->length);
    form->tail = std::make_shared<const std::string>(copy.body.substr(s->at + s->length));
    copy.body.resize(s->at);
    form->fill = [splice = entry.response.splice, rendered](std::string& middle, std::string& end) {
      middle = splice->fresh_or(rendered);
      end.clear();
    };
  }
  form->body = std::make_shared<const std::string>(std::move(copy.body));
  auto wire = std::make_shared<WireResponse>(*entry.wire);
  wire->identity = std::move(form);
  std::size_t added = wire->identity->body->size() + wire->identity->head.size() +
                      (wire->identity->tail ? wire->identity->tail->size() : 0);
  entry.wire = std::move(wire);
  entry.bytes += added;
  stats_.bytes += added;
  // Over the budget now: the least recently used go (never the page being answered).
  while (stats_.bytes > options_.budget_bytes && lru_.size() > 1 && lru_.back() != key) {
    erase_locked(lru_.back());
    ++stats_.evictions;
  }
}

std::shared_ptr<const PageCache::Entry> PageCache::make_entry(Response response) {
  auto entry = std::make_shared<Entry>();
  const Splice* splice = response.splice.get();
  if (splice && splice->at + splice->length > response.body.size())
    response.splice.reset(), splice = nullptr;
  if (is_compressible(response.content_type) && response.body.size() > 512) {
    response.gzip_body = std::make_shared<const std::string>(gzip_compress(response.body, 9));
    // Brotli cannot be cut open for a per-response part: such pages go out in gzip.
    if (!splice)
      response.brotli_body = std::make_shared<const std::string>(brotli_compress(response.body, 6));
  }
  std::shared_ptr<const GzipAround> around;
  if (splice && response.gzip_body)
    around = std::make_shared<const GzipAround>(
        gzip_around(std::string_view(response.body).substr(0, splice->at),
                    std::string_view(response.body).substr(splice->at + splice->length)));
  std::string rendered_part = splice ? response.body.substr(splice->at, splice->length) : "";
  bool has_etag = false;
  for (const auto& [k, v] : response.headers) has_etag |= k == "ETag";
  if (!has_etag) response.headers.emplace_back("ETag", "\"" + content_hash(response.body) + "\"");
  // Keep compressed forms only: nearly every reader's browser takes one, and the rare
  // client that does not gets the gzip form inflated on the way out. A third of the memory.
  if (response.gzip_body) {
    // Release the buffer: neither clear() nor assigning an empty string does (libstdc++
    // copies a short string into the existing allocation).
    response.body.clear();
    response.body.shrink_to_fit();
  }
  // The wire forms of a hit, made by the same finalize step as any response.
  auto wire = std::make_shared<WireResponse>();
  for (const char* coding : {"gzip", "br"}) {
    if (!response.gzip_body) break;  // not compressible: hits take the ordinary path
    if (around) {                    // gzip with a hole for the fresh part
      if (std::string_view(coding) != "gzip") break;
      auto form = std::make_shared<WireForm>();
      form->head = hit_head(response, "gzip", around->size(splice->length));
      // The form's bytes are the entry's own (shared, not copied).
      form->body = std::shared_ptr<const std::string>(around, &around->head);
      form->tail = std::shared_ptr<const std::string>(around, &around->tail);
      form->fill = [g = around, s = response.splice, rendered_part](std::string& middle,
                                                                    std::string& end) {
        gzip_hole(*g, s->fresh_or(rendered_part), middle, end);
      };
      wire->gzip = std::move(form);
      break;
    }
    bool gzip = std::string_view(coding) == "gzip";
    auto form = std::make_shared<WireForm>();
    form->body = gzip ? response.gzip_body : response.brotli_body;  // shared, not copied
    form->head = hit_head(response, coding, form->body->size());
    (gzip ? wire->gzip : wire->brotli) = std::move(form);
  }
  if (wire->gzip) entry->wire = std::move(wire);
  if (around) {  // the form around the fresh part holds the page: no second gzip copy
    response.gzip_body.reset();
    entry->around = std::move(around);
    entry->rendered_part = std::move(rendered_part);
  }
  entry->tags = std::move(response.cache_tags);
  response.cache_tags.clear();
  // What the entry costs, as near as can be told: its bodies, the heads of its wire forms,
  // its headers and tags with the allocator's and the containers' share of each (measured
  // against RSS after a crawl of 17,050 pages: the index alone is ~64 bytes a tag).
  constexpr std::size_t kPerString = 64, kPerEntry = 1024;
  std::size_t bytes =
      response.body.size() + (response.gzip_body ? response.gzip_body->size() : 0) +
      (response.brotli_body ? response.brotli_body->size() : 0) +
      (entry->around ? entry->around->head.size() + entry->around->tail.size() : 0) +
      entry->rendered_part.size() + kPerEntry;
  if (entry->wire)
    for (const auto* form : {entry->wire->gzip.get(), entry->wire->brotli.get()})
      if (form) bytes += form->head.size() + kPerString;
  for (const auto& [name, value] : response.headers)
    bytes += name.size() + value.size() + 2 * kPerString;
  for (const auto& tag : entry->tags) bytes += tag.size() + 2 * kPerString;  // vector + index
  entry->bytes = bytes;
  entry->made = std::chrono::steady_clock::now();
  entry->response = std::move(response);
  return entry;
}

Response PageCache::response_from(const Entry& entry, const Request& request) {
  Response r = entry.response;
  if (const Splice* s = r.splice.get()) {
    // The fresh part in every answer, also off the prepared path (HEAD, HTTP/1.0,
    // revalidations): the body is made whole, and compressed again on the way out.
    if (r.body.empty()) r.body = inflate(entry);
    if (s->at + s->length <= r.body.size())
      r.body.replace(s->at, s->length, s->fresh_or(r.body.substr(s->at, s->length)));
    r.gzip_body.reset();
    r.brotli_body.reset();
    return r;
  }
  if (r.body.empty() && r.gzip_body) {
    std::string_view accept = request.header("accept-encoding");
    if (!accepts_gzip(accept) && !(r.brotli_body && accepts_brotli(accept)))
      r.body = gzip_decompress(*r.gzip_body, 64u << 20).value_or("");
  }
  return r;
}

Response PageCache::serve(const Request& request, const Handler& render) {
  auto cache_key = this->cache_key(request);
  if (!cache_key) {
    {
      std::lock_guard lock(mutex_);
      ++stats_.bypasses;
    }
    Response r = render(request);
    r.set_header("X-Cache", "BYPASS");
    return r;
  }
  const std::string& key = *cache_key;
  std::shared_ptr<Flight> flight;
  bool leader = false;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = slots_.find(key);
    if (it != slots_.end()) {
      const Entry& cached = *it->second.entry;
      auto lifetime = cached.response.cache_lifetime.count() > 0
                          ? std::min<std::chrono::steady_clock::duration>(
                                cached.response.cache_lifetime, options_.max_age)
                          : std::chrono::steady_clock::duration(options_.max_age);
      if (std::chrono::steady_clock::now() - cached.made < lifetime) {
        ++stats_.hits;
        lru_.splice(lru_.begin(), lru_, it->second.lru);
        auto entry = it->second.entry;
        // A client that takes no compression (feed readers, bots, curl): its form is made
        // once, not inflated on every hit.
        if (entry->wire && !entry->wire->identity && takes_wire_forms(request) &&
            !pick_wire_form(request, *entry->wire))
          add_identity_form_locked(key, *entry);
        if (entry->wire && pick_wire_form(request, *entry->wire)) {
          Response r;  // the server sends the prepared bytes
          r.wire = entry->wire;
          return r;
        }
        Response r = response_from(*entry, request);
        r.set_header("X-Cache", "HIT");
        return r;
      }
      erase_locked(key);  // too old: render again
    }
    ++stats_.misses;
    auto f = flights_.find(key);
    if (f == flights_.end()) {
      flight = std::make_shared<Flight>();
      flights_.emplace(key, flight);
      leader = true;
      generation = generation_;
      ++stats_.renders;
    } else {
      flight = f->second;
    }
  }

  if (!leader) {
    std::unique_lock wait(flight->mutex);
    flight->done_cv.wait(wait, [&] { return flight->done; });
    if (flight->result) {
      Response r = response_from(*flight->result, request);
      r.set_header("X-Cache", "MISS");
      return r;
    }
    Response r = render(request);  // the leader's answer was not cacheable
    r.set_header("X-Cache", "MISS");
    return r;
  }

  std::shared_ptr<const Entry> entry;
  Response rendered;
  try {
    rendered = render(request);
  } catch (...) {
    std::lock_guard lock(mutex_);
    flights_.erase(key);
    std::lock_guard done(flight->mutex);
    flight->done = true;
    flight->done_cv.notify_all();
    throw;
  }
  bool keep = rendered.cacheable && rendered.status == 200;
  if (keep) entry = make_entry(std::move(rendered));
  {
    std::lock_guard lock(mutex_);
    flights_.erase(key);
    // A change that came while this page was being rendered may not be in it: serve it
    // to those who asked, but do not keep it.
    if (entry && generation == generation_) store_locked(key, entry);
  }
  {
    std::lock_guard done(flight->mutex);
    flight->result = entry;
    flight->done = true;
  }
  flight->done_cv.notify_all();
  Response r = entry ? response_from(*entry, request) : std::move(rendered);
  r.set_header("X-Cache", "MISS");
  return r;
}

void PageCache::store_locked(const std::string& key, std::shared_ptr<const Entry> entry) {
  // Rendering leaves freed memory between the long-lived cache entries, and the
  // allocator keeps it: give it back now and then (measured: RSS 300 -> ~150 MiB after a
  // crawl of 11,610 pages).
  if (++stores_ % 256 == 0) malloc_trim(0);
  if (entry->bytes > options_.budget_bytes / 4) return;  // one page may not take the cache
  erase_locked(key);
  stats_.tag_links += entry->tags.size();
  stats_.bytes += entry->bytes;
  auto slot = slots_.emplace(key, Slot{std::move(entry), {}}).first;
  std::string_view name = slot->first;  // lives as long as the slot
  lru_.push_front(name);
  slot->second.lru = lru_.begin();
  for (const auto& tag : slot->second.entry->tags) by_tag_[tag].insert(name);
  while (stats_.bytes > options_.budget_bytes && !lru_.empty()) {
    erase_locked(lru_.back());
    ++stats_.evictions;
  }
  stats_.entries = slots_.size();
}

void PageCache::erase_locked(std::string_view key) {
  auto it = slots_.find(std::string(key));
  if (it == slots_.end()) return;
  for (const auto& tag : it->second.entry->tags) {
    auto t = by_tag_.find(tag);
    if (t == by_tag_.end()) continue;
    t->second.erase(key);
    if (t->second.empty()) by_tag_.erase(t);
  }
  stats_.bytes -= it->second.entry->bytes;
  stats_.tag_links -= it->second.entry->tags.size();
  lru_.erase(it->second.lru);
  slots_.erase(it);
  stats_.entries = slots_.size();
}

void PageCache::invalidate(const std::vector<std::string>& tags) {
  std::lock_guard lock(mutex_);
  ++generation_;
  for (const auto& tag : tags) {
    auto t = by_tag_.find(tag);
    if (t == by_tag_.end()) continue;
    std::vector<std::string> keys(t->second.begin(), t->second.end());
    for (const auto& key : keys) {
      erase_locked(key);
      ++stats_.invalidated;
    }
  }
}

void PageCache::clear() {
  std::lock_guard lock(mutex_);
  ++generation_;
  slots_.clear();
  lru_.clear();
  by_tag_.clear();
  stats_.bytes = 0;
  stats_.tag_links = 0;
  stats_.entries = 0;
}

PageCache::Stats PageCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace khabar::http
