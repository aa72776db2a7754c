#include "site/site.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <vector>

#include "content/text.h"
#include "content/urls.h"
#include "http/cookies.h"
#include "site/cache_tags.h"
#include "site/comment_post.h"
#include "site/icons.h"
#include "site/pages.h"
#include "site/search_page.h"
#include "site/sitemaps.h"

namespace khabar::site {
namespace {

// A page number as written in a URL: 1..1,000,000, digits only, no leading zero.
std::optional<int> parse_page(std::string_view s) {
  if (s.empty() || s.size() > 7 || s[0] == '0') return std::nullopt;
  auto n = content::parse_integer(s);
  if (!n || *n < 1 || *n > 1000000) return std::nullopt;
  return static_cast<int>(*n);
}

// What follows a listing's own segments: nothing, "page/N", "feed" or "feed/atom".
struct ListingSuffix {
  bool valid = true;
  bool feed = false;
  bool atom = false;  // the feed in Atom
  int page = 1;
  std::size_t consumed = 0;  // segments taken from the end
};

ListingSuffix parse_suffix(const std::vector<std::string_view>& segments, std::size_t first) {
  ListingSuffix s;
  std::size_t n = segments.size() - first;
  if (n >= 1 && segments.back() == "feed") {
    s.feed = true;
    s.consumed = 1;
  } else if (n >= 2 && segments.back() == "atom" && segments[segments.size() - 2] == "feed") {
    s.feed = s.atom = true;
    s.consumed = 2;
  } else if (n >= 2 && segments[segments.size() - 2] == "page") {
    auto page = parse_page(segments.back());
    if (!page)
      s.valid = false;
    else
      s.page = *page, s.consumed = 2;
  }
  return s;
}

std::string join(const std::vector<std::string_view>& segments, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += '/';
    out += segments[i];
  }
  return out;
}

// A listing's feed, RSS or Atom.
http::Response feed(PageContext& ctx, bool atom, const content::ListingFilter& filter,
                    std::string_view title, std::string_view listing_path) {
  return atom ? atom_feed(ctx, filter, title, listing_path)
              : rss_feed(ctx, filter, title, listing_path);
}

// /robots.txt: readers' pages may be crawled; the admin, search results and the copies of
// an article (a reply form, an embed shown) may not; the sitemaps by absolute URL; then
// the newsroom's own lines.
http::Response robots_txt(PageContext& ctx) {
  std::string body =
      "User-agent: *\nDisallow: /admin/\nDisallow: /search/\nDisallow: /*?replytocom=\n"
      "Disallow: /*?embed=\nAllow: /\n\nSitemap: " +
      ctx.absolute("/sitemap.xml") + "\nSitemap: " + ctx.absolute("/news-sitemap.xml") + "\n";
  if (auto extra = ctx.reads.setting("robots_extra"); extra && !extra->empty()) {
    body += "\n" + *extra;
    if (body.back() != '\n') body += '\n';
  }
  ctx.tag(kTagSite);
  return cached_response(ctx, "text/plain; charset=utf-8", std::move(body), "public, max-age=3600");
}

http::Response route(PageContext& ctx, std::string_view path, const ArticleView& view = {}) {
  auto seg = content::split(path, '/');
  if (seg.empty()) return home_page(ctx, 1);
  const std::string& site_title = ctx.settings.title;
  // The site's own feeds: the suffix of a listing with no segments of its own.
  if (ListingSuffix home = parse_suffix(seg, 0); home.feed && home.consumed == seg.size())
    return feed(ctx, home.atom, {}, site_title, "/");
  // WordPress's other feed addresses, which old subscribers still poll.
  if (seg.size() == 2 && seg[0] == "feed" &&
      (seg[1] == "rss2" || seg[1] == "rss" || seg[1] == "rdf"))
    return http::Response::redirect(301, "/feed/");
  // Comment feeds: the site's, and one article's (where WordPress has them).
  if (seg.size() == 2 && seg[1] == "feed") {
    if (seg[0] == "comments") return comments_feed(ctx, nullptr);
    if (auto article = ctx.reads.published_by_slug(seg[0]);
        article && article->kind == content::Kind::Article)
      return comments_feed(ctx, &*article);
  }
  if (seg.size() == 2 && seg[0] == "page") {
    if (auto page = parse_page(seg[1])) return home_page(ctx, *page);
    return not_found_page(ctx);
  }
  if (seg[0] == "category" || seg[0] == "tag" || seg[0] == "author") {
    ListingSuffix suffix = parse_suffix(seg, 1);
    if (!suffix.valid || seg.size() - suffix.consumed < 2) return not_found_page(ctx);
    std::string key = join(seg, 1, seg.size() - suffix.consumed);
    if (seg[0] == "category") {
      for (const auto& c : ctx.categories) {
        if (c.path != key) continue;
        if (suffix.feed)
          return feed(ctx, suffix.atom, {.category_id = c.id}, c.name + " \u2013 " + site_title,
                      content::category_url(c.path));
        return category_page(ctx, c, suffix.page);
      }
      return not_found_page(ctx);
    }
    if (seg.size() - suffix.consumed != 2) return not_found_page(ctx);
    // A tag or an author exists for readers only once something of theirs is published:
    // a tag typed into a draft, or a newsroom account with nothing out, has no page.
    auto has_published = [&](content::ListingFilter filter) {
      return !ctx.reads.published_articles(filter, 1, 0).empty();
    };
    if (seg[0] == "tag") {
      auto tag = ctx.reads.tag_by_slug(key);
      if (!tag || !has_published({.tag_id = tag->id})) return not_found_page(ctx);
      if (suffix.feed)
        return feed(ctx, suffix.atom, {.tag_id = tag->id}, tag->name + " \u2013 " + site_title,
                    content::tag_url(tag->slug));
      return tag_page(ctx, *tag, suffix.page);
    }
    auto author = ctx.reads.author_by_slug(key);
    if (!author || !has_published({.author_id = author->id})) return not_found_page(ctx);
    if (suffix.feed)
      return feed(ctx, suffix.atom, {.author_id = author->id},
                  author->display_name + " \u2013 " + site_title,
                  content::author_url(author->slug));
    return author_page(ctx, *author, suffix.page);
  }
  if (seg.size() == 1) {
    if (auto article = ctx.reads.published_by_slug(seg[0]))
      return article_page(ctx, *article, view);
  }
  return not_found_page(ctx);
}

}  // namespace

Site::Site(store::Store& store, const render::Theme& theme, const http::StaticFiles& assets,
           const security::Secret& secret, SiteOptions options)
    : store_(store),
      theme_(theme),
      assets_(assets),
      secret_(secret),
      options_(std::move(options)) {}

std::shared_ptr<const SiteSnapshot> Site::site_state(store::ReaderReads& reads) const {
  std::lock_guard lock(sync_mutex_);
  if (!snapshot_) snapshot_ = std::make_shared<const SiteSnapshot>(load_snapshot(reads, assets_));
  return snapshot_;
}

void Site::sync_changes() const {
  if (!store_.may_have_changed()) return;
  std::vector<store::Change> changes;
  {
    std::lock_guard lock(sync_mutex_);
    changes = store_.changes_since(change_cursor_);
    // The snapshot holds the site-wide state (settings, categories, pages).
    for (const auto& change : changes)
      if (!store::names_a_row(change.kind)) snapshot_.reset();
  }
  if (!changes.empty() && listener_) listener_(changes);
}

bool Site::has_own_comments(const http::Request& request) const {
  auto raw = http::cookie(request, kOwnCommentsCookie);
  return raw && secret_.verify("own-comments", *raw).has_value();
}

std::string Site::client_address(const http::Request& request) const {
  std::string peer = request.remote_address;
  bool trusted = false;
  for (const auto& proxy : options_.trusted_proxies) trusted |= proxy == peer;
  std::string_view forwarded = request.header("x-forwarded-for");
  if (!trusted || forwarded.empty()) return peer;
  std::size_t comma = forwarded.rfind(',');
  std::string_view last = comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  return last.empty() ? peer : std::string(last);
}

http::Response Site::handle(const http::Request& request) const {
  auto now = options_.clock->now();
  sync_changes();
  // Opened after the changes were taken in: the page is at least as new as the cache's
  // view of the store, so it can never be cached older than an invalidation.
  auto reads = store_.snapshot();
  auto site = site_state(*reads);
  PageContext ctx{
      *reads, store_,         theme_,           assets_,     secret_,          *options_.clock,
      now,    site->settings, site->categories, site->pages, site->moderation, site->menu,
      {}};
  return respond(ctx, request);
}

http::Response Site::respond(PageContext& ctx, const http::Request& request) const {
  if (!content::is_valid_utf8(request.path) || request.path.size() > 1024)
    return not_found_page(ctx);
  if (request.method == "POST") {
    auto seg = content::split(request.path, '/');
    if (seg.size() == 1 && request.path.back() == '/') {
      auto article = ctx.reads.published_by_slug(seg[0]);
      if (!article) return not_found_page(ctx);
      if (article->kind == content::Kind::Article)
        return post_comment(ctx, request, *article, flood_, client_address(request));
    }
  }
  if (!request.is_get_or_head()) {
    http::Response r = http::Response::plain(405, "This address answers GET and HEAD only.");
    r.set_header("Allow", "GET, HEAD");
    return r;
  }
  if (request.path == "/robots.txt") return robots_txt(ctx);
  if (is_icon_path(request.path))
    if (auto icon = site_icon(ctx, options_.media_dir, request.path)) return *icon;
  if (request.path == "/sitemap.xml") return sitemap_index(ctx);
  if (request.path == "/news-sitemap.xml") return news_sitemap(ctx);
  // Where WordPress (5.5 and later) and Yoast put their index: what an imported site
  // gave search engines before.
  if (request.path == "/wp-sitemap.xml" || request.path == "/sitemap_index.xml")
    return http::Response::redirect(301, "/sitemap.xml");
  if (std::string_view p = request.path; p.starts_with("/sitemap-") && p.ends_with(".xml"))
    return sitemap_child(ctx, p.substr(9, p.size() - 13));
  if (request.path == "/search")
    return http::Response::redirect(
        301, "/search/" + (request.query.empty() ? std::string() : "?" + request.query));
  if (request.path.back() != '/') {
    // Like WordPress: /slug answers 301 to /slug/ when that page exists.
    http::Response r = route(ctx, request.path + "/");
    if (r.status != 200) return r;
    // Built from the decoded segments, re-encoded, under a single leading slash: never
    // from the raw target, where "//evil.example" would send the reader to another host.
    std::string location;
    for (std::string_view segment : content::split(request.path, '/'))
      location += "/" + content::percent_encode(segment);
    location += "/";
    if (!request.query.empty()) location += "?" + request.query;
    return http::Response::redirect(301, location);
  }
  if (request.path == "/search/")
    return search_page(ctx, request, search_budget_, client_address(request));
  // Old WordPress links: /?p=ID, /?page_id=ID and /?cat=ID, WordPress's search /?s=…, and
  // the feeds /?feed=rss2 (rss, rdf, atom, comments-rss2; of a category with ?cat=ID).
  if (request.path == "/") {
    if (auto typed = request.query_param("s"))
      return http::Response::redirect(301, "/search/?q=" + content::percent_encode(*typed));
    // An imported category by its WordPress id, or its feed: /?cat=12[&feed=rss2].
    if (auto cat = request.query_param("cat"))
      if (auto target = ctx.reads.redirect("?cat=" + *cat)) {
        auto kind = request.query_param("feed");
        return http::Response::redirect(301, !kind             ? *target
                                             : *kind == "atom" ? content::atom_feed_url(*target)
                                                               : content::feed_url(*target));
      }
    if (auto kind = request.query_param("feed")) {
      if (*kind == "atom") return http::Response::redirect(301, "/feed/atom/");
      if (*kind == "comments-rss2") return http::Response::redirect(301, "/comments/feed/");
      if (*kind == "rss2" || *kind == "rss" || *kind == "rdf" || kind->empty())
        return http::Response::redirect(301, "/feed/");
    }
    for (const char* key : {"p", "page_id"})
      if (auto id = request.query_param(key))
        if (auto target = ctx.reads.redirect("?" + std::string(key) + "=" + *id))
          return http::Response::redirect(301, *target);
  }
  ArticleView view;
  view.own_pending = own_pending_comments(ctx, request);
  if (auto reply = request.query_param("replytocom")) {
    view.reply_to = content::parse_integer(*reply).value_or(0);
  }
  if (auto embed = request.query_param("embed"))
    view.embed = static_cast<int>(
        std::clamp<std::int64_t>(content::parse_integer(*embed).value_or(0), 0, 10000));
  http::Response r = route(ctx, request.path, view);
  if (r.status == 404)
    if (auto target = old_address(ctx.reads, request.path))
      return http::Response::redirect(301, *target);
  return r;
}

std::optional<std::string> Site::old_address(store::ReaderReads& reads,
                                             const std::string& path) const {
  if (auto target = reads.redirect(path)) return target;
  // The feed of an old address: /2014/01/10/story/feed/ -> /story/feed/
  constexpr std::string_view kFeed = "feed/";
  if (path.size() > kFeed.size() && path.ends_with(kFeed))
    if (auto target = reads.redirect(path.substr(0, path.size() - kFeed.size())))
      return content::feed_url(*target);
  return std::nullopt;
}

}  // namespace khabar::site
