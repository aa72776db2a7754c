// What a committed write changed, as the reader site needs to know it: the payload of the
// change log (one row per transaction, written in the same transaction as the data), from
// which the page cache drops exactly the pages that showed it (docs/cache.md). Typed here,
// encoded as text in one place only: "a:12 c:3 S" (the kind's letter, and ":<id>" for
// the kinds that name a row).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"

namespace khabar::store {

enum class ChangeKind : char {
  Article = 'a',          // an article's content or status (id: the article)
  CategoryListing = 'c',  // the articles of a category (id: their primary category)
  TagListing = 't',       // the articles of a tag (id: the tag)
  AuthorListing = 'u',    // the articles of an author (id: the account)
  AuthorProfile = 'U',    // an author's public name or bio (id: the account)
  Comments = 'k',         // the visible comments of an article (id: the article)
  SitemapMonth = 'm',     // the articles published in a month (id: 202611, UTC)
  Categories = 'C',       // the category tree or its names (site-wide)
  Settings = 'S',         // site settings or the menu (site-wide)
  Pages = 'P',            // the list of static pages (site-wide)
  Banner = 'B',           // the breaking-news banner (site-wide)
};

// Whether `kind` names one row (and so carries an id) or the whole site.
constexpr bool names_a_row(ChangeKind kind) {
  return kind != ChangeKind::Categories && kind != ChangeKind::Settings &&
         kind != ChangeKind::Pages && kind != ChangeKind::Banner;
}

struct Change {
  ChangeKind kind;
  content::Id id = 0;  // 0 for the site-wide kinds
  auto operator<=>(const Change&) const = default;
};

// "a:12", "S".
std::string encode(Change change);
// Space-separated, in the given order.
std::string encode(const std::vector<Change>& changes);
// The change a code names; nullopt for anything else (a kind from a newer version, a
// missing or non-positive id, an id on a site-wide kind, trailing bytes).
std::optional<Change> decode(std::string_view code);
// Every valid code of a space-separated list, in order; unknown ones are skipped.
std::vector<Change> decode_list(std::string_view codes);

}  // namespace khabar::store
