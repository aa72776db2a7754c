// Pieces of view model shared by the reader pages: article cards, bylines, dates,
// breadcrumbs and pagination, written into ctemplate dictionaries.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <vector>

#include "content/model.h"
#include "site/page_context.h"

namespace khabar::site {

// "27 November 2026" in `language`.
std::string display_date(const PageContext& ctx, std::string_view language, content::Timestamp t);

// "27 November 2026, 14:05" in `language` (the site's time zone).
std::string display_date_time(const PageContext& ctx, std::string_view language,
                              content::Timestamp t);

// An article's correction notes as readers see them, under its text and in its feed
// entry: "Correction: 27 November 2026, 14:05 — text", oldest first ("" for none).
std::string corrections_html(const PageContext& ctx, std::string_view language,
                             const std::vector<content::Correction>& corrections);

// "Ahmad Wali and Sara Karimi" / "A, B and C" (names only).
std::string author_names(const PageContext& ctx, std::string_view language,
                         const std::vector<content::Author>& authors);

// Adds a section `section` to `parent` holding one card (templates/card.tpl) for `a`,
// with its featured picture. `lead`: the page's lead story, above the fold, whose
// picture is the largest and fetched first rather than lazily.
void add_card(const PageContext& ctx, ctemplate::TemplateDictionary& parent,
              std::string_view section, const content::ArticleSummary& a, bool lead = false);

// The PICTURE section (HTML: a <picture>) of a card whose article has a featured library
// picture; nothing for a text card. `sizes`: the srcset's sizes attribute; `first`: above
// the fold, fetched first instead of lazily.
void add_card_picture(ctemplate::TemplateDictionary& card, const content::ArticleSummary& a,
                      std::string_view sizes, bool first = false);

// What every card shows besides its headline and text: URL, LANG, DIR, DATE_ISO, DATE,
// AUTHORS and the KICKER section (the primary category).
void add_card_details(const PageContext& ctx, ctemplate::TemplateDictionary& card,
                      const content::ArticleSummary& a);

// Breadcrumb items (CRUMB sections: NAME, URL) for Home and the category trail.
// Returns the JSON-LD BreadcrumbList for the trail plus `last` (name, path) if given.
std::string add_breadcrumbs(const PageContext& ctx, ctemplate::TemplateDictionary& dict,
                            std::string_view language, content::Id category_id,
                            std::string_view last_name, std::string_view last_path,
                            bool link_category_last = true);

// Fills the PAGINATION include (templates/pagination.tpl) unless this is the only page.
// Listings are not counted (a count costs as much as the archive is long): `has_older`
// says whether another page follows.
void add_pagination(const PageContext& ctx, ctemplate::TemplateDictionary& dict,
                    std::string_view language, std::string_view listing_url, int page,
                    bool has_older);

// Whole-string display of a number in the page language ("۳" in Pashto).
std::string number(const PageContext& ctx, std::string_view language, long n);

}  // namespace khabar::site
