#include <map>
#include <nlohmann/json.hpp>

#include "content/categories.h"
#include "content/language.h"
#include "content/text.h"
#include "content/urls.h"
#include "render/dates.h"
#include "render/escape.h"
#include "render/markdown.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {
namespace {

constexpr int kMaxCommentDepth = 5;

// Up to two initials of a name (first letters of its first and last words).
std::string initials(std::string_view name) {
  std::vector<std::string> letters;
  bool word_start = true;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    if (name[i] == ' ') {
      word_start = true;
    } else if (word_start) {
      letters.emplace_back(name.substr(i, len));
      word_start = false;
    }
    i += len;
  }
  std::string out;
  if (!letters.empty()) out += letters.front();
  if (letters.size() > 1) out += letters.back();
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}

// Plain-text comment to HTML: everything escaped, blank lines make paragraphs, single
// newlines make <br>.
std::string comment_html(std::string_view text) {
  std::string out = "<p>";
  std::string escaped = render::escape_html(text);
  std::size_t newlines = 0;
  for (char c : escaped) {
    if (c == '\r') continue;
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (newlines >= 2)
      out += "</p>\n<p>";
    else if (newlines == 1)
      out += "<br>\n";
    newlines = 0;
    out += c;
  }
  return out + "</p>";
}

struct CommentTree {
  std::map<content::Id, std::vector<const content::Comment*>> children;  // 0 = top level
};

void add_comments(const PageContext& ctx, std::string_view lang,
                  ctemplate::TemplateDictionary& parent, const CommentTree& tree,
                  content::Id parent_id, int depth) {
  auto it = tree.children.find(parent_id);
  if (it == tree.children.end()) return;
  for (const content::Comment* c : it->second) {
    auto* item = parent.AddSectionDictionary("COMMENT");
    auto* d = item->AddIncludeDictionary("COMMENT_ITEM");
    d->SetFilename("comment.tpl");
    d->SetIntValue("ID", c->id);
    d->SetIntValue("DEPTH", depth);
    d->SetValue("AUTHOR", c->author_name);
    d->SetValue("INITIALS", initials(c->author_name));
    if (!c->author_url.empty())
      d->SetValueAndShowSection("URL", c->author_url, "HAS_URL");
    else
      d->ShowSection("NO_URL");
    d->SetValue("DATE_ISO", render::iso8601(c->created_at));
    d->SetValue("DATE", display_date(ctx, lang, c->created_at));
    d->SetValue("BODY", comment_html(c->body));
    if (tree.children.contains(c->id)) {
      auto* replies = d->AddSectionDictionary("REPLIES");
      add_comments(ctx, lang, *replies, tree, c->id, depth + 1);
    }
  }
}

// Threads comments; replies below the maximum depth join their deepest allowed ancestor.
CommentTree build_tree(const std::vector<content::Comment>& comments) {
  std::map<content::Id, const content::Comment*> by_id;
  for (const auto& c : comments) by_id[c.id] = &c;
  auto depth_of = [&](const content::Comment* c) {
    int depth = 1;
    for (auto p = by_id.find(c->parent_id); p != by_id.end() && depth <= kMaxCommentDepth;
         p = by_id.find(p->second->parent_id))
      ++depth;
    return depth;
  };
  CommentTree tree;
  for (const auto& c : comments) {
    content::Id parent = by_id.contains(c.parent_id) ? c.parent_id : 0;  // orphan: top level
    while (parent && depth_of(by_id[parent]) >= kMaxCommentDepth) parent = by_id[parent]->parent_id;
    tree.children[parent].push_back(&c);
  }
  return tree;
}

http::Response static_page(PageContext& ctx, const content::Article& a) {
  Page p(ctx, a.language, "page.tpl");
  auto& main = p.main();
  p.set_title(a.title);
  p.set_canonical(content::article_url(a.slug));
  p.set_description(a.excerpt);
  main.SetValue("TITLE", a.title);
  main.SetValue("BODY", render::markdown_to_html(a.body_markdown));
  p.add_json_ld(add_breadcrumbs(ctx, main, a.language, 0, a.title, content::article_url(a.slug)));
  return p.render();
}

}  // namespace

http::Response article_page(PageContext& ctx, const content::Article& a) {
  if (a.kind == content::Kind::Page) return static_page(ctx, a);
  const std::string& lang = a.language;
  const auto& strings = ctx.strings();
  std::string url = content::article_url(a.slug);
  Page p(ctx, lang, "article.tpl");
  auto& main = p.main();
  p.set_title(a.title);
  p.set_canonical(url);
  p.set_description(a.excerpt);
  auto trail = content::category_trail(ctx.categories, a.category_id);
  if (!trail.empty()) p.set_current_category(trail.front()->id);

  main.SetValue("TITLE", a.title);
  main.SetValue("BODY", render::markdown_to_html(a.body_markdown));
  main.SetValue("PUBLISHED_ISO", render::iso8601(a.published_at));
  main.SetValue("PUBLISHED", display_date(ctx, lang, a.published_at));
  if (a.updated_at > a.published_at + 60) {
    auto* u = main.AddSectionDictionary("UPDATED");
    u->SetValue("ISO", render::iso8601(a.updated_at));
    u->SetValue("TEXT", display_date(ctx, lang, a.updated_at));
  }
  main.SetValue("READING_TIME", strings.format(lang, "reading_time",
                                               {{"n", number(ctx, lang, a.reading_minutes)}}));
  for (std::size_t i = 0; i < a.authors.size(); ++i) {
    const auto& author = a.authors[i];
    auto* d = main.AddSectionDictionary("AUTHOR");
    d->SetValue("NAME", author.display_name);
    d->SetValue("URL", content::author_url(author.slug));
    if (i > 0)
      d->SetValueAndShowSection("SEP",
                                i + 1 == a.authors.size()
                                    ? " " + strings.get(lang, "and") + " "
                                    : (content::is_rtl(lang) ? "\u060C " : ", "),
                                "HAS_SEP");
    auto* box = main.AddSectionDictionary("AUTHOR_BOX");
    box->SetIntValue("ID", author.id);
    box->SetValue("HEADING", strings.format(lang, "about_author", {{"name", author.display_name}}));
    box->SetValue("INITIALS", initials(author.display_name));
    box->SetValue("BIO", author.bio);
    box->SetValue("URL", content::author_url(author.slug));
    box->SetValue("LINK_TEXT",
                  strings.format(lang, "all_articles_by", {{"name", author.display_name}}));
  }
  if (!a.source_line.empty()) main.SetValueAndShowSection("SOURCE", a.source_line, "HAS_SOURCE");
  if (!a.tags.empty()) {
    auto* tags = main.AddSectionDictionary("TAGS");
    for (const auto& t : a.tags) {
      auto* d = tags->AddSectionDictionary("TAG");
      d->SetValue("NAME", t.name);
      d->SetValue("URL", content::tag_url(t.slug));
    }
  }

  auto comments = ctx.store.approved_comments(a.id);
  std::size_t n = comments.size();
  main.SetValue("COMMENTS_HEADING",
                n == 0   ? strings.get(lang, "comments_zero")
                : n == 1 ? strings.get(lang, "comments_one")
                         : strings.format(lang, "comments_other",
                                          {{"n", number(ctx, lang, static_cast<long>(n))}}));
  if (n > 0) {
    auto* list = main.AddSectionDictionary("COMMENT_LIST");
    add_comments(ctx, lang, *list, build_tree(comments), 0, 1);
  }
  if (!a.comments_open) main.ShowSection("COMMENTS_CLOSED");

  if (auto related = ctx.store.related_article(a)) add_card(ctx, main, "CHECK_ALSO", *related);

  std::string breadcrumbs_json = add_breadcrumbs(ctx, main, lang, a.category_id, a.title, url);
  nlohmann::json authors = nlohmann::json::array();
  for (const auto& author : a.authors)
    authors.push_back({{"@type", "Person"},
                       {"name", author.display_name},
                       {"url", ctx.absolute(content::author_url(author.slug))}});
  nlohmann::json article = {
      {"@context", "https://schema.org"},
      {"@type", "NewsArticle"},
      {"headline", a.title},
      {"description", a.excerpt},
      {"inLanguage", lang},
      {"datePublished", render::iso8601(a.published_at)},
      {"dateModified", render::iso8601(std::max(a.updated_at, a.published_at))},
      {"author", authors},
      {"mainEntityOfPage", ctx.absolute(url)},
      {"publisher",
       {{"@type", "Organization"}, {"name", ctx.settings.title}, {"url", ctx.absolute("/")}}}};
  if (!trail.empty()) article["articleSection"] = trail.back()->name;
  p.add_json_ld(article.dump());
  p.add_json_ld(breadcrumbs_json);
  p.add_meta_property("og:type", "article");
  p.add_meta_property("og:title", a.title);
  p.add_meta_property("og:description", a.excerpt);
  p.add_meta_property("og:url", ctx.absolute(url));
  p.add_meta_property("og:site_name", ctx.settings.title);
  p.add_meta_property("og:locale", lang);
  p.add_meta_property("article:published_time", render::iso8601(a.published_at));
  for (const auto& t : a.tags) p.add_meta_property("article:tag", t.name);
  return p.render();
}

}  // namespace khabar::site
