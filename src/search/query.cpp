#include "search/query.h"

#include "content/text.h"
#include "search/normalize.h"

namespace khabar::search {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

bool Query::empty() const {
  for (const auto& t : terms)
    if (!t.exclude) return false;
  return true;
}

Query parse_query(std::string_view typed) {
  Query q;
  // Broken text is no query (the reader gets "no results", never an error).
  std::string_view head = typed.substr(0, kMaxQueryBytes + 4);
  std::string text = content::truncate_utf8(head, kMaxQueryBytes);
  if (!content::is_valid_utf8(text)) return q;
  std::size_t i = 0;
  while (i < text.size() && q.terms.size() < kMaxQueryTerms) {
    while (i < text.size() && space(text[i])) ++i;
    if (i >= text.size()) break;
    Term t;
    if (text[i] == '-') {
      t.exclude = true;
      ++i;
    }
    if (i < text.size() && text[i] == '"') {
      // A phrase runs to the closing quote, or to the end when there is none.
      std::size_t close = text.find('"', i + 1);
      std::size_t end = close == std::string::npos ? text.size() : close;
      t.text = text.substr(i + 1, end - i - 1);
      t.phrase = true;
      i = close == std::string::npos ? text.size() : close + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !space(text[end]) && text[end] != '"') ++end;
      t.text = text.substr(i, end - i);
      i = end;
      while (!t.text.empty() && t.text.back() == '*') {
        t.prefix = true;
        t.text.pop_back();
      }
    }
    // Only what has a word in it (punctuation alone, a lone "-" or "*", is nothing).
    if (!words(t.text).empty()) q.terms.push_back(std::move(t));
  }
  return q;
}

std::string to_string(const Query& query) {
  std::string out;
  for (const auto& t : query.terms) {
    if (!out.empty()) out += ' ';
    if (t.exclude) out += '-';
    if (t.phrase) {
      out += '"';
      // A quote inside cannot be typed back: it ends the phrase.
      for (char c : t.text) out += c == '"' ? ' ' : c;
      out += '"';
    } else {
      out += t.text;
    }
    if (t.prefix) out += '*';
  }
  return out;
}

std::optional<Query> loosened(const Query& query) {
  Query out = query;
  bool changed = false;
  for (auto& t : out.terms) {
    std::string text;
    std::size_t at = 0;
    auto found = words(t.text);
    for (std::size_t i = 0; i < found.size(); ++i) {
      const auto& w = found[i];
      text.append(t.text, at, w.begin - at);
      std::string_view piece = std::string_view(t.text).substr(w.begin, w.end - w.begin);
      bool last_of_prefix = t.prefix && i + 1 == found.size();
      std::string loose = fold(piece, Fold::Loose, !last_of_prefix);
      // Latin words keep their letters: only Arabic-script spellings have a loose form.
      if (loose != fold(piece, Fold::Strict, !last_of_prefix)) {
        text += loose;
        changed = true;
      } else {
        text += piece;
      }
      at = w.end;
    }
    text.append(t.text, at, std::string::npos);
    t.text = std::move(text);
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace khabar::search
