// The command line: init, demo, serve errors, --help.
#include <gtest/gtest.h>

#include <fstream>

#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

TEST(Commands, InitCreatesConfigAndDatabaseAndRefusesAnExistingSite) {
  TempDir dir;
  auto data = dir.path() / "news";
  auto r = run_khabar({"init", "--data", data.string(), "--title", "Wakht", "--language", "ps"});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(data / "khabar.toml"));
  EXPECT_TRUE(std::filesystem::exists(data / "khabar.db"));
  auto size_before = std::filesystem::file_size(data / "khabar.db");
  auto again = run_khabar({"init", "--data", data.string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already holds a site"), std::string::npos) << again.output;
  EXPECT_EQ(std::filesystem::file_size(data / "khabar.db"), size_before);
}

TEST(Commands, InitRejectsBadOptions) {
  TempDir dir;
  auto bad_lang = run_khabar({"init", "--data", (dir.path() / "a").string(), "--language", "x!"});
  EXPECT_EQ(bad_lang.exit_code, 1);
  EXPECT_NE(bad_lang.output.find("--language"), std::string::npos);
  auto bad_url = run_khabar({"init", "--data", (dir.path() / "b").string(), "--url", "ftp://x"});
  EXPECT_EQ(bad_url.exit_code, 1);
  EXPECT_NE(bad_url.output.find("--url"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "a" / "khabar.db"));
}

TEST(Commands, DemoTwiceAddsNothingTwice) {
  TempDir dir;
  auto data = dir.path() / "site";
  ASSERT_EQ(run_khabar({"init", "--data", data.string()}).exit_code, 0);
  auto first = run_khabar({"demo", "--data", data.string()});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("8 categories, 4 authors"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("64 articles, 1 pages"), std::string::npos) << first.output;
  auto second = run_khabar({"demo", "--data", data.string()});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_NE(second.output.find("0 categories, 0 authors, 0 tags, 0 articles, 0 pages, 0 comments"),
            std::string::npos)
      << second.output;
}

TEST(Commands, ServeExplainsWhatIsWrong) {
  TempDir dir;
  auto missing = run_khabar({"serve", "--data", (dir.path() / "nope").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("khabar init"), std::string::npos) << missing.output;

  auto data = dir.path() / "site";
  ASSERT_EQ(run_khabar({"init", "--data", data.string()}).exit_code, 0);
  std::ofstream(data / "khabar.toml", std::ios::app) << "\n[broken\n";
  auto broken = run_khabar({"serve", "--data", data.string()});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.output.find("khabar.toml:"), std::string::npos) << broken.output;

  auto bad_listen = run_khabar({"init", "--data", (dir.path() / "s2").string()});
  auto listen = run_khabar({"serve", "--data", (dir.path() / "s2").string(), "--listen", "nohost"});
  EXPECT_EQ(listen.exit_code, 1);
  EXPECT_NE(listen.output.find("host:port"), std::string::npos) << listen.output;
}

TEST(Commands, BackupWhileServingIsACompleteDatabase) {
  TempDir dir;
  auto data = dir.path() / "site";
  ASSERT_EQ(run_khabar({"init", "--data", data.string()}).exit_code, 0);
  ASSERT_EQ(run_khabar({"demo", "--data", data.string()}).exit_code, 0);
  ServerProcess server(data);
  auto copy = dir.path() / "backup.db";
  auto r = run_khabar({"backup", "--data", data.string(), "--to", copy.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // The copy is a working site database: serve it and read an article from it.
  auto restored = dir.path() / "restored";
  std::filesystem::create_directories(restored);
  std::filesystem::copy_file(data / "khabar.toml", restored / "khabar.toml");
  std::filesystem::copy_file(copy, restored / "khabar.db");
  ServerProcess second(restored);
  EXPECT_EQ(http_get(second.port(), "/about/").status, 200);
  // Never overwrites an existing file.
  auto again = run_khabar({"backup", "--data", data.string(), "--to", copy.string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
}

TEST(Commands, CommentModerationFromTheCommandLine) {
  TempDir dir;
  auto data = (dir.path() / "site").string();
  ASSERT_EQ(run_khabar({"init", "--data", data}).exit_code, 0);
  ASSERT_EQ(run_khabar({"demo", "--data", data}).exit_code, 0);
  auto approved = run_khabar({"comments", "list", "--data", data, "--status", "approved"});
  ASSERT_EQ(approved.exit_code, 0);
  EXPECT_NE(approved.output.find("#1  on /kabul-opens-three-new-public-libraries-before-winter/"),
            std::string::npos)
      << approved.output;
  EXPECT_NE(approved.output.find("<farid@example.org>"), std::string::npos);  // staff see emails
  EXPECT_EQ(run_khabar({"comments", "list", "--data", data}).output, "No pending comments.\n");
  auto spam = run_khabar({"comments", "spam", "--data", data, "1", "2"});
  EXPECT_EQ(spam.exit_code, 0);
  EXPECT_NE(spam.output.find("2 comments marked as spam."), std::string::npos) << spam.output;
  EXPECT_NE(run_khabar({"comments", "list", "--data", data, "--status", "spam"}).output.find("#2 "),
            std::string::npos);
  EXPECT_EQ(run_khabar({"comments", "trash", "--data", data, "3"}).exit_code, 0);
  auto gone = run_khabar({"comments", "delete", "--data", data, "3", "99999"});
  EXPECT_EQ(gone.exit_code, 1);  // one of them did not exist
  EXPECT_NE(gone.output.find("no comment #99999"), std::string::npos) << gone.output;
  EXPECT_NE(run_khabar({"comments", "list", "--data", data, "--status", "bogus"}).exit_code, 0);
}

TEST(Commands, SettingsAreValidated) {
  TempDir dir;
  auto data = (dir.path() / "site").string();
  ASSERT_EQ(run_khabar({"init", "--data", data}).exit_code, 0);
  EXPECT_EQ(run_khabar({"settings", "--data", data, "comments_hold", "none"}).exit_code, 0);
  EXPECT_EQ(run_khabar({"settings", "--data", data, "comments_hold"}).output, "none\n");
  auto bad = run_khabar({"settings", "--data", data, "comments_flood_seconds", "-3"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("whole number"), std::string::npos) << bad.output;
  EXPECT_EQ(run_khabar({"settings", "--data", data, "nonsense", "1"}).exit_code, 1);
  EXPECT_EQ(run_khabar({"settings", "--data", data, "url", "ftp://x"}).exit_code, 1);
  auto all = run_khabar({"settings", "--data", data});
  EXPECT_NE(all.output.find("comments_block_list"), std::string::npos);
}

TEST(Commands, HelpExplainsEveryCommand) {
  auto help = run_khabar({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* cmd : {"init", "demo", "serve", "backup", "comments", "settings"})
    EXPECT_NE(help.output.find(cmd), std::string::npos) << cmd;
  auto serve = run_khabar({"serve", "--help"});
  EXPECT_EQ(serve.exit_code, 0);
  for (const char* opt : {"--data", "--listen", "--threads"})
    EXPECT_NE(serve.output.find(opt), std::string::npos) << opt;
  auto init = run_khabar({"init", "--help"});
  for (const char* opt : {"--title", "--url", "--language"})
    EXPECT_NE(init.output.find(opt), std::string::npos) << opt;
  EXPECT_EQ(run_khabar({"frobnicate"}).exit_code != 0, true);
}

// README's "Search" recipe: khabar search QUERY, search reindex, search_per_minute.
TEST(Commands, SearchAndReindexFromTheCommandLine) {
  TempDir dir;
  auto data = dir.path() / "site";
  ASSERT_EQ(run_khabar({"init", "--data", data.string()}).exit_code, 0);
  ASSERT_EQ(run_khabar({"demo", "--data", data.string()}).exit_code, 0);
  auto found = run_khabar({"search", "--data", data.string(), "kabul river"});
  ASSERT_EQ(found.exit_code, 0) << found.output;
  EXPECT_NE(found.output.find("2 results"), std::string::npos) << found.output;
  EXPECT_NE(found.output.find("[Kabul] [river] clean-up volunteers"), std::string::npos)
      << found.output;
  EXPECT_NE(found.output.find("/kabul-river-clean-up-volunteers-fill-four-hundred-sacks/"),
            std::string::npos);
  auto typo = run_khabar({"search", "--data", data.string(), "irigation"});
  EXPECT_NE(typo.output.find("Did you mean: irrigation"), std::string::npos) << typo.output;
  auto nothing = run_khabar({"search", "--data", data.string(), "---"});
  EXPECT_EQ(nothing.exit_code, 1);
  EXPECT_NE(nothing.output.find("no word to look for"), std::string::npos);

  auto reindex = run_khabar({"search", "reindex", "--data", data.string()});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.output;
  EXPECT_NE(reindex.output.find("65/65 articles (100 %)"), std::string::npos) << reindex.output;
  EXPECT_NE(reindex.output.find("Search index rebuilt."), std::string::npos);
  auto again = run_khabar({"search", "--data", data.string(), "kabul river"});
  EXPECT_NE(again.output.find("2 results"), std::string::npos) << again.output;
  auto missing = run_khabar({"search", "reindex"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.output.find("--data"), std::string::npos) << missing.output;
  EXPECT_EQ(run_khabar({"settings", "--data", data.string(), "search_per_minute", "60"}).exit_code,
            0);
  EXPECT_NE(run_khabar({"settings", "--data", data.string(), "search_per_minute", "0"}).exit_code,
            0);
}
