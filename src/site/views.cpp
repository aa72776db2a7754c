#include "site/views.h"

#include <nlohmann/json.hpp>

#include "content/categories.h"
#include "content/language.h"
#include "content/urls.h"
#include "render/escape.h"
#include "render/picture.h"
#include "site/cache_tags.h"

namespace khabar::site {

std::string display_date(const PageContext& ctx, std::string_view language, content::Timestamp t) {
  content::LocalTime d = ctx.settings.zone.local(t);
  return ctx.strings().date(language, d.year, d.month, d.day);
}

std::string number(const PageContext& ctx, std::string_view language, long n) {
  return ctx.strings().number(language, n);
}

std::string display_date_time(const PageContext& ctx, std::string_view language,
                              content::Timestamp t) {
  content::LocalTime d = ctx.settings.zone.local(t);
  const auto& strings = ctx.strings();
  std::string time = strings.number(language, d.hour) + ":" +
                     (d.minute < 10 ? strings.number(language, 0) : std::string()) +
                     strings.number(language, d.minute);
  return strings.format(language, "date_time",
                        {{"date", strings.date(language, d.year, d.month, d.day)}, {"time", time}});
}

std::string corrections_html(const PageContext& ctx, std::string_view language,
                             const std::vector<content::Correction>& corrections) {
  if (corrections.empty()) return {};
  const auto& strings = ctx.strings();
  std::string html = "<aside class=\"corrections\" aria-label=\"" +
                     render::escape_html(strings.get(language, "corrections")) + "\">";
  for (const auto& c : corrections)
    html += "<p class=\"correction\"><strong>" +
            render::escape_html(strings.get(language, "correction")) +
            ":</strong> <time datetime=\"" + ctx.iso_time(c.noted_at) + "\">" +
            render::escape_html(display_date_time(ctx, language, c.noted_at)) + "</time> \u2014 " +
            render::escape_html(c.text) + "</p>";
  return html + "</aside>";
}

std::string author_names(const PageContext& ctx, std::string_view language,
                         const std::vector<content::Author>& authors) {
  std::string out;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    if (i > 0) {
      out += i + 1 == authors.size() ? " " + ctx.strings().get(language, "and") + " "
                                     : (content::is_rtl(language) ? "\u060C " : ", ");
    }
    out += authors[i].display_name;
  }
  return out;
}

void add_card(const PageContext& ctx, ctemplate::TemplateDictionary& parent,
              std::string_view section, const content::ArticleSummary& a, bool lead) {
  auto* item =
      parent.AddSectionDictionary(ctemplate::TemplateString(section.data(), section.size()));
  ctx.tag(tag_article(a.id));
  for (const auto& author : a.authors) ctx.tag(tag_author(author.id));
  auto* card = item->AddIncludeDictionary("CARD");
  card->SetFilename(ctx.theme.localized(a.language, "card.tpl"));
  card->SetValue("TITLE", a.title);
  card->SetValue("EXCERPT", a.excerpt);
  add_card_details(ctx, *card, a);
  add_card_picture(*card, a,
                   lead ? "(min-width: 72rem) 70rem, 100vw"
                        : "(min-width: 64rem) 23rem, (min-width: 48rem) 50vw, 100vw",
                   lead);
}

void add_card_picture(ctemplate::TemplateDictionary& card, const content::ArticleSummary& a,
                      std::string_view sizes, bool first) {
  if (!a.featured_media || !content::is_picture(a.featured_media->original)) return;
  render::PictureOptions o;
  o.lazy = !first;
  o.sizes = sizes;
  card.SetValueAndShowSection("HTML", render::picture_html(*a.featured_media, o), "PICTURE");
}

void add_card_details(const PageContext& ctx, ctemplate::TemplateDictionary& card,
                      const content::ArticleSummary& a) {
  card.SetValue("URL", content::article_url(a.slug));
  card.SetValue("LANG", a.language);
  card.SetValue("DIR", std::string(content::text_direction(a.language)));
  card.SetValue("DATE_ISO", ctx.iso_time(a.published_at));
  card.SetValue("DATE", display_date(ctx, a.language, a.published_at));
  card.SetValue("AUTHORS", author_names(ctx, a.language, a.authors));
  if (const auto* c = content::find_category(ctx.categories, a.category_id)) {
    auto* kicker = card.AddSectionDictionary("KICKER");
    kicker->SetValue("NAME", c->name);
    kicker->SetValue("URL", content::category_url(c->path));
  }
}

std::string add_breadcrumbs(const PageContext& ctx, ctemplate::TemplateDictionary& dict,
                            std::string_view language, content::Id category_id,
                            std::string_view last_name, std::string_view last_path,
                            bool link_category_last) {
  nlohmann::json items = nlohmann::json::array();
  auto add = [&](const std::string& name, const std::string& path, bool link) {
    if (link) {
      auto* crumb = dict.AddSectionDictionary("CRUMB");
      crumb->SetValue("NAME", name);
      crumb->SetValue("URL", path);
    }
    items.push_back({{"@type", "ListItem"},
                     {"position", items.size() + 1},
                     {"name", name},
                     {"item", ctx.absolute(path)}});
  };
  add(ctx.strings().get(language, "home"), "/", true);
  auto trail = content::category_trail(ctx.categories, category_id);
  for (std::size_t i = 0; i < trail.size(); ++i)
    add(trail[i]->name, content::category_url(trail[i]->path),
        link_category_last || i + 1 < trail.size());
  if (!last_name.empty()) add(std::string(last_name), std::string(last_path), false);
  nlohmann::json list = {
      {"@context", "https://schema.org"}, {"@type", "BreadcrumbList"}, {"itemListElement", items}};
  return list.dump();
}

void add_pagination(const PageContext& ctx, ctemplate::TemplateDictionary& dict,
                    std::string_view language, std::string_view listing_url, int page,
                    bool has_older) {
  if (page == 1 && !has_older) return;
  auto* p = dict.AddIncludeDictionary("PAGINATION");
  p->SetFilename(ctx.theme.localized(language, "pagination.tpl"));
  p->SetValue("CURRENT",
              ctx.strings().format(language, "page_n", {{"n", number(ctx, language, page)}}));
  if (page > 1)
    p->SetValueAndShowSection("NEWER_URL", content::paged_url(listing_url, page - 1), "NEWER");
  if (has_older)
    p->SetValueAndShowSection("OLDER_URL", content::paged_url(listing_url, page + 1), "OLDER");
}

}  // namespace khabar::site
