#include "store/sqlite/search.h"

#include <algorithm>
#include <map>
#include <string>

#include "content/text.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search_query.h"

namespace khabar::store::sqlite {
namespace {

// BM25's weight of each column of the index: the headline above the standfirst and the
// tags, above the body.
constexpr std::string_view kRank = "bm25(search, 10.0, 4.0, 3.0, 1.0)";

// The conditions of a reader search, over `search` joined to its rows `d`; ?1 is the
// match, ?2-?6 the filters (bound by bind_filters).
std::string reader_conditions(const SearchRequest& r) {
  std::string where = "search MATCH ?1 AND d.status = 'published'";
  if (!r.language.empty()) where += " AND d.language = ?2";
  if (r.from) where += " AND d.published_at >= ?3";
  if (r.to) where += " AND d.published_at < ?4";
  if (r.category_id)
    where +=
        " AND EXISTS (SELECT 1 FROM listings l WHERE l.article_id = d.article_id "
        "AND l.listing = ?5)";
  if (r.author_id)
    where +=
        " AND EXISTS (SELECT 1 FROM listings l WHERE l.article_id = d.article_id "
        "AND l.listing = ?6)";
  return where;
}

void bind_filters(Statement& s, const SearchRequest& r, const std::string& match) {
  s.bind(1, match);
  if (!r.language.empty()) s.bind(2, r.language);
  if (r.from) s.bind(3, r.from);
  if (r.to) s.bind(4, r.to);
  if (r.category_id) s.bind(5, "c:" + std::to_string(r.category_id));
  if (r.author_id) s.bind(6, "u:" + std::to_string(r.author_id));
}

constexpr std::string_view kFrom =
    " FROM search JOIN search_docs d ON d.article_id = search.rowid WHERE ";

// The next string after every string that begins with `prefix` (its last byte plus one;
// the first letter of a UTF-8 word never ends in 0xFF).
std::string successor(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

}  // namespace

void refresh_search(Connection& db, Id id) {
  db.prepare(
        "INSERT INTO search_docs (article_id, status, kind, language, published_at, "
        "category_id) SELECT id, status, kind, language, ifnull(published_at, 0), "
        "ifnull(category_id, 0) FROM articles WHERE id = ?1 "
        "ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, kind = excluded.kind, "
        "language = excluded.language, published_at = excluded.published_at, "
        "category_id = excluded.category_id")
      .bind(1, id)
      .run();
  if (sqlite3_changes(db.handle()) == 0) {  // no such article (any more)
    db.prepare("DELETE FROM search_docs WHERE article_id = ?1").bind(1, id).run();
    db.prepare("DELETE FROM search_text WHERE article_id = ?1").bind(1, id).run();
    return;
  }
  db.prepare(
        "INSERT INTO search_text (article_id, title, standfirst, tags, body) "
        "SELECT a.id, a.title, a.excerpt, "
        "ifnull((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t "
        "ON t.id = x.tag_id WHERE x.article_id = a.id), ''), "
        "khabar_search_text(a.body_markdown, a.body_html) FROM articles a WHERE a.id = ?1 "
        "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, "
        "standfirst = excluded.standfirst, tags = excluded.tags, body = excluded.body")
      .bind(1, id)
      .run();
}

void refresh_search_of_tag(Connection& db, Id tag_id, bool deleting) {
  auto tagged = ids(db, "SELECT article_id FROM article_tags WHERE tag_id = ?1", tag_id);
  if (deleting) db.prepare("DELETE FROM article_tags WHERE tag_id = ?1").bind(1, tag_id).run();
  // Only the tags column: the body's text is not worked out again.
  for (Id id : tagged)
    db.prepare(
          "UPDATE search_text SET tags = ifnull((SELECT group_concat(t.name, ' ') "
          "FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?1), '') "
          "WHERE article_id = ?1")
        .bind(1, id)
        .run();
}

void rebuild_search(Connection& db, const Transaction::Progress& progress) {
  std::vector<Id> all;
  {
    auto s = db.prepare("SELECT id FROM articles ORDER BY id");
    while (s.step()) all.push_back(s.int64(0));
  }
  auto total = static_cast<std::int64_t>(all.size());
  if (progress) progress(0, total);
  // Every row as the articles are now (a row whose text is unchanged is left alone)...
  for (std::size_t i = 0; i < all.size(); ++i) {
    refresh_search(db, all[i]);
    if (progress && ((i + 1) % 1000 == 0 || i + 1 == all.size()))
      progress(static_cast<std::int64_t>(i + 1), total);
  }
  db.exec("DELETE FROM search_docs WHERE article_id NOT IN (SELECT id FROM articles)");
  db.exec("DELETE FROM search_text WHERE article_id NOT IN (SELECT id FROM articles)");
  // ...then the index made anew from them, and merged into as few segments as it can.
  db.exec("INSERT INTO search (search) VALUES ('rebuild')");
  db.exec("INSERT INTO search (search) VALUES ('optimize')");
}

SearchResults search(Connection& db, const SearchRequest& r) {
  SearchResults out;
  std::string match = fts5_match(r.query);
  if (match.empty()) return out;
  std::string where = reader_conditions(r);
  // One pass over the matches: their number, both counts (by language, and by primary
  // category, added up to the parents below) and the best offset + limit of them, kept
  // in a heap (the one worst of those kept on top), so memory stays bounded however many
  // match.
  struct Ranked {
    bool headline;  // the headline has the whole query as a phrase
    double score;   // BM25, lower is better
    content::Timestamp at;
    Id id;
  };
  auto before = [](const Ranked& a, const Ranked& b) {
    if (a.headline != b.headline) return a.headline;
    if (a.score != b.score) return a.score < b.score;
    if (a.at != b.at) return a.at > b.at;
    return a.id > b.id;
  };
  std::vector<Ranked> best;
  auto wanted = static_cast<std::size_t>(std::max(0, r.offset) + std::max(0, r.limit));
  std::map<Id, std::int64_t> by_category;
  std::vector<std::pair<std::string, std::int64_t>> by_language;  // a handful: a list
  {
    auto s = db.prepare(sql(sql("SELECT d.article_id, d.published_at, ", kRank,
                                ", khabar_headline(search, ?7), d.language, d.category_id"),
                            kFrom, where));
    bind_filters(s, r, match);
    std::int64_t asked = 0;  // the terms not excluded: the first phrases of the match
    for (const auto& t : r.query.terms) asked += !t.exclude;
    s.bind(7, asked);
    while (s.step()) {
      ++out.total;
      std::string_view language = s.text_view(4);
      auto known = std::find_if(by_language.begin(), by_language.end(),
                                [&](const auto& l) { return l.first == language; });
      if (known == by_language.end())
        by_language.emplace_back(std::string(language), 1);
      else
        ++known->second;
      if (Id c = s.int64(5)) by_category[c] += 1;
      if (wanted == 0) continue;
      Ranked row{s.int64(3) != 0, s.real(2), s.int64(1), s.int64(0)};
      if (best.size() < wanted) {
        best.push_back(row);
        std::push_heap(best.begin(), best.end(), before);
      } else if (before(row, best.front())) {
        std::pop_heap(best.begin(), best.end(), before);
        best.back() = row;
        std::push_heap(best.begin(), best.end(), before);
      }
    }
  }
  if (out.total == 0) return out;
  std::sort_heap(best.begin(), best.end(), before);
  std::vector<Id> page;
  for (std::size_t k = static_cast<std::size_t>(std::max(0, r.offset)); k < best.size(); ++k)
    page.push_back(best[k].id);
  if (!page.empty()) {
    auto s = db.prepare(sql("SELECT ", kSummaryColumns,
                            ", t.body FROM json_each(?1) j JOIN articles a ON a.id = j.value "
                            "JOIN search_text t ON t.article_id = a.id ORDER BY j.key"));
    s.bind(1, json_ids(page));
    std::vector<content::ArticleSummary> summaries;
    while (s.step()) {
      read_summary(s, summaries.emplace_back());
      out.hits.push_back({{}, s.text(kSummaryColumnCount)});
    }
    attach_authors(db, summaries);
    for (std::size_t i = 0; i < summaries.size(); ++i)
      out.hits[i].article = std::move(summaries[i]);
  }

  if (r.facets) {
    std::map<Id, Id> parent;
    auto c = db.prepare("SELECT id, ifnull(parent_id, 0) FROM categories");
    while (c.step()) parent[c.int64(0)] = c.int64(1);
    std::map<Id, std::int64_t> rolled;
    for (auto [id, n] : by_category)
      for (Id at = id, steps = 0; at && steps < 100; at = parent[at], ++steps) rolled[at] += n;
    out.categories.assign(rolled.begin(), rolled.end());
    out.languages.assign(by_language.begin(), by_language.end());
    auto most_first = [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    std::sort(out.categories.begin(), out.categories.end(), most_first);
    std::sort(out.languages.begin(), out.languages.end(), most_first);
    if (out.categories.size() > 12) out.categories.resize(12);
  }
  return out;
}

std::vector<search::Known> indexed_words_like(Connection& db, std::string_view folded) {
  std::vector<search::Known> out;
  if (folded.empty()) return out;
  // The first two letters (UTF-8 sequences) as the range's prefix: fts5vocab counts the
  // documents of every word it passes, so the range is kept narrow.
  std::size_t end = 0;
  for (int letter = 0; letter < 2 && end < folded.size(); ++letter) {
    ++end;
    while (end < folded.size() && (static_cast<unsigned char>(folded[end]) & 0xC0) == 0x80) ++end;
  }
  std::string begin(folded.substr(0, end));
  std::size_t n = search::letters(folded);
  std::size_t slack = static_cast<std::size_t>(search::spelling_tolerance(n));
  auto s = db.prepare("SELECT term, doc FROM search_words WHERE term >= ?1 AND term < ?2");
  s.bind(1, begin).bind(2, successor(begin));
  while (s.step()) {
    std::string term = s.text(0);
    std::size_t m = search::letters(term);
    if (m + slack < n || m > n + slack) continue;
    out.push_back({std::move(term), s.int64(1)});
  }
  return out;
}

std::int64_t indexed_word_documents(Connection& db, std::string_view folded) {
  auto s = db.prepare("SELECT doc FROM search_words WHERE term = ?1");
  s.bind(1, folded);
  return s.step() ? s.int64(0) : 0;
}

std::string desk_match(std::string_view typed) { return fts5_match(search::parse_query(typed)); }

}  // namespace khabar::store::sqlite
