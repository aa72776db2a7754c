#include "content/comments.h"

#include <gtest/gtest.h>

#include "content/settings.h"
#include "render/comment_text.h"
#include "security/rate_limit.h"
#include "security/secret.h"

using namespace khabar;
using namespace khabar::content;

namespace {
CommentSubmission valid() {
  CommentSubmission s;
  s.name = "Reader";
  s.email = "reader@example.com";
  s.body = "A thoughtful comment.";
  s.ip = "198.51.100.4";
  return s;
}
}  // namespace

TEST(CommentRules, ValidationPerField) {
  EXPECT_TRUE(validate_comment(valid()).empty());
  auto s = valid();
  s.name = "";
  s.email = "nope";
  s.url = "javascript:alert(1)";
  s.body = "";
  auto e = validate_comment(s);
  EXPECT_EQ(e["author"], "error_name_required");
  EXPECT_EQ(e["email"], "error_email_invalid");
  EXPECT_EQ(e["url"], "error_url_invalid");
  EXPECT_EQ(e["comment"], "error_comment_required");
  s = valid();
  s.body = std::string(kMaxCommentChars, 'x');
  EXPECT_TRUE(validate_comment(s).empty());
  s.body += "x";
  EXPECT_EQ(validate_comment(s)["comment"], "error_comment_long");
  s = valid();
  s.body = std::string(kMaxCommentChars, 'x').replace(0, 2, "پ");  // code points, not bytes
  EXPECT_TRUE(validate_comment(s).empty());
  for (const char* url : {"ftp://x.example", "http://", "https://a b.example", "www.example.org"}) {
    s = valid();
    s.url = url;
    EXPECT_EQ(validate_comment(s)["url"], "error_url_invalid") << url;
  }
  s = valid();
  s.url = "https://example.org/me";
  EXPECT_TRUE(validate_comment(s).empty());
  for (const char* email : {"a@b", "@b.example", "a@@b.example", "a b@c.example", "a@b.example."}) {
    s = valid();
    s.email = email;
    EXPECT_EQ(validate_comment(s)["email"], "error_email_invalid") << email;
  }
}

TEST(CommentRules, NormaliseTrimsAndLowercasesEmail) {
  auto s = valid();
  s.name = "  Reader \n";
  s.email = " Reader@Example.COM ";
  s.body = "line one\r\nline two\r\n";
  auto n = normalise_comment(s);
  EXPECT_EQ(n.name, "Reader");
  EXPECT_EQ(n.email, "reader@example.com");
  EXPECT_EQ(n.body, "line one\nline two");
}

TEST(CommentRules, ClassifyFollowsTheSettings) {
  ModerationSettings m;
  EXPECT_EQ(classify_comment(valid(), m, false), CommentStatus::Pending);  // first time
  EXPECT_EQ(classify_comment(valid(), m, true), CommentStatus::Approved);
  m.hold = ModerationSettings::Hold::None;
  EXPECT_EQ(classify_comment(valid(), m, false), CommentStatus::Approved);
  auto links = valid();
  links.body = "http://a.example https://b.example www.c.example";
  EXPECT_EQ(count_links(links.body), 3);
  EXPECT_EQ(classify_comment(links, m, true), CommentStatus::Pending);
  m.max_links = 3;
  EXPECT_EQ(classify_comment(links, m, true), CommentStatus::Approved);
  m.block_list = {"Casino", "10.0.0.0/8", "spammer@example.com"};
  auto word = valid();
  word.body = "best casino in town";
  EXPECT_EQ(classify_comment(word, m, true), CommentStatus::Spam);
  auto ip = valid();
  ip.ip = "10.20.30.40";
  EXPECT_EQ(classify_comment(ip, m, true), CommentStatus::Spam);
  auto email = valid();
  email.email = "spammer@example.com";
  EXPECT_EQ(classify_comment(email, m, true), CommentStatus::Spam);
  m.hold = ModerationSettings::Hold::All;
  m.allow_list = {"reader@example.com"};
  EXPECT_EQ(classify_comment(valid(), m, false), CommentStatus::Approved);
  m.allow_list = {"198.51.100.0/24"};
  EXPECT_EQ(classify_comment(valid(), m, false), CommentStatus::Approved);
  m.allow_list = {"A thoughtful"};  // words do not approve
  EXPECT_EQ(classify_comment(valid(), m, false), CommentStatus::Pending);
}

TEST(CommentRules, IpRanges) {
  EXPECT_TRUE(ip_matches("192.168.1.7", "192.168.1.0/24"));
  EXPECT_FALSE(ip_matches("192.168.2.7", "192.168.1.0/24"));
  EXPECT_TRUE(ip_matches("192.168.1.7", "192.168.1.7"));
  EXPECT_TRUE(ip_matches("10.1.2.3", "10.0.0.0/8"));
  EXPECT_TRUE(ip_matches("2001:db8::1", "2001:db8::/32"));
  EXPECT_FALSE(ip_matches("2001:db9::1", "2001:db8::/32"));
  EXPECT_FALSE(ip_matches("10.1.2.3", "2001:db8::/32"));
  EXPECT_FALSE(ip_matches("not an ip", "10.0.0.0/8"));
  EXPECT_FALSE(ip_matches("10.1.2.3", "10.0.0.0/99"));
}

// One reader for integer settings: what the settings screen accepts is what every caller
// reads, with the same default (the admin used to accept 1,000,000 failed sign-ins where
// the screen allowed 1,000).
TEST(CommentRules, IntegerSettingsReadThroughTheirSpec) {
  EXPECT_EQ(integer_setting("login_account_failures", std::nullopt), 5);
  EXPECT_EQ(integer_setting("login_account_failures", "12"), 12);
  EXPECT_EQ(integer_setting("login_account_failures", "5000"), 5) << "beyond the spec's 1-1000";
  EXPECT_EQ(integer_setting("max_image_mb", " 30 "), 30);
  EXPECT_EQ(integer_setting("max_image_mb", "lots"), 20);
  EXPECT_EQ(integer_setting("comments_flood_seconds", "0"), 0);
  for (const auto& spec : setting_specs())
    if (spec.kind == SettingSpec::Kind::Integer) {
      int fallback = integer_setting(spec.key, std::nullopt);
      EXPECT_FALSE(setting_problem(spec, std::to_string(fallback)))
          << spec.key << ": default outside its range";
    }
  EXPECT_THROW(integer_setting("title", "3"), std::logic_error);
}

TEST(CommentRules, SettingsAndClosing) {
  std::map<std::string, std::string> stored = {{"comments_hold", "all"},
                                               {"comments_max_links", "5"},
                                               {"comments_block_list", "a\n\n b \n"},
                                               {"comments_thread_depth", "99"}};
  auto m = moderation_settings([&](std::string_view k) -> std::optional<std::string> {
    auto it = stored.find(std::string(k));
    return it == stored.end() ? std::nullopt : std::optional(it->second);
  });
  EXPECT_EQ(m.hold, ModerationSettings::Hold::All);
  EXPECT_EQ(m.max_links, 5);
  EXPECT_EQ(m.block_list, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(m.thread_depth, 5);  // out of range: default kept
  EXPECT_TRUE(setting_problem(*find_setting("comments_thread_depth"), "0"));
  EXPECT_FALSE(setting_problem(*find_setting("comments_hold"), "none"));
  EXPECT_TRUE(setting_problem(*find_setting("comments_hold"), "sometimes"));
  EXPECT_EQ(normalise_setting(*find_setting("comments_block_list"), " a, b\n\nc "), "a\nb\nc");
  EXPECT_TRUE(setting_problem(*find_setting("timezone"), "Mars/Olympus"));
  EXPECT_TRUE(setting_problem(*find_setting("timezone"), "../../etc/passwd"));
  EXPECT_FALSE(setting_problem(*find_setting("timezone"), "Asia/Kabul"));
  Article a;
  a.kind = Kind::Article;
  a.published_at = 1000;
  EXPECT_TRUE(comments_open(a, m, 1000 + 400 * 86400));
  m.close_after_days = 30;
  EXPECT_TRUE(comments_open(a, m, 1000 + 29 * 86400));
  EXPECT_FALSE(comments_open(a, m, 1000 + 31 * 86400));
  a.comments_open = false;
  EXPECT_FALSE(comments_open(a, m, 1000));
}

TEST(CommentText, EscapedParagraphsAndSafeLinks) {
  EXPECT_EQ(render::comment_to_html("a\nb\n\nc"), "<p>a<br>\nb</p>\n<p>c</p>");
  EXPECT_EQ(render::comment_to_html("<b>&"), "<p>&lt;b&gt;&amp;</p>");
  EXPECT_EQ(render::comment_to_html("see https://x.example/a?b=1&c=2."),
            "<p>see <a href=\"https://x.example/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">"
            "https://x.example/a?b=1&amp;c=2</a>.</p>");
  EXPECT_EQ(render::comment_to_html("javascript:alert(1) http://"),
            "<p>javascript:alert(1) http://</p>");
  EXPECT_EQ(render::comment_to_html("x\"https://a.example"), "<p>x&quot;https://a.example</p>");
}

TEST(Secret, SignsVerifiesAndHashesPerPurpose) {
  security::Secret secret(security::new_secret_hex());
  std::string s = secret.sign("form", "12-345");
  EXPECT_EQ(secret.verify("form", s), "12-345");
  EXPECT_FALSE(secret.verify("cookie", s));                 // another purpose
  EXPECT_FALSE(secret.verify("form", "13" + s.substr(2)));  // tampered value
  EXPECT_FALSE(secret.verify("form", "no-mac"));
  security::Secret other(security::new_secret_hex());
  EXPECT_FALSE(other.verify("form", s));
  EXPECT_EQ(secret.keyed_hash("ip", "127.0.0.1"), secret.keyed_hash("ip", "127.0.0.1"));
  EXPECT_NE(secret.keyed_hash("ip", "127.0.0.1"), other.keyed_hash("ip", "127.0.0.1"));
  EXPECT_EQ(secret.keyed_hash("ip", "127.0.0.1").find("127.0.0.1"), std::string::npos);
  EXPECT_EQ(secret.keyed_hash("ip", "127.0.0.1").size(), 64u);
  EXPECT_FALSE(security::is_valid_secret("abc"));
  EXPECT_THROW(security::Secret("zz"), std::invalid_argument);
}

TEST(FloodGate, OneEventPerInterval) {
  security::FloodGate gate(std::chrono::seconds(15));
  auto t0 = security::FloodGate::Clock::now();
  EXPECT_TRUE(gate.allow("a", t0));
  EXPECT_FALSE(gate.allow("a", t0 + std::chrono::seconds(14)));
  EXPECT_TRUE(gate.allow("b", t0 + std::chrono::seconds(1)));
  EXPECT_EQ(gate.retry_after("a", t0 + std::chrono::seconds(10)), 5);
  EXPECT_TRUE(gate.allow("a", t0 + std::chrono::seconds(15)));
  // An event taken back (a duplicate comment, nothing posted) does not hold the client up.
  gate.forget("a");
  EXPECT_TRUE(gate.allow("a", t0 + std::chrono::seconds(16)));
  EXPECT_FALSE(gate.allow("a", t0 + std::chrono::seconds(17)));
}

TEST(RateBudget, SoManyAMinuteAtOnceOrSpreadOut) {
  security::RateBudget budget(6);  // one back every 10 s
  auto t0 = security::RateBudget::Clock::now();
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(budget.allow("a", t0)) << i;
  EXPECT_FALSE(budget.allow("a", t0)) << "the burst is spent";
  EXPECT_TRUE(budget.allow("b", t0)) << "each client has its own";
  EXPECT_EQ(budget.retry_after("a", t0), 10);
  EXPECT_FALSE(budget.allow("a", t0 + std::chrono::seconds(9)));
  EXPECT_TRUE(budget.allow("a", t0 + std::chrono::seconds(10)));
  EXPECT_FALSE(budget.allow("a", t0 + std::chrono::seconds(11)));
  // Spread out at the rate, a client is never refused.
  auto t = t0 + std::chrono::minutes(5);
  for (int i = 0; i < 30; ++i, t += std::chrono::seconds(10)) EXPECT_TRUE(budget.allow("c", t));
  EXPECT_EQ(budget.retry_after("nobody", t0), 0);
}
