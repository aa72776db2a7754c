#include "store/sqlite/search_query.h"

namespace khabar::store::sqlite {
namespace {

// An FTS5 string: in double quotes, a quote inside doubled; a prefix gets its star after.
std::string quoted(const search::Term& t) {
  std::string out = "\"";
  for (char c : t.text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  if (t.prefix) out += " *";
  return out;
}

}  // namespace

std::string fts5_match(const search::Query& query) {
  if (query.empty()) return {};
  std::string wanted, unwanted;
  for (const auto& t : query.terms) {
    if (t.exclude) {
      unwanted += " NOT " + quoted(t);
    } else {
      wanted += (wanted.empty() ? "" : " AND ") + quoted(t);
    }
  }
  return "(" + wanted + ")" + unwanted;
}

std::string fts5_phrase(const search::Query& query) {
  std::string out;
  for (const auto& t : query.terms)
    if (!t.exclude) out += (out.empty() ? "" : " + ") + quoted(t);
  return out;
}

}  // namespace khabar::store::sqlite
