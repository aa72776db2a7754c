#include <array>
#include <cctype>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "content/categories.h"
#include "content/comments.h"
#include "content/dates.h"
#include "content/language.h"
#include "content/text.h"
#include "content/urls.h"
#include "render/comment_text.h"
#include "render/embeds.h"
#include "render/escape.h"
#include "render/markdown.h"
#include "render/picture.h"
#include "render/sanitize.h"
#include "site/cache_tags.h"
#include "site/pages.h"
#include "site/views.h"

namespace khabar::site {

// The body as HTML: imported articles carry HTML already sanitised at import; written
// ones are Markdown, whose library images become figures (srcset, caption, credit).
std::string body_html(const PageContext& ctx, const content::Article& a) {
  if (!a.body_html.empty()) return a.body_html;
  std::string html = render::markdown_to_html(a.body_markdown);
  auto images = render::library_images(html);
  if (images.empty()) return html;
  std::vector<std::string> files;
  for (const auto& i : images) files.push_back(i.file);
  auto media = ctx.reads.media_by_files(files);
  return render::with_figures(html, [&](std::string_view file) -> const content::Media* {
    for (const auto& m : media)
      if (m.original.file == file) return &m;
    return nullptr;
  });
}

namespace {

// The body as the reader's page shows it: embeds as placeholders, the one the reader
// asked for (`load`) as its frame (render/embeds.h). Feeds keep the plain links.
std::string shown_body(const PageContext& ctx, const content::Article& a, int load) {
  std::string html = body_html(ctx, a);
  if (ctx.settings.embeds.empty()) return html;
  const auto& strings = ctx.strings();
  render::EmbedOptions o;
  o.enabled = ctx.settings.embeds;
  o.load = load;
  o.what = strings.get(a.language, "embed_what");
  o.notice = strings.get(a.language, "embed_notice");
  o.show = strings.get(a.language, "embed_show");
  o.open = strings.get(a.language, "embed_open");
  return render::with_embeds(html, o);
}

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

struct CommentTree {
  std::map<content::Id, std::vector<const content::Comment*>> children;  // 0 = top level
};

struct ThreadOptions {
  std::string_view lang;
  std::string article_url;
  int max_depth = 5;
  bool replies_open = true;
};

void add_comments(const PageContext& ctx, const ThreadOptions& o,
                  ctemplate::TemplateDictionary& parent, const CommentTree& tree,
                  content::Id parent_id, int depth) {
  auto it = tree.children.find(parent_id);
  if (it == tree.children.end()) return;
  for (const content::Comment* c : it->second) {
    auto* item = parent.AddSectionDictionary("COMMENT");
    auto* d = item->AddIncludeDictionary("COMMENT_ITEM");
    d->SetFilename(ctx.theme.localized(o.lang, "comment.tpl"));
    d->SetIntValue("ID", c->id);
    d->SetIntValue("DEPTH", depth);
    d->SetValue("AUTHOR", c->author_name);
    d->SetValue("INITIALS", initials(c->author_name));
    if (!c->author_url.empty())
      d->SetValueAndShowSection("URL", c->author_url, "HAS_URL");
    else
      d->ShowSection("NO_URL");
    d->SetValue("DATE_ISO", ctx.iso_time(c->created_at));
    d->SetValue("DATE", display_date(ctx, o.lang, c->created_at));
    d->SetValue("BODY", render::comment_to_html(c->body));
    if (c->status == content::CommentStatus::Pending) {
      d->ShowSection("AWAITING");
    } else if (o.replies_open && depth < o.max_depth) {
      auto* reply = d->AddSectionDictionary("REPLY");
      reply->SetValue("REPLY_URL",
                      o.article_url + "?replytocom=" + std::to_string(c->id) + "#respond");
      reply->SetValue("REPLY_LABEL",
                      ctx.strings().format(o.lang, "reply_to_label", {{"name", c->author_name}}));
    }
    if (tree.children.contains(c->id)) {
      auto* replies = d->AddSectionDictionary("REPLIES");
      add_comments(ctx, o, *replies, tree, c->id, depth + 1);
    }
  }
}

// Threads comments; replies below the maximum depth join their deepest allowed ancestor.
CommentTree build_tree(const std::vector<content::Comment>& comments, int max_depth) {
  std::map<content::Id, const content::Comment*> by_id;
  for (const auto& c : comments) by_id[c.id] = &c;
  auto depth_of = [&](const content::Comment* c) {
    int depth = 1;
    for (auto p = by_id.find(c->parent_id); p != by_id.end() && depth <= max_depth;
         p = by_id.find(p->second->parent_id))
      ++depth;
    return depth;
  };
  CommentTree tree;
  for (const auto& c : comments) {
    content::Id parent = by_id.contains(c.parent_id) ? c.parent_id : 0;  // orphan: top level
    while (parent && depth_of(by_id[parent]) >= max_depth) parent = by_id[parent]->parent_id;
    tree.children[parent].push_back(&c);
  }
  return tree;
}

// The "Leave a Reply" form, with what the reader typed and what was wrong with it.
void add_comment_form(const PageContext& ctx, ctemplate::TemplateDictionary& main,
                      const content::Article& a, const ArticleView& view,
                      const std::vector<content::Comment>& comments) {
  const std::string& lang = a.language;
  const auto& strings = ctx.strings();
  std::string url = content::article_url(a.slug);
  auto* form = main.AddSectionDictionary("RESPOND");
  form->SetValue("ACTION", url);
  content::Id parent_id = view.reply_to ? view.reply_to : view.form.parent_id;
  const content::Comment* parent = nullptr;
  for (const auto& c : comments)
    if (c.id == parent_id && c.status == content::CommentStatus::Approved) parent = &c;
  if (parent) {
    form->SetValue("REPLY_TITLE",
                   strings.format(lang, "reply_to", {{"name", parent->author_name}}));
    form->SetValueAndShowSection("CANCEL_URL", url + "#respond", "CANCEL");
    form->SetIntValue("PARENT", parent->id);
  } else {
    form->SetValue("REPLY_TITLE", strings.get(lang, "leave_a_reply"));
    form->SetIntValue("PARENT", 0);
  }
  form->SetValue("TOKEN", ctx.secret.sign("comment-form",
                                          std::to_string(a.id) + "-" + std::to_string(ctx.now)));
  const CommentForm& f = view.form;
  for (auto [field, value] : {std::pair{"author", &f.author}, std::pair{"email", &f.email},
                              std::pair{"url", &f.url}, std::pair{"comment", &f.comment}}) {
    std::string name(field);
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    form->SetValue(name, *value);
    auto error = f.errors.find(field);
    if (error != f.errors.end())
      form->AddSectionDictionary(name + "_ERROR")
          ->SetValue("TEXT", strings.get(lang, error->second));
  }
  std::string message = f.message;
  if (message.empty() && !f.errors.empty()) message = "form_has_errors";
  if (!message.empty())
    form->AddSectionDictionary("FORM_MESSAGE")->SetValue("TEXT", strings.get(lang, message));
}

http::Response static_page(PageContext& ctx, const content::Article& a, int embed) {
  ctx.tag(tag_article(a.id));
  Page p(ctx, a.language, "page.tpl");
  auto& main = p.main();
  p.set_title(a.title);
  p.set_canonical(content::article_url(a.slug));
  p.set_description(a.excerpt);
  main.SetValue("TITLE", a.title);
  main.SetValue("BODY", shown_body(ctx, a, embed));
  p.add_json_ld(add_breadcrumbs(ctx, main, a.language, 0, a.title, content::article_url(a.slug)));
  return p.render();
}

// Links that share the article on the apps readers use, as plain links: nothing is
// loaded from those hosts until a reader follows one (no buttons, scripts or counters).
void add_share_links(PageContext& ctx, ctemplate::TemplateDictionary& main,
                     const content::Article& a, const std::string& url) {
  std::string address = content::percent_encode(ctx.absolute(url));
  std::string title = content::percent_encode(a.title);
  std::string via;
  if (std::string_view handle = ctx.settings.x_handle; !handle.empty())
    via = "&via=" + content::percent_encode(handle.starts_with("@") ? handle.substr(1) : handle);
  const std::pair<std::string, std::string> links[] = {
      {"WhatsApp", "https://wa.me/?text=" + title + "%20" + address},
      {"Telegram", "https://t.me/share/url?url=" + address + "&text=" + title},
      {"Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + address},
      {"X", "https://x.com/intent/post?url=" + address + "&text=" + title + via},
      {ctx.strings().get(a.language, "share_email"),
       "mailto:?subject=" + title + "&body=" + address},
  };
  for (const auto& [name, href] : links) {
    auto* link = main.AddSectionDictionary("SHARE_LINK");
    link->SetValue("NAME", name);
    // Escaped here: the template's URL check would turn mailto: into "#". Every part
    // was percent-encoded above, so only the ampersands change.
    link->SetValue("HREF", render::escape_html(href));
  }
}

}  // namespace

http::Response article_page(PageContext& ctx, const content::Article& a, const ArticleView& view) {
  if (a.kind == content::Kind::Page) return static_page(ctx, a, view.embed);
  const std::string& lang = a.language;
  const auto& strings = ctx.strings();
  std::string url = content::article_url(a.slug);
  ctx.tag(tag_article(a.id));
  ctx.tag(tag_comments(a.id));
  if (a.category_id) ctx.tag(tag_related_category(a.category_id));
  for (const auto& t : a.tags) ctx.tag(tag_related_tag(t.id));
  for (const auto& author : a.authors) ctx.tag(tag_author(author.id));
  Page p(ctx, lang, "article.tpl");
  auto& main = p.main();
  p.set_title(a.title);
  p.set_canonical(url);
  p.set_description(a.excerpt);
  auto trail = content::category_trail(ctx.categories, a.category_id);
  if (!trail.empty()) p.set_current_category(trail.front()->id);

  main.SetValue("TITLE", a.title);
  main.SetValue("BODY", shown_body(ctx, a, view.embed));
  add_share_links(ctx, main, a, url);
  std::string image =
      a.featured_media ? "/media/" + a.featured_media->original.file : a.featured_image;
  if (a.featured_media) {
    render::PictureOptions o;
    o.css_class = "featured-image";
    o.lazy = false;
    main.SetValueAndShowSection("HTML", render::figure_html(*a.featured_media, o),
                                "FEATURED_MEDIA");
  } else if (!image.empty() && render::is_safe_url(image)) {
    main.SetValueAndShowSection("IMAGE", image, "FEATURED_IMAGE");
  }
  main.SetValue("PUBLISHED_ISO", ctx.iso_time(a.published_at));
  main.SetValue("PUBLISHED", display_date(ctx, lang, a.published_at));
  if (a.updated_at > a.published_at + 60) {
    auto* u = main.AddSectionDictionary("UPDATED");
    u->SetValue("ISO", ctx.iso_time(a.updated_at));
    u->SetValue("TEXT", display_date_time(ctx, lang, a.updated_at));
  }
  main.SetValue("CORRECTIONS", corrections_html(ctx, lang, a.corrections));
  main.SetValue("READING_TIME", strings.format(lang, "reading_time",
                                               {{"n", number(ctx, lang, a.reading_minutes)}}));
  // No byline at all for a story without one (an import from a site without authors).
  ctemplate::TemplateDictionary* byline =
      a.authors.empty() ? nullptr : main.AddSectionDictionary("BYLINE");
  for (std::size_t i = 0; i < a.authors.size(); ++i) {
    const auto& author = a.authors[i];
    auto* d = byline->AddSectionDictionary("AUTHOR");
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
    if (author.avatar.empty())
      box->SetValueAndShowSection("INITIALS", initials(author.display_name), "NO_PHOTO");
    else
      box->SetValueAndShowSection("PHOTO", "/media/" + author.avatar, "HAS_PHOTO");
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

  const auto& moderation = ctx.moderation;
  bool open = content::comments_open(a, moderation, ctx.now);
  auto comments = ctx.reads.approved_comments(a.id, view.own_pending);
  std::size_t n = 0;
  for (const auto& c : comments) n += c.status == content::CommentStatus::Approved;
  main.SetValue("COMMENTS_HEADING",
                n == 0   ? strings.get(lang, "comments_zero")
                : n == 1 ? strings.get(lang, "comments_one")
                         : strings.format(lang, "comments_other",
                                          {{"n", number(ctx, lang, static_cast<long>(n))}}));
  if (!comments.empty()) {
    auto* list = main.AddSectionDictionary("COMMENT_LIST");
    ThreadOptions thread{lang, url, moderation.thread_depth, open};
    add_comments(ctx, thread, *list, build_tree(comments, moderation.thread_depth), 0, 1);
  }
  if (!open) main.ShowSection("COMMENTS_CLOSED");
  // A refused submission always gets its form back, so the reader keeps what they wrote.
  if (open || view.status != 200) add_comment_form(ctx, main, a, view, comments);

  if (auto related = ctx.reads.related_article(a)) add_card(ctx, main, "CHECK_ALSO", *related);

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
      {"datePublished", ctx.iso_time(a.published_at)},
      {"dateModified", ctx.iso_time(std::max(a.updated_at, a.published_at))},
      {"author", authors},
      {"mainEntityOfPage", ctx.absolute(url)},
      {"publisher",
       {{"@type", "Organization"}, {"name", ctx.settings.title}, {"url", ctx.absolute("/")}}},
      {"isAccessibleForFree", true}};
  // The publisher's logo: the site's logo, else its icon (site/icons.h).
  nlohmann::json logo = {{"@type", "ImageObject"},
                         {"url", ctx.absolute("/icon-512.png")},
                         {"width", 512},
                         {"height", 512}};
  if (const auto& l = ctx.settings.logo)
    logo = {{"@type", "ImageObject"},
            {"url", ctx.absolute("/media/" + content::percent_encode_path(l->original.file))},
            {"width", l->original.width},
            {"height", l->original.height}};
  article["publisher"]["logo"] = logo;
  if (!trail.empty()) article["articleSection"] = trail.back()->name;
  if (!a.tags.empty()) {
    std::string keywords;
    for (const auto& t : a.tags) keywords += (keywords.empty() ? "" : ", ") + t.name;
    article["keywords"] = keywords;
  }
  for (const auto& c : a.corrections)
    article["correction"].push_back({{"@type", "CorrectionComment"},
                                     {"text", c.text},
                                     {"datePublished", ctx.iso_time(c.noted_at)}});
  // The pictures for search engines and the shared link's card: a library picture's
  // crops (16:9, the card, first; Google takes all three shapes), else the picture itself
  // (an import's old URL, or a library item older than crops).
  nlohmann::json images = nlohmann::json::array();
  const content::MediaFile* card = nullptr;  // its size, when the library knows it
  bool cropped = a.featured_media && !a.featured_media->crops.empty();
  if (cropped) {
    for (const auto& crop : a.featured_media->crops)
      images.push_back(ctx.absolute("/media/" + content::percent_encode_path(crop.file)));
    card = &a.featured_media->crops.front();
  } else if (!image.empty() && render::is_safe_url(image)) {
    images.push_back(image.starts_with("/") ? ctx.absolute(image) : image);
    if (a.featured_media && a.featured_media->original.width > 0)
      card = &a.featured_media->original;
  }
  if (!images.empty()) {
    article["image"] = images;
    p.add_meta_property("og:image", images.front().get<std::string>());
    if (cropped) p.add_meta_property("og:image:type", card->mime);
    if (card) {
      p.add_meta_property("og:image:width", std::to_string(card->width));
      p.add_meta_property("og:image:height", std::to_string(card->height));
      if (!a.featured_media->alt.empty())
        p.add_meta_property("og:image:alt", a.featured_media->alt);
    }
  }
  p.add_json_ld(article.dump());
  p.add_json_ld(breadcrumbs_json);
  p.add_meta_property("og:type", "article");
  p.add_meta_property("og:title", a.title);
  p.add_meta_property("og:description", a.excerpt);
  p.add_meta_property("og:url", ctx.absolute(url));
  p.add_meta_property("og:site_name", ctx.settings.title);
  p.add_meta_property("og:locale", lang);
  p.add_meta_property("article:published_time", ctx.iso_time(a.published_at));
  for (const auto& t : a.tags) p.add_meta_property("article:tag", t.name);
  bool personal = !view.own_pending.empty() || view.reply_to || view.status != 200;
  if (view.reply_to) p.root().ShowSection("NOINDEX");
  http::Response r = p.render(view.status);
  // Comments change the page at any time: browsers revalidate (ETag) on every visit, and
  // a page showing a reader's own held comment or form is theirs alone.
  r.cache_control = personal ? "private, no-cache" : "public, no-cache";
  r.cacheable = r.cacheable && !personal;
  // The form token says when the page was served, for the spam rule "not sent within 3 s":
  // the page cache makes it anew for every response (issue 18, finding 9).
  constexpr std::string_view kToken = "name=\"_token\" value=\"";
  if (std::size_t at = r.body.find(kToken); r.cacheable && at != std::string::npos) {
    at += kToken.size();
    std::size_t end = r.body.find('"', at);
    if (end != std::string::npos) {
      auto splice = std::make_shared<http::Splice>();
      splice->at = at;
      splice->length = end - at;
      splice->fresh = [secret = &ctx.secret, clock = &ctx.clock, id = a.id] {
        auto now = clock->now();
        // The token names the second, so within one it is the same bytes: each thread
        // signs it once a second per article (a few articles at a time: direct-mapped)
        // rather than on every cache hit.
        struct Signed {
          const security::Secret* secret = nullptr;
          content::Id id = 0;
          std::int64_t second = -1;
          std::string token;
        };
        thread_local std::array<Signed, 64> recent;
        Signed& slot = recent[static_cast<std::size_t>(id) % recent.size()];
        if (slot.secret != secret || slot.id != id || slot.second != now)
          slot = {secret, id, now,
                  secret->sign("comment-form", std::to_string(id) + "-" + std::to_string(now))};
        return slot.token;
      };
      r.splice = std::move(splice);
    }
  }
  return r;
}

}  // namespace khabar::site
