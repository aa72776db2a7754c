// The FTS5 tokenizer of search (src/store/sqlite/search_tokenizer.h) in a real FTS5 table:
// words found in any of their spellings, different letters kept apart, highlights at the
// original text's offsets.
#include "store/sqlite/search_tokenizer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "search/query.h"
#include "store/sqlite/search_query.h"

namespace {

class SearchTokenizer : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_EQ(khabar::store::sqlite::register_search_functions(db_), SQLITE_OK);
    exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'khabar')");
  }
  void TearDown() override { sqlite3_close(db_); }

  void exec(const std::string& sql) {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "") << " in " << sql;
  }
  void add(const std::string& body) {
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO t (body) VALUES (?1)", -1, &s, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(s, 1, body.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
  }
  // The bodies matching `query` (an FTS5 query), highlighted, in insertion order.
  std::vector<std::string> find(const std::string& query) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_,
                                 "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1 "
                                 "ORDER BY rowid",
                                 -1, &s, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(s, 1, query.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s) == SQLITE_ROW)
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
  }
  using Found = std::vector<std::string>;

  sqlite3* db_ = nullptr;
};

TEST_F(SearchTokenizer, ArabicScriptSpellingsFindEachOther) {
  add("د كابل ښار");               // Arabic kaf
  add("کتابخانه‌ها");  // with a ZWNJ
  add("مُحَمَّد علي");                 // harakat, Arabic yeh
  EXPECT_EQ(find("کابل"), (Found{"د [كابل] ښار"}));
  EXPECT_EQ(find("كابل"), (Found{"د [كابل] ښار"}));
  EXPECT_EQ(find("محمد"), (Found{"[مُحَمَّد] علي"}));
  EXPECT_EQ(find("علی"), (Found{"مُحَمَّد [علي]"}));
  EXPECT_EQ(find("کتابخانهها"), (Found{"[کتابخانه‌ها]"}));
  EXPECT_EQ(find("کتاب*"), (Found{"[کتابخانه‌ها]"}));
}

TEST_F(SearchTokenizer, PashtoLookAlikesFindEachOtherBothWays) {
  add("ښار");  // as Pashto writes it
  add("شار");  // as a keyboard without ښ types it
  EXPECT_EQ(find("ښار"), (Found{"[ښار]", "[شار]"})) << "a Pashto query also asks the loose form";
  EXPECT_EQ(find("شار"), (Found{"[ښار]", "[شار]"})) << "the document keeps its loose form";
}

TEST_F(SearchTokenizer, APashtoWordIsIndexedOnceByItsLooseForm) {
  exec("CREATE VIRTUAL TABLE words USING fts5vocab(t, 'row')");
  add("ښار کتابېږي");  // Pashto: its loose form alone (شار), ې inside a word kept
  add("دبئ");          // not Pashto, with a loose form of its own (ئ at the end)
  std::vector<std::string> terms;
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT term FROM words ORDER BY term", -1, &s, nullptr),
            SQLITE_OK);
  while (sqlite3_step(s) == SQLITE_ROW)
    terms.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  EXPECT_EQ(terms, (Found{"دبئ", "دبی", "شار", "کتابېږی"}))
      << "no strict ښار: the index is smaller";
  EXPECT_EQ(find("ښار"), (Found{"[ښار] کتابېږي"}));
  EXPECT_EQ(find("\"ښا\" *"), (Found{"[ښار] کتابېږي"}));
  EXPECT_EQ(find("\"کتابې\" *"), (Found{"ښار [کتابېږي]"})) << "ې inside the word";
  EXPECT_EQ(find("دبې"), (Found{"[دبئ]"})) << "typed with the Pashto letter";
  EXPECT_EQ(find("دبئ"), (Found{"[دبئ]"}));
}

TEST_F(SearchTokenizer, DifferentLettersStayApart) {
  add("ړوند");
  add("روند");
  EXPECT_EQ(find("ړوند"), (Found{"[ړوند]"}));
  EXPECT_EQ(find("روند"), (Found{"[روند]"}));
}

TEST_F(SearchTokenizer, EnglishByStemDiacriticsAndHighlightsOnTheOriginal) {
  add("Elections in Bâmiyân: reporters count the votes.");
  EXPECT_EQ(find("election"), (Found{"[Elections] in Bâmiyân: reporters count the votes."}));
  EXPECT_EQ(find("bamiyan REPORTER"),
            (Found{"Elections in [Bâmiyân]: [reporters] count the votes."}));
  EXPECT_EQ(find("\"count the votes\""),
            (Found{"Elections in Bâmiyân: reporters [count the votes]."}));
  EXPECT_EQ(find("report*"), (Found{"Elections in Bâmiyân: [reporters] count the votes."}));
  EXPECT_TRUE(find("kabul").empty());
}

TEST_F(SearchTokenizer, DigitsOfEveryScriptAreOne) {
  add("۱۴۰۵ کال");
  EXPECT_EQ(find("1405"), (Found{"[۱۴۰۵] کال"}));
  EXPECT_EQ(find("١٤٠٥"), (Found{"[۱۴۰۵] کال"}));
}

// A reader's query as the store asks FTS5 (search/query.h, sqlite/search_query.h).
TEST_F(SearchTokenizer, ReadersQueriesFindWhatTheyAskFor) {
  add("Water supply returns to Kabul after the floods");
  add("Kabul floods: the old news");
  add("Herat water supply");
  auto ask = [&](std::string_view typed) {
    return find(khabar::store::sqlite::fts5_match(khabar::search::parse_query(typed)));
  };
  EXPECT_EQ(ask("kabul flood").size(), 2u);
  EXPECT_EQ(ask("\"water supply\" -herat"),
            (Found{"[Water supply] returns to Kabul after the floods"}));
  EXPECT_EQ(ask("\"supply water\"").size(), 0u) << "a phrase keeps its order";
  EXPECT_EQ(ask("kab* -\"old news\"").size(), 1u);
  EXPECT_EQ(khabar::store::sqlite::fts5_match(khabar::search::parse_query("-kabul")), "");
}

// Whatever a reader types, FTS5 gets a query it accepts: never an error, never a 500.
TEST_F(SearchTokenizer, NoTypedQueryIsAnFts5Error) {
  add("NEAR the river, title: OR not");
  for (std::string typed : {"NEAR(a b)", "title:x",      "^start",       "a OR b",
                            "NOT",       "AND AND",      "\"unbalanced", "-",
                            "*",         "\"\"",         "(((",          ")",
                            "a\"b\"c",   "-\"",          "\"*\"",        "x* * *",
                            "col : val", "{a b}",        "+a",           "\"NEAR\" OR\"",
                            "ښار*",      "\xE2\x80\x8F", "a\"\"\"b"}) {
    std::string match = khabar::store::sqlite::fts5_match(khabar::search::parse_query(typed));
    if (match.empty()) continue;
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &s, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(s), SQLITE_ROW)
        << typed << " -> " << match << ": " << sqlite3_errmsg(db_);
    sqlite3_finalize(s);
  }
  EXPECT_EQ(find(khabar::store::sqlite::fts5_match(khabar::search::parse_query("NEAR OR"))).size(),
            1u)
      << "operators typed are words";
}

}  // namespace
