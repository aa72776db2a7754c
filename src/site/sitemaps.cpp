// The sitemaps (docs/urls.md): /sitemap.xml, an index of children by kind and month, and
// /news-sitemap.xml for Google News. Written by hand as XML: a child is thousands of
// identical little elements, and the store has already done the work of choosing them.
#include "site/sitemaps.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "content/categories.h"
#include "content/dates.h"
#include "content/text.h"
#include "content/urls.h"
#include "render/escape.h"
#include "site/cache_tags.h"
#include "site/pages.h"

namespace khabar::site {
namespace {

// At most this many URLs in a child (the protocol allows 50,000 and 50 MB; with 20
// pictures a URL and the longest slugs a child stays under 10 MB).
constexpr std::size_t kUrlsPerChild = 2000;
constexpr int kNewsItems = 1000;                    // Google News reads no more
constexpr content::Timestamp kNewsWindow = 172800;  // 48 hours

constexpr std::string_view kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

std::string month_name(int month) {  // 202611 -> "2026-11"
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", month / 100 % 10000, month % 100);
  return buf;
}

// The child's path: /sitemap-<name>.xml for its first slice, /sitemap-<name>-N.xml after.
std::string child_path(std::string_view name, std::size_t slice) {
  std::string path = "/sitemap-" + std::string(name);
  if (slice > 0) path += "-" + std::to_string(slice + 1);
  return path + ".xml";
}

std::size_t slices(std::size_t urls) { return (urls + kUrlsPerChild - 1) / kUrlsPerChild; }

class Xml {
 public:
  explicit Xml(std::string_view root_open) { out_.append(kXmlHead).append(root_open); }
  Xml& text(std::string_view element, std::string_view value) {
    out_.append("<").append(element).append(">");
    out_.append(render::escape_html(value));
    out_.append("</").append(element).append(">");
    return *this;
  }
  Xml& raw(std::string_view s) {
    out_.append(s);
    return *this;
  }
  std::string done(std::string_view root_close) && {
    out_.append(root_close).append("\n");
    return std::move(out_);
  }

 private:
  std::string out_;
};

// The listing children (categories, tags, authors): each listing's page and lastmod.
struct ListingUrl {
  std::string path;
  content::Timestamp modified_at;
};

std::vector<ListingUrl> listing_urls(PageContext& ctx, store::ListingKind kind) {
  std::vector<ListingUrl> out;
  for (auto& l : ctx.reads.sitemap_listings(kind)) {
    if (kind == store::ListingKind::Category) {
      if (const auto* c = content::find_category(ctx.categories, l.id))
        out.push_back({content::category_url(c->path), l.modified_at});
    } else {
      out.push_back(
          {kind == store::ListingKind::Tag ? content::tag_url(l.slug) : content::author_url(l.slug),
           l.modified_at});
    }
  }
  return out;
}

struct ListingChild {
  std::string_view name;
  store::ListingKind kind;
  const char* tag;
};
constexpr ListingChild kListingChildren[] = {
    {"categories", store::ListingKind::Category, kTagSitemapCategories},
    {"tags", store::ListingKind::Tag, kTagSitemapTags},
    {"authors", store::ListingKind::Author, kTagSitemapAuthors},
};

// The pages child: the home page (its lastmod the newest change of any month) and the
// static pages.
std::vector<ListingUrl> page_urls(PageContext& ctx,
                                  const std::vector<store::SitemapMonth>& months) {
  content::Timestamp home = 0;
  for (const auto& m : months) home = std::max(home, m.modified_at);
  std::vector<ListingUrl> out{{"/", home}};
  for (const auto& p : ctx.pages) out.push_back({content::article_url(p.slug), p.updated_at});
  return out;
}

http::Response xml_response(PageContext& ctx, std::string body, std::string cache_control) {
  return cached_response(ctx, "application/xml; charset=utf-8", std::move(body),
                         std::move(cache_control));
}

// <urlset> with the protocol's namespace and, if given, one of Google's extensions.
constexpr std::string_view kImageNs =
    " xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\"";
constexpr std::string_view kNewsNs =
    " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"";
std::string urlset_open(std::string_view extension = {}) {
  return "<urlset xmlns=\"" + std::string(kSitemapNs) + "\"" + std::string(extension) + ">\n";
}

http::Response listing_child(PageContext& ctx, const std::vector<ListingUrl>& urls,
                             std::size_t slice) {
  if (slice >= slices(urls.size())) return not_found_page(ctx);
  Xml xml(urlset_open());
  auto end = std::min(urls.size(), (slice + 1) * kUrlsPerChild);
  for (std::size_t i = slice * kUrlsPerChild; i < end; ++i) {
    xml.raw("<url>").text("loc", ctx.absolute(urls[i].path));
    if (urls[i].modified_at > 0) xml.text("lastmod", ctx.iso_time(urls[i].modified_at));
    xml.raw("</url>\n");
  }
  return xml_response(ctx, std::move(xml).done("</urlset>"), "public, max-age=3600");
}

http::Response articles_child(PageContext& ctx, int month, std::size_t slice) {
  ctx.tag(tag_sitemap_month(month));
  auto articles = ctx.reads.sitemap_articles(month, static_cast<int>(kUrlsPerChild),
                                             static_cast<int>(slice * kUrlsPerChild));
  if (articles.empty()) return not_found_page(ctx);
  Xml xml(urlset_open(kImageNs));
  for (const auto& a : articles) {
    xml.raw("<url>")
        .text("loc", ctx.absolute(content::article_url(a.slug)))
        .text("lastmod", ctx.iso_time(std::max(a.updated_at, a.published_at)));
    for (const auto& file : a.images)
      xml.raw("<image:image>")
          .text("image:loc", ctx.absolute("/media/" + content::percent_encode_path(file)))
          .raw("</image:image>");
    xml.raw("</url>\n");
  }
  return xml_response(ctx, std::move(xml).done("</urlset>"), "public, max-age=3600");
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The slice a child's name ends with: "" for the first, "-N" (N >= 2, no leading zero)
// for slice N-1; nothing for anything else, so each child has one address.
std::optional<std::size_t> parse_slice(std::string_view rest) {
  if (rest.empty()) return 0;
  if (rest.size() < 2 || rest.size() > 7 || rest[0] != '-' || rest[1] == '0' ||
      !all_digits(rest.substr(1)))
    return std::nullopt;
  auto n = content::parse_integer(rest.substr(1));
  if (!n || *n < 2) return std::nullopt;
  return static_cast<std::size_t>(*n - 1);
}

// "2026-11" -> 202611.
std::optional<int> parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(5)))
    return std::nullopt;
  auto year = content::parse_integer(s.substr(0, 4));
  auto month = content::parse_integer(s.substr(5, 2));
  if (!year || !month || *year < 1000 || *month < 1 || *month > 12) return std::nullopt;
  return static_cast<int>(*year * 100 + *month);
}

}  // namespace

std::string news_language(std::string_view language) {
  std::string code;
  for (char c : language) code += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  // Google News names Chinese by script and Dari as Persian; everything else by its
  // ISO 639 code alone.
  if (code.starts_with("zh-tw") || code.starts_with("zh-hant")) return "zh-tw";
  if (code.starts_with("zh")) return "zh-cn";
  code = code.substr(0, code.find_first_of("-_"));
  if (code == "prs") return "fa";
  if (code == "pbt" || code == "pst") return "ps";
  return code;
}

http::Response sitemap_index(PageContext& ctx) {
  ctx.tag(kTagSite);
  ctx.tag(kTagSitemapIndex);
  auto months = ctx.reads.sitemap_months();
  Xml xml("<sitemapindex xmlns=\"" + std::string(kSitemapNs) + "\">\n");
  auto entry = [&](const std::string& path, content::Timestamp modified) {
    xml.raw("<sitemap>").text("loc", ctx.absolute(path));
    if (modified > 0) xml.text("lastmod", ctx.iso_time(modified));
    xml.raw("</sitemap>\n");
  };
  // A child's lastmod is the newest of its URLs' changes.
  auto children = [&](std::string_view name, const std::vector<ListingUrl>& urls) {
    for (std::size_t i = 0; i < slices(urls.size()); ++i) {
      content::Timestamp newest = 0;
      for (std::size_t u = i * kUrlsPerChild; u < std::min(urls.size(), (i + 1) * kUrlsPerChild);
           ++u)
        newest = std::max(newest, urls[u].modified_at);
      entry(child_path(name, i), newest);
    }
  };
  children("pages", page_urls(ctx, months));
  for (const auto& child : kListingChildren) children(child.name, listing_urls(ctx, child.kind));
  for (auto m = months.rbegin(); m != months.rend(); ++m)
    for (std::size_t i = 0; i < slices(static_cast<std::size_t>(m->articles)); ++i)
      entry(child_path("articles-" + month_name(m->month), i), m->modified_at);
  return xml_response(ctx, std::move(xml).done("</sitemapindex>"), "public, max-age=300");
}

http::Response sitemap_child(PageContext& ctx, std::string_view name) {
  ctx.tag(kTagSite);
  if (name.starts_with("pages"))
    if (auto slice = parse_slice(name.substr(5))) {
      ctx.tag(kTagSitemapIndex);  // the home page's lastmod
      return listing_child(ctx, page_urls(ctx, ctx.reads.sitemap_months()), *slice);
    }
  for (const auto& child : kListingChildren)
    if (name.starts_with(child.name))
      if (auto slice = parse_slice(name.substr(child.name.size()))) {
        ctx.tag(child.tag);
        return listing_child(ctx, listing_urls(ctx, child.kind), *slice);
      }
  constexpr std::string_view kArticles = "articles-";
  if (name.starts_with(kArticles) && name.size() >= kArticles.size() + 7)
    if (auto month = parse_month(name.substr(kArticles.size(), 7)))
      if (auto slice = parse_slice(name.substr(kArticles.size() + 7)))
        return articles_child(ctx, *month, *slice);
  return not_found_page(ctx);
}

http::Response news_sitemap(PageContext& ctx) {
  ctx.tag(kTagSite);
  const content::Timestamp since = ctx.now - kNewsWindow;
  // What it lists changes with the months it spans, and with time alone.
  for (content::Timestamp t : {since, ctx.now}) {
    auto d = content::civil_from_unix(t);
    ctx.tag(tag_sitemap_month(d.year * 100 + d.month));
  }
  std::string publication = ctx.reads.setting("news_publication").value_or("");
  if (publication.empty()) publication = ctx.settings.title;
  Xml xml(urlset_open(kNewsNs));
  for (const auto& a : ctx.reads.sitemap_news(since, kNewsItems)) {
    xml.raw("<url>")
        .text("loc", ctx.absolute(content::article_url(a.slug)))
        .raw("<news:news><news:publication>")
        .text("news:name", publication)
        .text("news:language", news_language(a.language))
        .raw("</news:publication>")
        .text("news:publication_date", ctx.iso_time(a.published_at))
        .text("news:title", a.title)
        .raw("</news:news></url>\n");
  }
  http::Response r = xml_response(ctx, std::move(xml).done("</urlset>"), "public, max-age=300");
  r.cache_lifetime = std::chrono::seconds(300);
  return r;
}

}  // namespace khabar::site
