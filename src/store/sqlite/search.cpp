#include "store/sqlite/search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>

#include "content/text.h"
#include "search/plain_text.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search_query.h"
#include "store/sqlite/search_tokenizer.h"

namespace khabar::store::sqlite {
namespace {

// BM25's weight of each column of the index: the headline above the standfirst and the
// tags, above the body.
constexpr std::array<double, 4> kColumnWeights{10.0, 4.0, 3.0, 1.0};

// search_docs.listed of article ?1: its category and author listings (listings rows, so
// with every ancestor and extra category), each with a space on both sides: " c:3 u:7 ".
constexpr std::string_view kListed =
    "ifnull((SELECT ' ' || group_concat(listing, ' ') || ' ' FROM listings "
    "WHERE article_id = ?1 AND ((listing >= 'c:' AND listing < 'c;') OR "
    "(listing >= 'u:' AND listing < 'u;'))), '')";

// Whether a match `d` (a row of search_docs) is one the reader asked for: published and
// in the filters, ?2-?6 (bound by bind_filters). A category or an author is looked for in
// the row's own list of listings (search_docs.listed), not in another table.
std::string wanted_condition(const SearchRequest& r) {
  std::string wanted = "d.status = 'published'";
  if (!r.language.empty()) wanted += " AND d.language = ?2";
  if (r.from) wanted += " AND d.published_at >= ?3";
  if (r.to) wanted += " AND d.published_at < ?4";
  if (r.category_id) wanted += " AND instr(d.listed, ?5) > 0";
  if (r.author_id) wanted += " AND instr(d.listed, ?6) > 0";
  return wanted;
}

void bind_filters(Statement& s, const SearchRequest& r, const std::string& match) {
  s.bind(1, match);
  if (!r.language.empty()) s.bind(2, r.language);
  if (r.from) s.bind(3, r.from);
  if (r.to) s.bind(4, r.to);
  if (r.category_id) s.bind(5, " c:" + std::to_string(r.category_id) + " ");
  if (r.author_id) s.bind(6, " u:" + std::to_string(r.author_id) + " ");
}

// `n` to its two first figures (41,237 -> 41,000): an estimate says no more than it knows.
std::int64_t two_figures(double n) {
  if (n < 100) return static_cast<std::int64_t>(std::llround(n));
  double unit = std::pow(10.0, std::floor(std::log10(n)) - 1);
  return static_cast<std::int64_t>(std::llround(n / unit) * unit);
}

// Each asked term's inverse document frequency as BM25 has it, ln((N - n + 0.5) / (n + 0.5)),
// at least 1e-6, in the query's order, with N the span of article ids and n the documents
// the term is in: counted up to 1,000, and past that estimated from how far back its
// newest 1,000 reach (a common word's count would cost as much as the search).
std::vector<double> inverse_document_frequencies(Connection& db, const search::Query& q, Id highest,
                                                 double rows) {
  std::vector<double> out;
  for (const auto& t : q.terms) {
    if (t.exclude) continue;
    search::Query one;
    one.terms.push_back(t);
    one.terms.back().exclude = false;
    std::string match = fts5_match(one);
    double n = 0;
    auto s = db.prepare(
        "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET 999");
    s.bind(1, match);
    if (s.step()) {
      n = 1000.0 * rows / static_cast<double>(highest - s.int64(0) + 1);
    } else {
      auto c = db.prepare("SELECT count(*) FROM search WHERE search MATCH ?1");
      c.bind(1, match);
      if (c.step()) n = static_cast<double>(c.int64(0));
    }
    n = std::min(n, rows);
    out.push_back(std::max(1e-6, std::log((rows - n + 0.5) / (n + 0.5))));
  }
  return out;
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

bool refresh_search_docs(Connection& db, Id id) {
  db.prepare(sql("INSERT INTO search_docs (article_id, status, kind, language, published_at, "
                 "category_id, listed) SELECT id, status, kind, language, ifnull(published_at, 0), "
                 "ifnull(category_id, 0), ",
                 kListed,
                 " FROM articles WHERE id = ?1 "
                 "ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, "
                 "kind = excluded.kind, language = excluded.language, "
                 "published_at = excluded.published_at, category_id = excluded.category_id, "
                 "listed = excluded.listed"))
      .bind(1, id)
      .run();
  if (sqlite3_changes(db.handle()) > 0) return true;
  db.prepare("DELETE FROM search_docs WHERE article_id = ?1").bind(1, id).run();
  return false;
}

void refresh_search(Connection& db, Id id) {
  if (!refresh_search_docs(db, id)) {  // no such article (any more)
    db.prepare("DELETE FROM search_text WHERE article_id = ?1").bind(1, id).run();
    return;
  }
  // The body's text worked out here and bound, rather than by khabar_search_text in the
  // statement: used twice there, it would be kept in a temporary table.
  std::string text;
  {
    auto s = db.prepare("SELECT body_markdown, body_html FROM articles WHERE id = ?1");
    s.bind(1, id);
    if (s.step()) text = search::body_text(s.text_view(0), s.text_view(1));
  }
  db.prepare(
        "INSERT INTO search_text (article_id, title, standfirst, tags, body) "
        "SELECT a.id, a.title, khabar_standfirst(a.excerpt, ?2), "
        "ifnull((SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t "
        "ON t.id = x.tag_id WHERE x.article_id = a.id), ''), ?2 "
        "FROM articles a WHERE a.id = ?1 "
        "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, "
        "standfirst = excluded.standfirst, tags = excluded.tags, body = excluded.body")
      .bind(1, id)
      .bind(2, text)
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

namespace {

// Each row's size as FTS5 counted it, into search_docs (where khabar_rank reads it with the
// rest of the row), for the rows `where` picks ("" for all).
void copy_words(Connection& db, std::string_view where) {
  db.exec(
      sql("UPDATE search_docs SET words = ifnull((SELECT khabar_words(sz) FROM "
          "search_docsize WHERE id = search_docs.article_id), 0)",
          where));
}

}  // namespace

void flush_search_queue(Connection& db) {
  if (!db.prepare("SELECT 1 FROM search_queue LIMIT 1").step()) return;
  // Many articles at once (an import): FTS5 merges its segments 16 at a time rather than
  // 4 while it writes them (fewer passes over the same words: a 100,000-post import 81 ->
  // 73 s), then goes back to 4, which keeps fewer segments for searches to read.
  bool many = db.prepare("SELECT 1 FROM search_queue LIMIT 1 OFFSET 999").step();
  if (many) db.exec("INSERT INTO search (search, rank) VALUES ('automerge', 16)");
  db.exec(
      "INSERT INTO search (search, rowid, title, standfirst, tags, body) "
      "SELECT 'delete', article_id, title, standfirst, tags, body FROM search_queue "
      "WHERE indexed = 1");
  db.exec(
      "INSERT INTO search (rowid, title, standfirst, tags, body) "
      "SELECT t.article_id, t.title, t.standfirst, t.tags, t.body FROM search_queue q "
      "JOIN search_text t ON t.article_id = q.article_id");
  if (many) db.exec("INSERT INTO search (search, rank) VALUES ('automerge', 4)");
  copy_words(db, " WHERE article_id IN (SELECT article_id FROM search_queue)");
  db.exec("DELETE FROM search_queue");
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
  db.exec("DELETE FROM search_queue");
  db.exec("INSERT INTO search (search) VALUES ('rebuild')");
  db.exec("INSERT INTO search (search) VALUES ('optimize')");
  copy_words(db, "");
}

SearchResults search(Connection& db, const SearchRequest& r) {
  SearchResults out;
  std::string match = fts5_match(r.query);
  if (match.empty()) return out;
  Id lowest = 0, highest = 0;
  {
    // Each its own subquery: SQLite reads one end of the key for a min() or a max() alone,
    // but scans the table for both at once.
    auto s = db.prepare(
        "SELECT ifnull((SELECT min(article_id) FROM search_docs), 0), "
        "ifnull((SELECT max(article_id) FROM search_docs), 0)");
    if (s.step()) lowest = s.int64(0), highest = s.int64(1);
  }
  double span = static_cast<double>(highest - lowest + 1);
  std::int64_t asked = 0;  // the terms not excluded: the first phrases of the match
  for (const auto& t : r.query.terms) asked += !t.exclude;
  RankWeights weights{{kColumnWeights.begin(), kColumnWeights.end()}, {}};
  // One word or phrase: its rarity weighs the same in every row, and is not needed.
  if (asked > 1) weights.idf = inverse_document_frequencies(db, r.query, highest, span);
  std::string wanted_if = wanted_condition(r);

  // One pass over the matches, newest first: their number, both counts (by language, and
  // by primary category, added up to the parents below) and the best offset + limit of
  // them, kept in a heap (the one worst of those kept on top), so memory stays bounded
  // however many match; and no more than r.ranked of them, wanted or not (the filters are
  // read here rather than in the WHERE, which would pass over any number the reader did
  // not ask for), so time does too.
  struct Ranked {
    double score;  // khabar_rank: lower is better, the headline's phrase first
    content::Timestamp at;
    Id id;
  };
  auto before = [](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score < b.score;
    if (a.at != b.at) return a.at > b.at;
    return a.id > b.id;
  };
  std::vector<Ranked> best;
  auto wanted = static_cast<std::size_t>(std::max(0, r.offset) + std::max(0, r.limit));
  auto keep = [&](const Ranked& row) {
    if (wanted == 0) return;
    if (best.size() < wanted) {
      best.push_back(row);
      std::push_heap(best.begin(), best.end(), before);
    } else if (before(row, best.front())) {
      std::pop_heap(best.begin(), best.end(), before);
      best.back() = row;
      std::push_heap(best.begin(), best.end(), before);
    }
  };
  std::map<Id, std::int64_t> by_category;
  std::vector<std::pair<std::string, std::int64_t>> by_language;  // a handful: a list
  auto count = [&](std::string_view language, Id category) {
    auto known = std::find_if(by_language.begin(), by_language.end(),
                              [&](const auto& l) { return l.first == language; });
    if (known == by_language.end())
      by_language.emplace_back(std::string(language), 1);
    else
      ++known->second;
    if (category) by_category[category] += 1;
  };
  // Every pass reads: id, date, rank (NULL: not asked for), language, primary category.
  std::string columns = sql(sql("SELECT d.article_id, d.published_at, CASE WHEN ", wanted_if,
                                " THEN khabar_rank(search, ?7, d.words, ?8) END, d.language, "),
                            "d.category_id", kFrom);
  auto bound = [&](Statement& s, const std::string& m) -> Statement& {
    bind_filters(s, r, m);
    s.bind(7, asked);
    s.bind_pointer(8, &weights, kRankWeights);
    return s;
  };
  Id oldest = highest;
  {
    auto s = db.prepare(sql(columns, "search MATCH ?1 ORDER BY search.rowid DESC"));
    bound(s, match);
    std::int64_t examined = 0, limit = std::max<std::int64_t>(r.ranked, 1);
    while (s.step()) {
      if (examined++ == limit) {
        out.estimated = true;
        break;
      }
      oldest = s.int64(0);
      if (s.is_null(2)) continue;  // not asked for
      ++out.total;
      count(s.text_view(3), s.int64(4));
      keep({s.real(2), s.int64(1), oldest});
    }
  }
  if (out.estimated) {
    // Older matches the page still needs, newest first, the filters in the WHERE (each
    // pass stops at as many as the page needs): `reach` is how far back they went.
    Id reach = oldest;
    auto older = [&](const std::string& m, std::size_t n, bool counted) {
      auto s = db.prepare(
          sql(columns, "search MATCH ?1 AND ",
              sql(wanted_if, " AND search.rowid < ?9 ", "ORDER BY search.rowid DESC LIMIT ?10")));
      bound(s, m).bind(9, reach).bind(10, static_cast<std::int64_t>(n));
      std::size_t found = 0;
      Id last = reach;
      while (s.step()) {
        ++found;
        last = s.int64(0);
        keep({s.real(2), s.int64(1), last});
        if (counted) count(s.text_view(3), s.int64(4));
      }
      if (counted) reach = last;
      return found;
    };
    if (best.size() < wanted) {
      // A narrow filter, of whose matches the newest held too few: the next ones. When
      // they run out before the page is full, every match has been seen after all.
      std::size_t asked_for = wanted - best.size();
      std::size_t found = older(match, asked_for, true);
      out.total += static_cast<std::int64_t>(found);
      out.estimated = found == asked_for;
    }
    if (out.estimated) {
      // The matches are taken to be as dense over the older articles as over the newer
      // ones counted; counts are scaled by as much and rounded to two figures.
      double scale = span / static_cast<double>(highest - reach + 1);
      auto estimate = [scale](std::int64_t n) {
        return two_figures(static_cast<double>(n) * scale);
      };
      out.total = estimate(out.total);
      for (auto& [c, n] : by_category) n = estimate(n);
      for (auto& [l, n] : by_language) n = estimate(n);
    }
    // The headline's phrase comes first, however old.
    if (out.estimated && wanted > 0)
      older("(title : " + fts5_phrase(r.query) + ") AND " + match, wanted, false);
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
    complete_cards(db, summaries);
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
