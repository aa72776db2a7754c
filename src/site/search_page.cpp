#include "site/search_page.h"

#include <algorithm>

#include "content/categories.h"
#include "content/language.h"
#include "content/settings.h"
#include "content/text.h"
#include "content/time_zone.h"
#include "content/urls.h"
#include "newsroom/reader_search.h"
#include "render/escape.h"
#include "search/snippet.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {
namespace {

// What the reader asked for, as the request's parameters say it.
struct Asked {
  std::string q;
  std::string category;  // a category path
  std::string author;    // an author's public slug
  std::string language;
  std::string from, to;  // YYYY-MM-DD
  int page = 1;
  bool valid_page = true;
};

std::string param(const http::Request& r, std::string_view name) {
  auto v = r.query_param(name);
  if (!v || !content::is_valid_utf8(*v)) return {};
  return content::trim(v->substr(0, 1024));
}

Asked read_request(const http::Request& r) {
  Asked a;
  a.q = param(r, "q");
  a.category = param(r, "category");
  while (!a.category.empty() && a.category.back() == '/') a.category.pop_back();
  while (!a.category.empty() && a.category.front() == '/') a.category.erase(0, 1);
  a.author = param(r, "author");
  a.language = param(r, "language");
  if (!content::is_valid_language_code(a.language)) a.language.clear();
  a.from = param(r, "from");
  a.to = param(r, "to");
  if (std::string p = param(r, "page"); !p.empty()) {
    auto n = p.size() <= 4 && p[0] != '0' ? content::parse_integer(p) : std::nullopt;
    a.valid_page = n && *n >= 1 && *n <= kMaxSearchPage;
    a.page = a.valid_page ? static_cast<int>(*n) : 1;
  }
  return a;
}

// The search page's address for `a`, with `page`, and with one parameter changed.
std::string url_of(const Asked& a, int page, std::string_view change = {},
                   std::string_view value = {}) {
  std::string out = "/search/?q=" + content::percent_encode(a.q);
  auto add = [&](std::string_view name, const std::string& v) {
    std::string_view used = name == change ? value : std::string_view(v);
    if (!used.empty()) out += "&" + std::string(name) + "=" + content::percent_encode(used);
  };
  add("category", a.category);
  add("author", a.author);
  add("language", a.language);
  add("from", a.from);
  add("to", a.to);
  if (page > 1) out += "&page=" + std::to_string(page);
  return out;
}

// The first instant of a YYYY-MM-DD day in the site's zone (`after`: of the next day).
std::optional<content::Timestamp> day_start(const PageContext& ctx, const std::string& day,
                                            bool after) {
  if (day.size() != 10) return std::nullopt;
  auto t = content::parse_local_time(day + "T00:00");
  if (!t) return std::nullopt;
  if (!after) return ctx.settings.zone.to_utc(*t);
  t->hour = 23, t->minute = 59, t->second = 59;
  return ctx.settings.zone.to_utc(*t) + 1;
}

std::string marked(const std::vector<search::Piece>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    if (p.match) out += "<mark>";
    out += render::escape_html(p.text);
    if (p.match) out += "</mark>";
  }
  return out;
}

std::string language_name(const PageContext& ctx, const std::string& code) {
  if (ctx.strings().has_language(code)) return ctx.strings().get(code, "name");
  return code;
}

// A link that narrows the search to one value of a filter, with its count.
struct Facet {
  std::string name, value, lang;
  std::int64_t count = 0;
};

// The links of one filter ("All" first), when there is a choice or one is made.
void add_facets(const PageContext& ctx, ctemplate::TemplateDictionary& main, const Asked& asked,
                const char* section, std::string_view filter, const std::string& current,
                const std::vector<Facet>& facets, bool estimated) {
  if (facets.size() < 2 && current.empty()) return;
  const std::string& lang = ctx.settings.language;
  auto* list = main.AddSectionDictionary(section);
  auto* all = list->AddSectionDictionary("FACET");
  all->SetValue("NAME", ctx.strings().get(lang, "search_all"));
  all->SetValue("URL", url_of(asked, 1, filter, ""));
  if (current.empty()) all->ShowSection("CURRENT");
  for (const auto& f : facets) {
    auto* item = list->AddSectionDictionary("FACET");
    item->SetValue("NAME", f.name);
    if (!f.lang.empty()) item->SetValueAndShowSection("LANG", f.lang, "LANG");
    // An estimate (SearchResults::estimated) is shown as one: ≈ 41,000.
    item->SetValueAndShowSection(
        "COUNT", (estimated ? "\u2248\u00a0" : "") + number(ctx, lang, static_cast<long>(f.count)),
        "HAS_COUNT");
    item->SetValue("URL", url_of(asked, 1, filter, f.value));
    if (f.value == current) item->ShowSection("CURRENT");
  }
}

http::Response finish(http::Response r) {
  // Results change with every edit and differ by query: never stored, never indexed.
  r.cacheable = false;
  r.cache_tags.clear();
  r.cache_control = "no-store";
  r.set_header("X-Robots-Tag", "noindex");
  return r;
}

}  // namespace

http::Response search_page(PageContext& ctx, const http::Request& request,
                           security::RateBudget& budget, const std::string& client) {
  const std::string& lang = ctx.settings.language;
  Asked asked = read_request(request);
  if (!asked.valid_page) return finish(not_found_page(ctx));

  Page p(ctx, lang, "search.tpl");
  p.root().ShowSection("NOINDEX");
  auto& main = p.main();
  main.SetValue("QUERY", asked.q);
  for (auto [name, value] :
       {std::pair<const char*, const std::string*>{"category", &asked.category},
        {"author", &asked.author},
        {"language", &asked.language},
        {"from", &asked.from},
        {"to", &asked.to}})
    if (!value->empty()) {
      auto* hidden = main.AddSectionDictionary("FILTER");
      hidden->SetValue("NAME", name);
      hidden->SetValue("VALUE", *value);
    }
  auto sections = [&] {
    for (const content::Category* c : content::top_level_categories(ctx.categories)) {
      auto* s = main.AddSectionDictionary("SECTION");
      s->SetValue("NAME", c->name);
      s->SetValue("URL", content::category_url(c->path));
    }
  };

  if (asked.q.empty()) {
    p.set_title(ctx.strings().get(lang, "search"));
    main.SetValue("HEADING", ctx.strings().get(lang, "search"));
    main.ShowSection("TIPS");
    return finish(p.render());
  }

  budget.set_per_minute(
      content::integer_setting("search_per_minute", ctx.reads.setting("search_per_minute")));
  if (!budget.allow(client)) {
    long wait = std::max(1L, budget.retry_after(client));
    http::Response r =
        http::Response::plain(429, ctx.strings().get(lang, "search_too_many_text") + "\n");
    r.set_header("Retry-After", std::to_string(wait));
    return finish(std::move(r));
  }

  store::SearchRequest req;
  req.query = search::parse_query(asked.q);
  req.limit =
      kResultsPerPage + 1;  // one more: whether a next page has any (an estimate may not say)
  req.offset = (asked.page - 1) * kResultsPerPage;
  req.language = asked.language;
  req.ranked = content::integer_setting("search_ranked", ctx.reads.setting("search_ranked"));
  bool unknown_filter = false;
  if (!asked.category.empty()) {
    auto it = std::find_if(ctx.categories.begin(), ctx.categories.end(),
                           [&](const content::Category& c) { return c.path == asked.category; });
    if (it == ctx.categories.end())
      unknown_filter = true;
    else
      req.category_id = it->id;
  }
  if (!asked.author.empty()) {
    if (auto author = ctx.reads.author_by_slug(asked.author))
      req.author_id = author->id;
    else
      unknown_filter = true;
  }
  if (!asked.from.empty()) req.from = day_start(ctx, asked.from, false).value_or(0);
  if (!asked.to.empty()) req.to = day_start(ctx, asked.to, true).value_or(0);

  newsroom::ReaderSearch found;
  if (!unknown_filter) found = newsroom::find(ctx.reads, req);
  auto& results = found.results;
  bool next_page = results.hits.size() > static_cast<std::size_t>(kResultsPerPage);
  if (next_page) results.hits.pop_back();
  if (asked.page > 1 && results.hits.empty()) return finish(not_found_page(ctx));

  // The query isolated (FSI ... PDI), so that Pashto typed on an English page (or the
  // other way round) keeps its own direction inside the sentence.
  std::string heading =
      ctx.strings().format(lang, "search_results_for", {{"query", "\u2068" + asked.q + "\u2069"}});
  p.set_title(asked.page > 1
                  ? heading + " \u2013 " +
                        ctx.strings().format(lang, "page_n", {{"n", number(ctx, lang, asked.page)}})
                  : heading);
  main.SetValue("HEADING", heading);
  std::string count =
      results.total == 0
          ? ctx.strings().get(lang, "search_count_zero")
          : ctx.strings().format(lang,
                                 results.estimated    ? "search_count_about"
                                 : results.total == 1 ? "search_count_one"
                                                      : "search_count_other",
                                 {{"n", number(ctx, lang, static_cast<long>(results.total))}});
  main.SetValueAndShowSection("COUNT", count, "HAS_QUERY");
  if (found.loosened) main.ShowSection("LOOSENED");
  if (found.suggestion) {
    auto* s = main.AddSectionDictionary("SUGGESTION");
    s->SetValue("TEXT", *found.suggestion);
    Asked better = asked;
    better.q = *found.suggestion;
    s->SetValue("URL", url_of(better, 1));
  }

  for (const auto& hit : results.hits) {
    const auto& a = hit.article;
    auto* item = main.AddSectionDictionary("RESULT");
    item->SetValue("TITLE", marked(search::highlight(a.title, found.searched)));
    auto snippet = search::snippet(hit.text.empty() ? a.excerpt : hit.text, found.searched);
    std::string text = marked(snippet.pieces);
    if (snippet.cut_before) text = "\u2026 " + text;
    if (snippet.cut_after) text += " \u2026";
    item->SetValue("SNIPPET", text);
    add_card_details(ctx, *item, a);
    // A thumbnail beside the result (styles.css: 6rem, 9rem on a wide screen).
    add_card_picture(*item, a, "(min-width: 48rem) 9rem, 6rem");
  }

  // Narrowing: by category and by language, with counts; the current one marked.
  std::vector<Facet> by_category, by_language;
  for (const auto& [id, n] : results.categories)
    if (const auto* c = content::find_category(ctx.categories, id))
      by_category.push_back({c->name, c->path, "", n});
  for (const auto& [code, n] : results.languages)
    by_language.push_back({language_name(ctx, code), code, code, n});
  add_facets(ctx, main, asked, "CATEGORY_FACETS", "category", asked.category, by_category,
             results.estimated);
  add_facets(ctx, main, asked, "LANGUAGE_FACETS", "language", asked.language, by_language,
             results.estimated);

  if (results.hits.empty()) {
    main.ShowSection("NO_RESULTS");
    main.ShowSection("TIPS");
    sections();
  }
  bool more = next_page && asked.page < kMaxSearchPage;
  if (asked.page > 1 || more) {
    auto* nav = main.AddSectionDictionary("PAGES");
    nav->SetValue("CURRENT",
                  ctx.strings().format(lang, "page_n", {{"n", number(ctx, lang, asked.page)}}));
    if (asked.page > 1)
      nav->SetValueAndShowSection("PREVIOUS_URL", url_of(asked, asked.page - 1), "PREVIOUS");
    if (more) nav->SetValueAndShowSection("NEXT_URL", url_of(asked, asked.page + 1), "NEXT");
  }
  return finish(p.render());
}

}  // namespace khabar::site
