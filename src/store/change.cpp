#include "store/change.h"

#include <charconv>

namespace khabar::store {
namespace {

constexpr ChangeKind kKinds[] = {
    ChangeKind::Article,       ChangeKind::CategoryListing, ChangeKind::TagListing,
    ChangeKind::AuthorListing, ChangeKind::AuthorProfile,   ChangeKind::Comments,
    ChangeKind::Categories,    ChangeKind::Settings,        ChangeKind::Pages,
    ChangeKind::SitemapMonth,  ChangeKind::Banner};

std::optional<ChangeKind> kind_of(char letter) {
  for (ChangeKind kind : kKinds)
    if (static_cast<char>(kind) == letter) return kind;
  return std::nullopt;
}

}  // namespace

std::string encode(Change change) {
  std::string code(1, static_cast<char>(change.kind));
  if (names_a_row(change.kind)) code += ":" + std::to_string(change.id);
  return code;
}

std::string encode(const std::vector<Change>& changes) {
  std::string out;
  for (const Change& c : changes) {
    if (!out.empty()) out += ' ';
    out += encode(c);
  }
  return out;
}

std::optional<Change> decode(std::string_view code) {
  if (code.empty()) return std::nullopt;
  auto kind = kind_of(code[0]);
  if (!kind) return std::nullopt;
  if (!names_a_row(*kind)) {
    if (code.size() != 1) return std::nullopt;
    return Change{*kind, 0};
  }
  if (code.size() < 3 || code[1] != ':') return std::nullopt;
  content::Id id = 0;
  const char* end = code.data() + code.size();
  auto [ptr, ec] = std::from_chars(code.data() + 2, end, id);
  if (ec != std::errc() || ptr != end || id <= 0) return std::nullopt;
  return Change{*kind, id};
}

std::vector<Change> decode_list(std::string_view codes) {
  std::vector<Change> out;
  while (!codes.empty()) {
    std::size_t space = codes.find(' ');
    if (auto change = decode(codes.substr(0, space))) out.push_back(*change);
    codes = space == std::string_view::npos ? std::string_view() : codes.substr(space + 1);
  }
  return out;
}

}  // namespace khabar::store
