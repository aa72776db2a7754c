// The editor: write and change an article or page (headline, slug, body in Markdown or
// in HTML (imports, or by choice: WordPress's code editor), excerpt, primary and extra categories,
// tags, language, source line, featured image, comments), add an image to the library and the text,
// preview it in the real theme, and move it along the workflow (submit, schedule at a time in the
// site's time zone, publish). Every save keeps a revision. Two people saving the same version: the
// second save is refused (optimistic lock) and their text is shown back to them.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "admin/media_upload.h"
#include "content/language.h"
#include "content/text.h"
#include "content/time_zone.h"
#include "content/urls.h"
#include "content/workflow.h"
#include "newsroom/articles.h"
#include "render/embeds.h"
#include "render/escape.h"
#include "render/markdown.h"
#include "render/picture.h"
#include "render/sanitize.h"
#include "search/plain_text.h"
#include "site/preview.h"

namespace khabar::admin {
namespace {

struct Draft {
  store::NewArticle a;
  std::string tags;        // as typed
  std::string publish_at;  // as typed (datetime-local, site time zone)
  int version = 0;
  std::string typed;       // the body as typed (Markdown, or HTML before sanitising)
  std::string correction;  // a correction note to add, as typed
  std::string problem;
};

bool is_html(const store::NewArticle& a) {
  return content::is_html_body(a.body_markdown, a.body_html);
}

// What the editor's text box holds for a body: its Markdown, or its HTML.
const std::string& editable_body(const store::NewArticle& a) {
  return is_html(a) ? a.body_html : a.body_markdown;
}

std::string body_as_html(const store::NewArticle& a) {
  return is_html(a) ? a.body_html : render::markdown_to_html(a.body_markdown);
}

// The library images the text shows must have alt text (in the text or the library);
// those the stored text already showed were checked when they were put in (an imported
// picture without alt text must not make its story impossible to correct).
std::string missing_alt_text(store::Store& store, const store::NewArticle& a,
                             const store::NewArticle& before) {
  if (a.body_markdown == before.body_markdown && a.body_html == before.body_html) return {};
  auto images = render::library_images(body_as_html(a));
  if (images.empty()) return {};
  auto shown_before = render::library_images(body_as_html(before));
  std::vector<std::string> files;
  for (const auto& i : images) files.push_back(i.file);
  auto media = store.snapshot()->media_by_files(files);
  for (const auto& i : images) {
    if (!i.alt.empty()) continue;
    if (std::any_of(shown_before.begin(), shown_before.end(),
                    [&](const auto& b) { return b.file == i.file; }))
      continue;
    for (const auto& m : media)
      if (m.original.file == i.file && m.alt.empty())
        return "The image /media/" + i.file +
               " has no alt text. Write what it shows between the brackets, ![like this](...), "
               "or add alt text to it in the media library.";
  }
  return {};
}

// The longest of the tags typed as "kabul, water, elections", in bytes.
std::size_t longest_tag(std::string_view typed) {
  std::size_t longest = 0;
  for (std::string_view piece : content::split(typed, ','))
    longest = std::max(longest, content::trim(piece).size());
  return longest;
}

// The form as an article, on top of what is stored (`base`).
Draft from_form(Context& ctx, const store::NewArticle& base) {
  Draft d;
  d.a = base;
  auto& a = d.a;
  a.title = content::trim(ctx.form.get("title"));
  std::string slug = content::trim(ctx.form.get("slug"));
  a.slug = content::make_slug(slug.empty() ? a.title : slug);
  // The body's format: as chosen, else as stored (a form without the choice).
  std::string format = ctx.form.get("format");
  if (format != "html" && format != "markdown") format = is_html(base) ? "html" : "markdown";
  d.typed = ctx.form.get("body");
  if (format == "html") {
    a.body_html = render::sanitize_html(d.typed);
    a.body_markdown.clear();
  } else {
    a.body_markdown = d.typed;
    a.body_html.clear();
  }
  // The excerpt as typed; empty, or the one made from the text before this change (not
  // written by hand), it is made again from the text, so that it follows the edit.
  a.excerpt = content::trim(ctx.form.get("excerpt"));
  std::string text = body_plain_text(a.body_markdown, a.body_html);
  bool body_changed = a.body_markdown != base.body_markdown || a.body_html != base.body_html;
  if (a.excerpt.empty() ||
      (body_changed && a.excerpt == base.excerpt &&
       a.excerpt ==
           content::make_excerpt(body_plain_text(base.body_markdown, base.body_html), 300)))
    a.excerpt = content::make_excerpt(text, 300);
  // An unchanged body keeps its reading time (one reckoned by an older import stays).
  if (body_changed) a.reading_minutes = content::reading_minutes(text);
  d.correction = content::trim(ctx.form.get("correction"));
  a.source_line = content::trim(ctx.form.get("source_line"));
  a.language = content::trim(ctx.form.get("language"));
  a.comments_open = ctx.form.get("comments_open") == "on";
  a.kind = content::parse_kind(ctx.form.get("kind"));
  a.category_id = content::parse_integer(ctx.form.get("category")).value_or(0);
  a.extra_category_ids.clear();
  for (const auto& v : ctx.form.all("extra_category"))
    if (auto id = content::parse_integer(v); id && *id != a.category_id)
      a.extra_category_ids.push_back(*id);
  a.featured_media_id = content::parse_integer(ctx.form.get("featured_media")).value_or(0);
  d.publish_at = content::trim(ctx.form.get("publish_at"));
  d.tags = ctx.form.get("tags");
  d.version = static_cast<int>(content::parse_integer(ctx.form.get("version")).value_or(0));
  if (a.title.empty() || a.title.size() > 300)
    d.problem = "The headline must have 1 to 300 bytes.";
  else if (a.slug.empty())
    d.problem = "The slug needs at least one letter or digit.";
  else if (!content::is_valid_language_code(a.language))
    d.problem = "Choose a language code (en, ps, fa...).";
  else if (longest_tag(d.tags) > content::kMaxTagNameBytes)
    d.problem = "A tag may have at most " + std::to_string(content::kMaxTagNameBytes) + " bytes.";
  else if (d.typed.size() > content::kMaxBodyBytes)
    d.problem = "The text is longer than " + std::to_string(content::kMaxBodyBytes >> 20) +
                " MB, the most an article may hold. Split it into several articles.";
  else if (!content::is_valid_utf8(a.title + d.typed + a.excerpt + a.source_line))
    d.problem = "The text is not valid UTF-8.";
  if (d.problem.empty()) {
    auto all = ctx.store.snapshot()->categories();
    auto exists = [&](Id id) {
      return std::any_of(all.begin(), all.end(),
                         [&](const content::Category& c) { return c.id == id; });
    };
    if (a.category_id && !exists(a.category_id)) d.problem = "That category does not exist.";
    for (Id id : a.extra_category_ids)
      if (!exists(id)) d.problem = "One of the extra categories does not exist.";
  }
  if (d.problem.empty() && a.featured_media_id) {
    auto m = ctx.store.snapshot()->media(a.featured_media_id);
    // Someone else's picture only for those who may use others' media, or when it is the
    // one the article already has (an editor chose it).
    bool may_use = m && (m->uploaded_by == ctx.user->account.id ||
                         a.featured_media_id == base.featured_media_id ||
                         content::can(ctx.user->account.role, content::Action::UploadMedia,
                                      content::Ownership::Others));
    if (!m || !may_use)
      d.problem = "The featured image is no longer in the media library.";
    else if (!content::is_picture(m->original))
      d.problem = "The featured image must be a picture.";
    else if (m->alt.empty())
      d.problem = "The featured image needs alt text: add it in the media library.";
    else
      a.featured_image = "/media/" + m->original.file;
  } else if (d.problem.empty() && base.featured_media_id) {
    a.featured_image.clear();  // the library picture was taken off
  }
  if (d.problem.empty()) d.problem = missing_alt_text(ctx.store, a, base);
  return d;
}

// What the form shows besides the article: the typed "publish at", the conflict text.
struct FormExtras {
  std::string publish_at;
  std::string conflict_text;
  std::optional<store::Autosave> autosave;       // newer than the last save: offered
  std::vector<content::Correction> corrections;  // the article's, as stored
  std::string correction;                        // a note typed and not saved yet
};

http::Response form_page(Context& ctx, int status, std::string_view error, Id id,
                         const store::NewArticle& a, const std::string& tags, int version,
                         const FormExtras& extras = {}) {
  AdminPage page(ctx, "admin/editor.tpl", id ? "Edit: " + a.title : "New article");
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done")) {
    if (*done == "restored")
      page.notice("The revision is restored.");
    else if (*done == "scheduled")
      page.notice("Saved and scheduled.");
    else if (*done == "published")
      page.notice("Saved and published.");
    else if (*done == "submitted")
      page.notice("Saved and submitted for review.");
    else if (*done == "corrected")
      page.notice("Saved, with the correction note shown to readers under the text.");
    else
      page.notice("Saved.");
  }
  const auto& me = ctx.user->account;
  auto& d = page.main();
  std::string article_path = "/admin/articles/" + (id ? std::to_string(id) : std::string("new"));
  std::string action = article_path + (id ? "/edit" : "");
  d.SetValue("ACTION", action);
  d.SetValue("TITLE", a.title);
  d.SetValue("SLUG", a.slug);
  d.SetValue("BODY", editable_body(a));
  if (is_html(a)) d.ShowSection("HTML_BODY");
  d.SetValue("EXCERPT", a.excerpt);
  d.SetValue("SOURCE_LINE", a.source_line);
  d.SetValue("LANGUAGE", a.language);
  d.SetValue("TAGS", tags);
  d.SetIntValue("VERSION", version);
  d.SetValue("STATUS", std::string(to_string(a.status)));
  d.SetValue("ZONE", ctx.settings.zone.name());
  std::string publish_at = extras.publish_at;
  if (publish_at.empty() && a.status == content::Status::Scheduled && a.published_at)
    publish_at = content::format_local_time(ctx.settings.zone.local(a.published_at));
  d.SetValue("PUBLISH_AT", publish_at);
  if (a.status == content::Status::Scheduled && a.published_at)
    d.SetValueAndShowSection("WHEN", admin_time(ctx, a.published_at), "SCHEDULED");
  d.SetIntValue("MAX_MB", upload_limit_mb(ctx));
  if (a.comments_open) d.ShowSection("COMMENTS_OPEN");
  if (a.kind == content::Kind::Page) d.ShowSection("IS_PAGE");
  if (id) d.AddSectionDictionary("EXISTING")->SetIntValue("ID", static_cast<long>(id));
  if (id && a.status == content::Status::Published)
    d.AddSectionDictionary("PUBLIC")->SetValue("URL", content::article_url(a.slug));
  auto* none = d.AddSectionDictionary("CATEGORY_OPTION");
  none->SetValue("VALUE", "0");
  none->SetValue("LABEL", "(none)");
  auto all = ctx.store.snapshot()->categories();
  for (const auto& c : all) {
    std::string label = category_label(all, c);
    auto* o = d.AddSectionDictionary("CATEGORY_OPTION");
    o->SetIntValue("VALUE", static_cast<long>(c.id));
    o->SetValue("LABEL", label);
    if (c.id == a.category_id) o->ShowSection("SELECTED");
    auto* x = d.AddSectionDictionary("EXTRA_CATEGORY");
    x->SetIntValue("VALUE", static_cast<long>(c.id));
    x->SetValue("LABEL", label);
    if (std::find(a.extra_category_ids.begin(), a.extra_category_ids.end(), c.id) !=
        a.extra_category_ids.end())
      x->ShowSection("CHECKED");
  }
  // The library's newest pictures with alt text: featured image choices and Markdown to
  // copy into the text.
  store::MediaFilter recent;
  recent.limit = 24;
  if (!content::can(me.role, content::Action::UploadMedia, content::Ownership::Others))
    recent.uploaded_by = me.id;  // a contributor's own pictures only
  bool featured_listed = false;
  ctemplate::TemplateDictionary* library = nullptr;
  for (const auto& m : ctx.store.snapshot()->media_library(recent)) {
    if (m.alt.empty() || !content::is_picture(m.original)) continue;
    auto* o = d.AddSectionDictionary("FEATURED_OPTION");
    o->SetIntValue("VALUE", static_cast<long>(m.id));
    o->SetValue("LABEL", m.alt);
    if (m.id == a.featured_media_id) o->ShowSection("SELECTED"), featured_listed = true;
    if (!library) library = d.AddSectionDictionary("LIBRARY");
    auto* img = library->AddSectionDictionary("LIBRARY_IMAGE");
    img->SetIntValue("ID", static_cast<long>(m.id));
    img->SetValue("ALT", m.alt);
    img->SetValue("THUMB",
                  "/media/" + (m.variants.empty() ? m.original.file : m.variants.front().file));
    img->SetValue("MARKDOWN", "![" + m.alt + "](/media/" + m.original.file + ")");
  }
  if (a.featured_media_id && !featured_listed)
    if (auto m = ctx.store.snapshot()->media(a.featured_media_id)) {
      auto* o = d.AddSectionDictionary("FEATURED_OPTION");
      o->SetIntValue("VALUE", static_cast<long>(m->id));
      o->SetValue("LABEL", m->alt.empty() ? m->original.file : m->alt);
      o->ShowSection("SELECTED");
    }
  // The workflow buttons this user may press on this article.
  auto own = id ? ownership_of(ctx, a.author_ids) : content::Ownership::Own;
  // Correction notes: those made, and one more on a published article by who may publish.
  for (const auto& c : extras.corrections) {
    auto* row = d.AddSectionDictionary("CORRECTION");
    row->SetValue("WHEN", admin_time(ctx, c.noted_at));
    row->SetValue("TEXT", c.text);
  }
  // (A note typed for an article that is not published, refused, stays in the form.)
  if ((id && a.status == content::Status::Published &&
       content::can(me.role, content::Action::PublishArticle, own)) ||
      !extras.correction.empty()) {
    auto* add = d.AddSectionDictionary("CORRECTABLE");
    add->SetValue("TYPED", extras.correction);
    add->SetIntValue("MAX", static_cast<long>(newsroom::kMaxCorrectionBytes));
  }
  for (std::string_view name : {"submit", "schedule", "publish"}) {
    auto move = content::find_move(name);
    if (move && content::may_move(me.role, own, a.status, *move))
      d.ShowSection(name == "submit"     ? "CAN_SUBMIT"
                    : name == "schedule" ? "CAN_SCHEDULE"
                                         : "CAN_PUBLISH");
  }
  if (!extras.conflict_text.empty())
    d.AddSectionDictionary("CONFLICT")->SetValue("TEXT", extras.conflict_text);
  if (extras.autosave) {
    auto* offer = d.AddSectionDictionary("AUTOSAVE");
    offer->SetValue("WHEN", admin_time(ctx, extras.autosave->saved_at));
    offer->SetValue("TEXT", extras.autosave->body);
    offer->SetValue("URL", action + "?autosave=use");
  }
  d.SetValue("EDITOR_SCRIPT", ctx.assets.url_for("editor.js"));
  d.SetValue("AUTOSAVE_URL", article_path + "/autosave");
  return page.render(status);
}

// The article as readers would see it, through the reader site's own page.
http::Response preview(Context& ctx, const store::NewArticle& a) {
  content::Article article;
  article.kind = a.kind;
  article.slug = a.slug;
  article.title = a.title;
  article.excerpt = a.excerpt;
  article.language = a.language;
  article.published_at = a.published_at ? a.published_at : ctx.now;
  article.updated_at = ctx.now;
  article.category_id = a.category_id;
  article.reading_minutes = a.reading_minutes;
  article.body_markdown = a.body_markdown;
  article.body_html = a.body_html;
  article.featured_image = a.featured_image;
  if (a.featured_media_id)
    article.featured_media = ctx.store.snapshot()->media(a.featured_media_id);
  article.source_line = a.source_line;
  article.comments_open = false;
  for (Id author : a.author_ids)
    if (auto acc = ctx.accounts().account(author))
      article.authors.push_back({acc->id, acc->display_name, acc->slug, acc->bio, acc->avatar});
  return with_admin_headers(
      site::render_preview(ctx.store, ctx.theme, ctx.assets, ctx.secret, ctx.clock, article));
}

}  // namespace

std::optional<store::EditableArticle> article_to_edit(Context& ctx, std::string_view id_text,
                                                      http::Response& refusal) {
  auto id = content::parse_integer(id_text);
  auto stored = id ? ctx.store.snapshot()->article_for_edit(*id) : std::nullopt;
  if (!stored) {
    refusal = message_page(ctx, 404, "Not found", "There is no such article.");
    return std::nullopt;
  }
  if (!content::may_edit(ctx.user->account.role, ownership_of(ctx, stored->fields.author_ids),
                         stored->fields.status)) {
    refusal = forbidden(ctx);
    return std::nullopt;
  }
  return stored;
}

std::string body_plain_text(std::string_view markdown, std::string_view html) {
  return content::is_html_body(markdown, html)
             ? search::html_text(html)
             : content::markdown_to_plain_text(render::embed_code_as_links(markdown));
}

http::Response article_autosave(Context& ctx, std::string_view id_text) {
  const auto& me = ctx.user->account;
  store::Autosave a;
  a.user_id = me.id;
  a.saved_at = ctx.now;
  if (id_text == "new") {
    if (!content::can(me.role, content::Action::CreateArticle, content::Ownership::Own))
      return forbidden(ctx);
  } else {
    http::Response refusal;
    auto stored = article_to_edit(ctx, id_text, refusal);
    if (!stored) return refusal;
    a.article_id = stored->id;
  }
  a.title = ctx.form.get("title");
  a.body = ctx.form.get("body");
  a.format = ctx.form.get("format") == "html" ? "html" : "markdown";
  if (a.body.size() > content::kMaxBodyBytes || a.title.size() > 300 ||
      !content::is_valid_utf8(a.title + a.body))
    return message_page(ctx, 422, "Not autosaved", "The text is too long or not valid UTF-8.");
  auto tx = ctx.store.begin();
  tx->set_autosave(a);
  if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
  http::Response r;
  r.status = 204;
  r.cache_control = "no-store";
  return r;
}

http::Response article_editor(Context& ctx, std::string_view id_text) {
  const auto& me = ctx.user->account;
  bool is_new = id_text == "new";
  std::optional<store::EditableArticle> stored;
  store::NewArticle base;
  if (is_new) {
    if (!content::can(me.role, content::Action::CreateArticle, content::Ownership::Own))
      return forbidden(ctx);
    base.author_ids = {me.id};
    base.language = ctx.store.snapshot()->setting("language").value_or("en");
    base.kind = content::parse_kind(ctx.request.query_param("kind").value_or(""));
  } else {
    http::Response refusal;
    stored = article_to_edit(ctx, id_text, refusal);
    if (!stored) return refusal;
    base = stored->fields;
  }
  Id self = stored ? stored->id : 0;
  std::string tags;
  if (stored)
    for (const auto& t : stored->tag_names) tags += (tags.empty() ? "" : ", ") + t;
  if (!ctx.is_post()) {
    // This writer's autosave, when newer than the last save: offered, or used if asked.
    FormExtras extras;
    auto autosave = ctx.store.snapshot()->autosave(self, me.id);
    if (autosave && (!stored || autosave->saved_at >= stored->updated_at)) {
      if (ctx.request.query_param("autosave") == "use") {
        base.title = autosave->title;
        if (autosave->format == "html")
          base.body_html = autosave->body, base.body_markdown.clear();
        else
          base.body_markdown = autosave->body, base.body_html.clear();
      } else {
        extras.autosave = std::move(autosave);
      }
    }
    if (stored) extras.corrections = stored->corrections;
    return form_page(ctx, 200, "", self, base, tags, stored ? stored->version : 0, extras);
  }

  Draft d = from_form(ctx, base);
  auto refuse = [&](int status, std::string_view why) {
    FormExtras extras;
    extras.publish_at = d.publish_at;
    if (stored) extras.corrections = stored->corrections;
    extras.correction = d.correction;
    return form_page(ctx, status, why, self, d.a, d.tags, d.version, extras);
  };
  if (!d.problem.empty()) return refuse(422, d.problem);
  // The workflow move asked for with the save, if any, as the list would make it.
  newsroom::ArticleSave save;
  save.move = ctx.form.get("move");
  save.version = d.version;
  save.tags = d.tags;
  save.correction = d.correction;
  std::string done = "saved";
  content::Status from = stored ? stored->fields.status : content::Status::Draft;
  // Saving a scheduled article with another "publish at" reschedules it; the same time
  // (even one just passed, before the scheduler's next round) leaves the schedule alone.
  if (from == content::Status::Scheduled && save.move.empty() && !d.publish_at.empty() &&
      d.publish_at !=
          content::format_local_time(ctx.settings.zone.local(stored->fields.published_at)))
    save.move = "schedule";
  if (save.move == "schedule") {
    std::string why;
    save.publish_at = publish_time(ctx, d.publish_at, &why);
    if (!save.publish_at) return refuse(422, why);
  }
  newsroom::Actor actor{me.id, me.role};
  save.fields = d.a;
  // Asked before anything is stored: a refused save stores no picture either.
  auto planned = newsroom::plan_save(actor, stored ? &*stored : nullptr, save, ctx.now);
  if (!planned && planned.code() == store::Code::Forbidden)
    return refuse(403, planned.status().message());
  if (!planned) return refuse(400, planned.status().message());
  d.a.status = planned->status;  // what the move makes of it, for the preview too
  d.a.published_at = planned->published_at;
  if (save.move == "schedule") done = "scheduled";
  if (save.move == "publish") done = "published";
  if (save.move == "submit") done = "submitted";
  if (!save.correction.empty()) done = "corrected";
  // "Add an image": into the library, then into the text (or as the featured image);
  // after the move is known to be allowed, so that a refused save stores no picture.
  std::string alt = content::trim(ctx.form.get("image_alt"));
  bool has_image = std::any_of(ctx.files.begin(), ctx.files.end(), [](const http::FormPart& f) {
    return f.name == "image" && !f.data.empty();
  });
  if (has_image && alt.empty())
    return refuse(422,
                  "Write the image's alt text (what it shows) to add it. Nothing was saved yet.");
  if (auto up = upload_image(ctx, "image", alt, ctx.form.get("image_caption"),
                             ctx.form.get("image_credit"));
      !up.none) {
    if (!up.error.empty()) return refuse(up.status, up.error + " The article was not saved yet.");
    if (ctx.form.get("image_featured") == "on") {
      d.a.featured_media_id = up.id;
      d.a.featured_image = "/media/" + up.file;
    } else if (is_html(d.a)) {
      std::string figure =
          "<figure><img src=\"/media/" + up.file + "\" alt=\"" + render::escape_html(alt) + "\">";
      if (auto caption = content::trim(ctx.form.get("image_caption")); !caption.empty())
        figure += "<figcaption>" + render::escape_html(caption) + "</figcaption>";
      d.a.body_html = render::sanitize_html(d.a.body_html + "\n" + figure + "</figure>");
    } else {
      while (!d.a.body_markdown.empty() && d.a.body_markdown.back() == '\n')
        d.a.body_markdown.pop_back();
      std::string escaped;
      for (char c : alt) {
        if (c == '[' || c == ']' || c == '\\') escaped += '\\';
        escaped += c;
      }
      d.a.body_markdown += (d.a.body_markdown.empty() ? "" : "\n\n") + std::string("![") + escaped +
                           "](/media/" + up.file + ")\n";
      d.a.body_html.clear();
    }
  }
  if (ctx.form.has("preview")) return preview(ctx, d.a);
  save.fields = d.a;  // with the picture
  auto saved = newsroom::save_article(ctx.store, actor, stored ? &*stored : nullptr, save, ctx.now);
  if (!saved && saved.code() != store::Code::Conflict) return store_refusal(ctx, saved.status());
  if (!saved) {
    auto current = ctx.store.snapshot()->article_for_edit(self);
    std::string current_tags;
    for (const auto& t : current->tag_names) current_tags += (current_tags.empty() ? "" : ", ") + t;
    FormExtras extras;
    extras.conflict_text = d.typed;
    extras.corrections = current->corrections;
    extras.correction = d.correction;
    return form_page(ctx, 409,
                     "Someone else saved this article while you were editing it. The form now "
                     "shows their version; your text is below it, nothing of it was lost: copy "
                     "what you need into the form and save again.",
                     self, current->fields, current_tags, current->version, extras);
  }
  spdlog::info("admin: account {} saved article {} (version {}, {}{})", me.id, saved->id,
               saved->version, to_string(planned->status),
               save.correction.empty() ? "" : ", with a correction note");
  if (save.move == "submit" && ctx.mails())
    mail::notify_submitted(*ctx.postman, ctx.store, ctx.site_name(), saved->id, d.a.title, me);
  return see_other("/admin/articles/" + std::to_string(saved->id) + "/edit?done=" + done);
}

}  // namespace khabar::admin
