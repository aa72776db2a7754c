#include "site/page_context.h"

#include <cctype>

#include "content/categories.h"
#include "content/dates.h"
#include "content/language.h"
#include "content/settings.h"
#include "content/text.h"
#include "content/urls.h"
#include "render/embeds.h"
#include "render/escape.h"
#include "render/sanitize.h"
#include "site/cache_tags.h"

namespace khabar::site {
namespace {

// Frames come from the enabled embed providers (and are on a page only when a reader
// asked for one: render/embeds.h) and the administrator's frame origins. Styles: the
// theme's files, and the stylesheet put in the page, by its hash (`inline_style`, or
// nothing), never any other <style>. Scripts: none, unless the administrator named
// origins (which may then also be sent to: connect-src).
std::string security_policy(const SiteSettings& s,
                            const http::StaticFiles::InlineStyle* inline_style) {
  auto sources = [](const std::vector<std::string>& origins) {
    std::string out;
    for (const auto& o : origins) out += (out.empty() ? "" : " ") + o;
    return out;
  };
  std::string scripts = sources(s.script_origins);
  std::string frames = render::embed_frame_sources(s.embeds);
  if (!s.frame_origins.empty())
    frames = (frames == "'none'" ? "" : frames + " ") + sources(s.frame_origins);
  return "default-src 'self'; img-src 'self' https: data:; script-src " +
         (scripts.empty() ? "'none'" : scripts + "; connect-src 'self' " + scripts) +
         "; style-src 'self'" + (inline_style ? " " + inline_style->csp_source : std::string()) +
         "; object-src 'none'; frame-src " + frames +
         "; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
}

constexpr std::string_view kStylesheet = "style.css";

}  // namespace

SiteSettings load_settings(store::ReaderReads& reads) {
  SiteSettings s;
  if (auto v = reads.setting("title")) s.title = *v;
  if (auto v = reads.setting("tagline")) s.tagline = *v;
  if (auto v = reads.setting("url")) s.url = *v;
  if (auto v = reads.setting("language")) s.language = *v;
  if (auto v = reads.setting("x_handle")) s.x_handle = *v;
  s.banner = reads.banner();
  if (auto v = reads.setting("websub_hub")) s.websub_hub = *v;
  // A picture deleted from the library is no logo: the title shows again.
  auto picture = [&](const char* key) -> std::optional<content::Media> {
    auto file = reads.setting(key);
    if (!file || file->empty()) return std::nullopt;
    auto found = reads.media_by_files({*file});
    if (found.empty() || !content::is_picture(found[0].original)) return std::nullopt;
    return found[0];
  };
  s.logo = picture("site_logo");
  s.icon = picture("site_icon");
  if (auto v = reads.setting("timezone"))
    if (auto zone = content::TimeZone::named(*v)) s.zone = *zone;
  while (!s.url.empty() && s.url.back() == '/') s.url.pop_back();
  std::string embeds =
      reads.setting("embed_providers")
          .value_or(std::string(content::find_setting("embed_providers")->fallback));
  for (std::string_view key : content::split(embeds, '\n'))
    if (render::find_embed_provider(key)) s.embeds.emplace_back(key);
  for (auto [key, list] : {std::pair{"csp_script_origins", &s.script_origins},
                           std::pair{"csp_frame_origins", &s.frame_origins}}) {
    std::string stored = reads.setting(key).value_or("");
    // Stored values were checked; one that is not (edited by hand) is left out whole.
    if (!stored.empty() && !content::setting_problem(*content::find_setting(key), stored))
      for (std::string_view o : content::split(stored, '\n')) list->emplace_back(o);
  }
  return s;
}

std::string PageContext::iso_time(content::Timestamp t) const {
  return content::iso8601(t, settings.zone.offset_at(t));
}

SiteSnapshot load_snapshot(store::ReaderReads& reads, const http::StaticFiles& assets) {
  SiteSnapshot s;
  s.settings = load_settings(reads);
  s.settings.security_policy = security_policy(s.settings, assets.inline_style(kStylesheet));
  s.categories = reads.categories();
  s.pages = reads.published_pages();
  s.menu = reads.menu();
  s.moderation =
      content::moderation_settings([&](std::string_view key) { return reads.setting(key); });
  return s;
}

Page::Page(const PageContext& ctx, std::string language, std::string content_template)
    : ctx_(ctx), language_(std::move(language)), root_("page") {
  root_.SetValue("LANG", language_);
  root_.SetValue("DIR", std::string(content::text_direction(language_)));
  root_.SetTemplateGlobalValue("SITE_TITLE", ctx.settings.title);
  if (const auto& logo = ctx.settings.logo) {
    auto* d = root_.AddSectionDictionary("LOGO");
    d->SetValue("LOGO_SRC", "/media/" + content::percent_encode_path(logo->original.file));
    d->SetIntValue("LOGO_WIDTH", logo->original.width);
    d->SetIntValue("LOGO_HEIGHT", logo->original.height);
  } else {
    root_.ShowSection("NO_LOGO");
  }
  root_.SetValue("PAGE_TITLE", ctx.settings.title);
  if (!ctx.settings.tagline.empty())
    root_.SetValueAndShowSection("TAGLINE", ctx.settings.tagline, "HAS_TAGLINE");
  // The theme's stylesheet in the page when it is small (http/static_files.h): the first
  // paint needs no second request. StaticFiles outlives every render: not copied.
  if (const auto* style = ctx.assets.inline_style(kStylesheet)) {
    root_.ShowSection("INLINE_STYLE");
    root_.SetValueWithoutCopy("CSS",
                              ctemplate::TemplateString(style->text.data(), style->text.size()));
  } else {
    root_.SetValueAndShowSection("STYLESHEET", ctx.assets.url_for(kStylesheet), "LINKED_STYLE");
  }
  root_.SetValue("FEED_URL", "/feed/");
  root_.SetValue("FEED_TITLE", ctx.settings.title);
  root_.SetValue("YEAR", "");
  // Breaking news: on every page while it lasts, in its own language and direction.
  if (const auto& b = ctx.settings.banner; b && b->shown_at(ctx.now)) {
    auto* d = root_.AddSectionDictionary("BREAKING");
    std::string lang = b->language.empty() ? ctx.settings.language : b->language;
    d->SetValue("LANG", lang);
    d->SetValue("DIR", std::string(content::text_direction(lang)));
    d->SetValue("LABEL", ctx.strings().get(lang, "breaking"));
    d->SetValue("TEXT", b->text);
    if (!b->url.empty())
      d->SetValueAndShowSection("URL", b->url, "LINK");
    else
      d->ShowSection("NO_LINK");
  }
  main_ = root_.AddIncludeDictionary("CONTENT");
  // The theme's strings are already written into the language's copy of each template.
  main_->SetFilename(ctx.theme.localized(language_, content_template));
}

void Page::set_title(std::string_view title) {
  root_.SetValue("PAGE_TITLE", std::string(title) + " \u2013 " + ctx_.settings.title);
}

void Page::set_description(std::string_view text) {
  if (text.empty()) return;
  root_.SetValueAndShowSection("DESCRIPTION", ctemplate::TemplateString(text.data(), text.size()),
                               "HAS_DESCRIPTION");
}

void Page::set_canonical(std::string_view path) {
  root_.SetValueAndShowSection("CANONICAL", ctx_.absolute(path), "HAS_CANONICAL");
}

void Page::set_feed(std::string_view path, std::string_view title) {
  root_.SetValue("FEED_URL", ctemplate::TemplateString(path.data(), path.size()));
  root_.SetValue("FEED_TITLE", std::string(title));
}

void Page::add_meta_property(std::string_view property, std::string_view content) {
  has_image_ |= property == "og:image";
  auto* d = root_.AddSectionDictionary("META");
  d->SetValue("PROPERTY", ctemplate::TemplateString(property.data(), property.size()));
  d->SetValue("CONTENT", ctemplate::TemplateString(content.data(), content.size()));
}

void Page::add_json_ld(const std::string& json) {
  root_.AddSectionDictionary("JSON_LD")->SetValue("JSON", render::script_safe_json(json));
}

void Page::set_current_category(content::Id top_category_id) {
  current_category_ = top_category_id;
}

http::Response Page::render(int status) {
  auto nav = [&](std::string_view name, const std::string& url, bool current) {
    auto* item = root_.AddSectionDictionary("NAV");
    item->SetValue("NAME", ctemplate::TemplateString(name.data(), name.size()));
    item->SetValue("URL", url);
    if (current) item->ShowSection("CURRENT");
  };
  if (ctx_.menu.empty())
    for (const content::Category* c : content::top_level_categories(ctx_.categories))
      nav(c->name, content::category_url(c->path), c->id == current_category_);
  for (const auto& m : ctx_.menu) {
    if (m.kind == store::MenuItem::Kind::Category) {
      if (const auto* c = content::find_category(ctx_.categories, m.target_id))
        nav(m.label.empty() ? c->name : m.label, content::category_url(c->path),
            c->id == current_category_);
    } else if (m.kind == store::MenuItem::Kind::Page) {
      for (const auto& p : ctx_.pages)
        if (p.id == m.target_id)
          nav(m.label.empty() ? p.title : m.label, content::article_url(p.slug), false);
    } else if (render::is_safe_url(m.url)) {
      nav(m.label, m.url, false);
    }
  }
  for (const auto& p : ctx_.pages) {
    auto* item = root_.AddSectionDictionary("FOOTER_PAGE");
    item->SetValue("TITLE", p.title);
    item->SetValue("URL", content::article_url(p.slug));
  }
  // The card X (and apps that read its tags) show for a shared link: large with a picture.
  auto twitter = [&](const char* name, const std::string& content) {
    auto* d = root_.AddSectionDictionary("META_NAME");
    d->SetValue("NAME", name);
    d->SetValue("CONTENT", content);
  };
  twitter("twitter:card", has_image_ ? "summary_large_image" : "summary");
  if (!ctx_.settings.x_handle.empty()) twitter("twitter:site", ctx_.settings.x_handle);
  http::Response r;
  r.status = status;
  r.body = ctx_.theme.expand(ctx_.theme.localized(language_, "base.tpl"), root_);
  r.cache_control = status == 200 ? "public, max-age=60" : "no-cache";
  r.headers.emplace_back("Content-Security-Policy", ctx_.settings.security_policy);
  r.headers.emplace_back("Referrer-Policy", "strict-origin-when-cross-origin");
  r.headers.emplace_back("Content-Language", language_);
  r.cacheable = status == 200;
  r.cache_tags = std::move(ctx_.cache_tags);
  r.cache_tags.push_back(kTagSite);
  // Every page can show the banner: putting one up drops them all (and nothing else).
  r.cache_tags.push_back(kTagBanner);
  // A banner that ends by itself: the page is kept no longer than it shows.
  if (const auto& b = ctx_.settings.banner; b && b->shown_at(ctx_.now) && b->until) {
    std::chrono::seconds left{b->until - ctx_.now};
    if (r.cache_lifetime.count() == 0 || left < r.cache_lifetime) r.cache_lifetime = left;
  }
  return r;
}

}  // namespace khabar::site
