#include "store/sqlite/related.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "search/normalize.h"
#include "search/suggest.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/search.h"

namespace khabar::store::sqlite {

using content::Id;
using content::Timestamp;

std::optional<Id> related_article_id(Connection& db, const content::Article& a) {
  {
    auto kept = db.prepare(
        "SELECT r.related_id FROM related_articles r JOIN articles b ON b.id = r.related_id "
        "WHERE r.article_id = ?1 AND b.status = 'published'");
    kept.bind(1, a.id);
    if (kept.step()) return kept.int64(0);
  }
  // Candidates are bounded - the newest 50 of the category's listing and the newest 30
  // of each tag's - so the cost does not grow with the archive. They are ranked from the
  // listing rows alone: same primary category first, then in the most of this article's
  // tag listings (its shared tags among the recent ones), then newest. Looking each
  // candidate up in `articles` and `article_tags` took half of an article page's render.
  struct Candidate {
    Id id;
    Timestamp published_at;
    bool same_category;
    int shared_tags;
  };
  std::vector<Candidate> candidates;
  std::unordered_map<Id, std::size_t> index;
  auto newest = [&](const std::string& listing, int n, bool is_tag) {
    auto s = db.prepare(
        "SELECT article_id, published_at, category_id FROM listings WHERE listing = ?1 "
        "AND article_id <> ?2 ORDER BY published_at DESC, article_id DESC LIMIT ?3");
    s.bind(1, listing).bind(2, a.id).bind(3, static_cast<std::int64_t>(n));
    while (s.step()) {
      auto [at, added] = index.emplace(s.int64(0), candidates.size());
      if (added)
        candidates.push_back(
            {s.int64(0), s.int64(1), a.category_id && s.int64(2) == a.category_id, 0});
      candidates[at->second].shared_tags += is_tag;
    }
  };
  if (a.category_id) newest("c:" + std::to_string(a.category_id), 50, false);
  for (std::size_t i = 0; i < a.tags.size() && i < 10; ++i)
    newest("t:" + std::to_string(a.tags[i].id), 30, true);
  if (candidates.empty()) newest("all", 1, false);  // nothing in common: the newest other article
  if (candidates.empty()) return std::nullopt;
  const Candidate& best = *std::max_element(
      candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.same_category, x.shared_tags, x.published_at, x.id) <
               std::tie(y.same_category, y.shared_tags, y.published_at, y.id);
      });
  return best.id;
}

namespace {

// The distinctive words of a text: TF-IDF over the published documents of the index, the
// `n` highest (words of at least 3 letters in some other document).
std::vector<std::string> distinctive_words(Connection& db, std::string_view text, std::size_t n) {
  std::unordered_map<std::string, int> frequency;
  for (const auto& w : search::words(text.substr(0, 64 * 1024)))
    if (const std::string& form = w.indexed();
        search::letters(form) >= 3 && form.find_first_not_of("0123456789") != std::string::npos)
      ++frequency[form];
  std::vector<std::pair<std::string, int>> terms(frequency.begin(), frequency.end());
  std::size_t keep = std::min<std::size_t>(terms.size(), 200);
  std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(keep), terms.end(),
                    [](const auto& a, const auto& b) {
                      return a.second != b.second ? a.second > b.second : a.first < b.first;
                    });
  terms.resize(keep);
  double documents = 1;
  {
    auto s = db.prepare("SELECT count(*) FROM search_docs WHERE status = 'published'");
    if (s.step()) documents = static_cast<double>(s.int64(0));
  }
  std::vector<std::pair<double, std::string>> scored;
  for (auto& [term, tf] : terms) {
    auto df = db.prepare("SELECT doc FROM search_words WHERE term = ?1");
    df.bind(1, term);
    double in = df.step() ? static_cast<double>(df.int64(0)) : 0;
    if (in < 2) continue;  // in no other document
    scored.emplace_back(tf * std::log((documents + 1) / in), term);
  }
  std::sort(scored.begin(), scored.end(), std::greater<>());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < n; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace

void refresh_related(Connection& db, Id id) {
  flush_search_queue(db);  // the index as this transaction has made it so far
  db.prepare("DELETE FROM related_articles WHERE article_id = ?1").bind(1, id).run();
  std::string language, text;
  Id category = 0;
  Timestamp at = 0;
  {
    auto s = db.prepare(
        "SELECT d.language, d.category_id, d.published_at, t.title, t.standfirst, t.body "
        "FROM search_docs d JOIN search_text t ON t.article_id = d.article_id "
        "WHERE d.article_id = ?1 AND d.status = 'published' AND d.kind = 'article'");
    s.bind(1, id);
    if (!s.step()) return;
    language = s.text(0);
    category = s.int64(1);
    at = s.int64(2);
    text =
        s.text(3) + "\n" + s.text(3) + "\n" + s.text(4) + "\n" + s.text(5);  // the headline twice
  }
  auto words = distinctive_words(db, text, 8);
  if (words.empty()) return;
  std::string match;
  for (const auto& w : words) {
    if (!match.empty()) match += " OR ";
    match += '"';
    for (char c : w) match += c == '"' ? std::string("\"\"") : std::string(1, c);
    match += '"';
  }
  struct Candidate {
    Id id;
    double content;  // 0..1: the match's BM25 against the best one's
    bool same_language, same_category;
    int shared_tags = 0;
    Timestamp at;
  };
  std::vector<Candidate> candidates;
  {
    auto s = db.prepare(
        "SELECT d.article_id, bm25(search, 10.0, 4.0, 3.0, 1.0) AS rank, d.language, "
        "d.category_id, d.published_at FROM search JOIN search_docs d "
        "ON d.article_id = search.rowid WHERE search MATCH ?1 AND d.status = 'published' "
        "AND d.kind = 'article' AND d.article_id <> ?2 ORDER BY rank LIMIT 40");
    s.bind(1, match).bind(2, id);
    while (s.step())
      candidates.push_back({s.int64(0), s.real(1), s.text(2) == language,
                            category && s.int64(3) == category, 0, s.int64(4)});
  }
  bool any_same_language = std::any_of(candidates.begin(), candidates.end(),
                                       [](const Candidate& c) { return c.same_language; });
  if (!any_same_language) {
    // Nothing in the article's language shares its words: the newest one in that
    // language (of its category first), when there is one, before any other language.
    auto s = db.prepare(
        "SELECT article_id FROM search_docs WHERE status = 'published' AND kind = 'article' "
        "AND language = ?1 AND article_id <> ?2 "
        "ORDER BY category_id = ?3 DESC, published_at DESC LIMIT 1");
    s.bind(1, language).bind(2, id).bind(3, category);
    if (s.step()) {
      db.prepare("INSERT INTO related_articles (article_id, related_id) VALUES (?1, ?2)")
          .bind(1, id)
          .bind(2, s.int64(0))
          .run();
      return;
    }
  }
  if (candidates.empty()) return;
  double best = candidates.front().content;  // the lowest (best) BM25, below zero
  std::vector<Id> ids;
  for (auto& c : candidates) {
    c.content = best < 0 ? c.content / best : 0;
    ids.push_back(c.id);
  }
  {
    auto s = db.prepare(
        "SELECT x.article_id, count(*) FROM article_tags x JOIN article_tags mine "
        "ON mine.tag_id = x.tag_id AND mine.article_id = ?1 "
        "WHERE x.article_id IN (SELECT value FROM json_each(?2)) GROUP BY x.article_id");
    s.bind(1, id).bind(2, json_ids(ids));
    std::unordered_map<Id, int> shared;
    while (s.step()) shared[s.int64(0)] = static_cast<int>(s.int64(1));
    for (auto& c : candidates) c.shared_tags = shared[c.id];
  }
  auto score = [&](const Candidate& c) {
    double days = std::abs(static_cast<double>(c.at - at)) / 86400.0;
    return c.content + 0.35 * c.same_category + 0.1 * std::min(c.shared_tags, 3) +
           0.15 / (1.0 + days / 30.0);
  };
  const Candidate* pick = nullptr;
  for (const auto& c : candidates) {
    if (any_same_language && !c.same_language) continue;
    if (!pick || score(c) > score(*pick) || (score(c) == score(*pick) && c.at > pick->at))
      pick = &c;
  }
  db.prepare("INSERT INTO related_articles (article_id, related_id) VALUES (?1, ?2)")
      .bind(1, id)
      .bind(2, pick->id)
      .run();
}

}  // namespace khabar::store::sqlite
