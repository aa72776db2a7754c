#include <ctemplate/template.h>

#include "content/categories.h"
#include "content/dates.h"
#include "content/urls.h"
#include "site/cache_tags.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {
namespace {

// The newest kFeedItems articles of a listing, and the cache tags of a feed showing them.
std::vector<content::ArticleSummary> feed_items(PageContext& ctx,
                                                const content::ListingFilter& filter) {
  auto items = ctx.reads.published_articles(filter, kFeedItems, 0);
  ctx.tag(kTagSite);
  if (filter.category_id)
    ctx.tag(tag_category_listing(*filter.category_id));
  else if (filter.tag_id)
    ctx.tag(tag_tag_listing(*filter.tag_id));
  else if (filter.author_id)
    ctx.tag(tag_author_listing(*filter.author_id));
  else
    ctx.tag(kTagHome);
  for (const auto& a : items) ctx.tag(tag_article(a.id));
  return items;
}

http::Response feed_response(PageContext& ctx, std::string type, std::string body) {
  return cached_response(ctx, std::move(type), std::move(body), "public, max-age=300");
}

// A stable id for an entry (RFC 4151 tag URI: it survives a change of slug or address):
// tag:<host>,<year of publication>:article-<id>.
std::string entry_id(const PageContext& ctx, const content::Article& a) {
  std::string host = ctx.settings.url;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  host = host.substr(0, host.find_first_of("/:"));
  return "tag:" + host + "," + ctx.iso_time(a.published_at).substr(0, 4) + ":article-" +
         std::to_string(a.id);
}

}  // namespace

http::Response cached_response(PageContext& ctx, std::string type, std::string body,
                               std::string cache_control) {
  http::Response r;
  r.content_type = std::move(type);
  r.body = std::move(body);
  r.cache_control = std::move(cache_control);
  r.cacheable = true;
  r.cache_tags = std::move(ctx.cache_tags);
  return r;
}

http::Response rss_feed(PageContext& ctx, const content::ListingFilter& filter,
                        std::string_view title, std::string_view listing_path) {
  auto items = feed_items(ctx, filter);
  ctemplate::TemplateDictionary dict("rss");
  dict.SetValue("TITLE", std::string(title));
  dict.SetValue("LINK", ctx.absolute(listing_path));
  dict.SetValue("SELF", ctx.absolute(content::feed_url(listing_path)));
  if (!ctx.settings.websub_hub.empty())
    dict.SetValueAndShowSection("HUB_URL", ctx.settings.websub_hub, "HUB");
  dict.SetValue("DESCRIPTION",
                ctx.settings.tagline.empty() ? ctx.settings.title : ctx.settings.tagline);
  dict.SetValue("LANG", ctx.settings.language);
  content::Timestamp newest = 0;
  for (const auto& a : items) {
    newest = std::max(newest, std::max(a.published_at, a.updated_at));
    auto* item = dict.AddSectionDictionary("ITEM");
    item->SetValue("TITLE", a.title);
    item->SetValue("LINK", ctx.absolute(content::article_url(a.slug)));
    item->SetValue("DATE", content::rfc822(a.published_at));
    // An article changed since it was published may carry correction notes: read then.
    std::string description = a.excerpt;
    if (a.updated_at > a.published_at + 60)
      if (auto full = ctx.reads.published_by_slug(a.slug))
        for (const auto& c : full->corrections)
          description += "\n" + ctx.strings().get(a.language, "correction") + ": " +
                         display_date_time(ctx, a.language, c.noted_at) + " \u2014 " + c.text;
    item->SetValue("EXCERPT", description);
    for (const auto& author : a.authors)
      item->AddSectionDictionary("CREATOR")->SetValue("NAME", author.display_name);
    if (const auto* c = content::find_category(ctx.categories, a.category_id))
      item->SetValueAndShowSection("CATEGORY", c->name, "HAS_CATEGORY");
  }
  if (newest) dict.SetValueAndShowSection("BUILD_DATE", content::rfc822(newest), "HAS_BUILD_DATE");
  return feed_response(
      ctx, "application/rss+xml; charset=utf-8",
      ctx.theme.expand(ctx.theme.localized(ctx.settings.language, "rss.tpl"), dict));
}

http::Response atom_feed(PageContext& ctx, const content::ListingFilter& filter,
                         std::string_view title, std::string_view listing_path) {
  auto items = feed_items(ctx, filter);
  ctemplate::TemplateDictionary dict("atom");
  dict.SetValue("TITLE", std::string(title));
  if (!ctx.settings.tagline.empty())
    dict.SetValueAndShowSection("SUBTITLE", ctx.settings.tagline, "HAS_SUBTITLE");
  dict.SetValue("BASE", ctx.absolute("/"));
  dict.SetValue("LINK", ctx.absolute(listing_path));
  dict.SetValue("SELF", ctx.absolute(content::atom_feed_url(listing_path)));
  if (!ctx.settings.websub_hub.empty())
    dict.SetValueAndShowSection("HUB_URL", ctx.settings.websub_hub, "HUB");
  dict.SetValue("LANG", ctx.settings.language);
  dict.SetValue("SITE", ctx.settings.title);
  content::Timestamp newest = 0;
  for (const auto& summary : items) {
    auto a = ctx.reads.published_by_slug(summary.slug);  // with its text
    if (!a) continue;
    content::Timestamp updated = std::max(a->published_at, a->updated_at);
    newest = std::max(newest, updated);
    auto* entry = dict.AddSectionDictionary("ENTRY");
    entry->SetValue("ID", entry_id(ctx, *a));
    entry->SetValue("TITLE", a->title);
    entry->SetValue("LINK", ctx.absolute(content::article_url(a->slug)));
    entry->SetValue("LANG", a->language);
    entry->SetValue("PUBLISHED", ctx.iso_time(a->published_at));
    entry->SetValue("UPDATED", ctx.iso_time(updated));
    for (const auto& author : a->authors) {
      auto* by = entry->AddSectionDictionary("AUTHOR");
      by->SetValue("NAME", author.display_name);
      by->SetValue("URI", ctx.absolute(content::author_url(author.slug)));
    }
    if (const auto* c = content::find_category(ctx.categories, a->category_id)) {
      auto* cat = entry->AddSectionDictionary("CATEGORY");
      cat->SetValue("TERM", c->name);
      cat->SetValue("SCHEME", ctx.absolute(content::category_url(c->path)));
    }
    for (const auto& t : a->tags) {
      auto* cat = entry->AddSectionDictionary("CATEGORY");
      cat->SetValue("TERM", t.name);
      cat->SetValue("SCHEME", ctx.absolute(content::tag_url(t.slug)));
    }
    entry->SetValue("SUMMARY", a->excerpt);
    entry->SetValue("CONTENT",
                    body_html(ctx, *a) + corrections_html(ctx, a->language, a->corrections));
  }
  dict.SetValue("UPDATED", ctx.iso_time(newest ? newest : ctx.now));
  return feed_response(
      ctx, "application/atom+xml; charset=utf-8",
      ctx.theme.expand(ctx.theme.localized(ctx.settings.language, "atom.tpl"), dict));
}

http::Response comments_feed(PageContext& ctx, const content::Article* article) {
  const auto& strings = ctx.strings();
  const std::string& lang = article ? article->language : ctx.settings.language;
  auto comments = ctx.reads.latest_comments(article ? article->id : 0, kFeedItems);
  ctx.tag(kTagSite);
  if (article) {
    ctx.tag(tag_article(article->id));
    ctx.tag(tag_comments(article->id));
  } else {
    ctx.tag(kTagAllComments);
    // An article's title or slug changes: its comments in the site's feed follow.
    for (const auto& c : comments) ctx.tag(tag_article(c.comment.article_id));
  }
  std::string listing = article ? content::article_url(article->slug) : "/";
  ctemplate::TemplateDictionary dict("comments");
  dict.SetValue("TITLE", strings.format(lang, "comments_on",
                                        {{"name", article ? article->title : ctx.settings.title}}));
  dict.SetValue("LINK", ctx.absolute(listing));
  dict.SetValue("SELF", ctx.absolute(article ? content::feed_url(listing) : "/comments/feed/"));
  dict.SetValue("DESCRIPTION",
                ctx.settings.tagline.empty() ? ctx.settings.title : ctx.settings.tagline);
  dict.SetValue("LANG", lang);
  if (!comments.empty())
    dict.SetValueAndShowSection("BUILD_DATE", content::rfc822(comments.front().comment.created_at),
                                "HAS_BUILD_DATE");
  for (const auto& c : comments) {
    auto* item = dict.AddSectionDictionary("ITEM");
    item->SetValue("TITLE",
                   strings.format(c.article_language, "comment_by",
                                  {{"title", c.article_title}, {"name", c.comment.author_name}}));
    std::string link = ctx.absolute(content::article_url(c.article_slug)) + "#comment-" +
                       std::to_string(c.comment.id);
    item->SetValue("LINK", link);
    item->SetValue("DATE", content::rfc822(c.comment.created_at));
    item->SetValue("NAME", c.comment.author_name);
    item->SetValue("TEXT", c.comment.body);
  }
  return feed_response(
      ctx, "application/rss+xml; charset=utf-8",
      ctx.theme.expand(ctx.theme.localized(ctx.settings.language, "comments_rss.tpl"), dict));
}

}  // namespace khabar::site
