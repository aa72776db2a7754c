// Accounts' pure parts: the role table (WordPress's semantics, written out here), the
// workflow moves, password rules, TOTP against RFC 6238's test vectors, sealing, QR SVG.
#include <gtest/gtest.h>

#include "content/capabilities.h"
#include "content/workflow.h"
#include "render/qr_svg.h"
#include "security/password.h"
#include "security/secret.h"
#include "security/totp.h"

using namespace khabar;
using content::Action;
using content::Ownership;
using content::Role;

TEST(Capabilities, FollowWordPressRoles) {
  // Administrator: everything.
  for (Action a : content::all_actions()) {
    EXPECT_TRUE(can(Role::Administrator, a, Ownership::Own));
    EXPECT_TRUE(can(Role::Administrator, a, Ownership::Others));
  }
  // Editor: anyone's articles, comments, categories; not users or settings.
  EXPECT_TRUE(can(Role::Editor, Action::PublishArticle, Ownership::Others));
  EXPECT_TRUE(can(Role::Editor, Action::EditArticle, Ownership::Others));
  EXPECT_TRUE(can(Role::Editor, Action::ModerateComments));
  EXPECT_TRUE(can(Role::Editor, Action::ManageCategories));
  EXPECT_FALSE(can(Role::Editor, Action::ManageUsers));
  EXPECT_FALSE(can(Role::Editor, Action::ManageSettings));
  EXPECT_TRUE(can(Role::Editor, Action::SetBreakingNews));
  EXPECT_FALSE(can(Role::Author, Action::SetBreakingNews));
  EXPECT_FALSE(can(Role::Contributor, Action::SetBreakingNews));
  // Author: own articles, publish them, upload; nobody else's.
  EXPECT_TRUE(can(Role::Author, Action::PublishArticle, Ownership::Own));
  EXPECT_FALSE(can(Role::Author, Action::PublishArticle, Ownership::Others));
  EXPECT_FALSE(can(Role::Author, Action::EditArticle, Ownership::Others));
  EXPECT_TRUE(can(Role::Author, Action::UploadMedia, Ownership::Own));
  EXPECT_FALSE(can(Role::Author, Action::ModerateComments));
  EXPECT_FALSE(can(Role::Author, Action::ManageCategories));
  // Contributor: own drafts and submitting them, their own pictures; no publishing.
  EXPECT_TRUE(can(Role::Contributor, Action::EditArticle, Ownership::Own));
  EXPECT_TRUE(can(Role::Contributor, Action::SubmitForReview, Ownership::Own));
  EXPECT_FALSE(can(Role::Contributor, Action::PublishArticle, Ownership::Own));
  EXPECT_TRUE(can(Role::Contributor, Action::UploadMedia, Ownership::Own));  // their own pictures
  EXPECT_FALSE(can(Role::Contributor, Action::UploadMedia, Ownership::Others));
  EXPECT_FALSE(can(Role::Author, Action::UploadMedia, Ownership::Others));
  EXPECT_TRUE(can(Role::Editor, Action::UploadMedia, Ownership::Others));
  EXPECT_FALSE(can(Role::Contributor, Action::EditArticle, Ownership::Others));
  EXPECT_TRUE(content::publishes(Role::Author));
  EXPECT_FALSE(content::publishes(Role::Contributor));
  EXPECT_EQ(content::parse_role("editor"), Role::Editor);
  EXPECT_FALSE(content::parse_role("root"));
}

TEST(Workflow, PublishingStampsNowUnlessAlreadyPublished) {
  using khabar::content::publication_time;
  using khabar::content::Status;
  EXPECT_EQ(publication_time(Status::Draft, 0, 500), 500);
  EXPECT_EQ(publication_time(Status::Pending, 100, 500), 500);
  EXPECT_EQ(publication_time(Status::Scheduled, 900, 500), 500) << "published early: now";
  EXPECT_EQ(publication_time(Status::Trash, 100, 500), 500);
  EXPECT_EQ(publication_time(Status::Published, 100, 500), 100) << "a correction keeps its date";
  EXPECT_EQ(publication_time(Status::Published, 0, 500), 500);
}

TEST(Workflow, MovesApplyToTheRightStatesAndRoles) {
  using content::Status;
  auto submit = *content::find_move("submit");
  auto publish = *content::find_move("publish");
  auto unpublish = *content::find_move("unpublish");
  auto trash = *content::find_move("trash");
  EXPECT_TRUE(applies(submit, Status::Draft));
  EXPECT_FALSE(applies(submit, Status::Published));
  EXPECT_FALSE(applies(unpublish, Status::Draft));
  EXPECT_FALSE(applies(*content::find_move("restore"), Status::Draft));
  EXPECT_TRUE(may_move(Role::Contributor, Ownership::Own, Status::Draft, submit));
  EXPECT_TRUE(may_move(Role::Contributor, Ownership::Own, Status::Draft, trash));
  EXPECT_FALSE(may_move(Role::Contributor, Ownership::Own, Status::Published, trash));
  EXPECT_FALSE(may_move(Role::Contributor, Ownership::Own, Status::Pending, publish));
  EXPECT_TRUE(may_move(Role::Author, Ownership::Own, Status::Published, unpublish));
  EXPECT_FALSE(may_move(Role::Author, Ownership::Others, Status::Published, unpublish));
  EXPECT_FALSE(content::find_move("delete-everything"));
}

TEST(Passwords, HashesVerifyAndWeakOnesAreRefusedWithAReason) {
  std::string hash = security::hash_password("Violet tram sings under bridges");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(security::verify_password(hash, "Violet tram sings under bridges"));
  EXPECT_FALSE(security::verify_password(hash, "violet tram sings under bridges"));
  EXPECT_FALSE(security::verify_password("", "anything"));
  EXPECT_NE(security::hash_password("same"), security::hash_password("same"));  // salted
  for (const char* weak : {"short", "password1234", "Summer2026!!", "p@ssw0rd2024x",
                           "kabul2026kabul", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop"}) {
    auto why = security::password_weakness(weak, "someone", "Some One");
    EXPECT_TRUE(why) << weak;
    EXPECT_FALSE(why.value_or("").empty()) << weak;
  }
  EXPECT_TRUE(
      security::password_weakness("xx hamid.karimi 2026 yy", "hamid.karimi", "Hamid Karimi"));
  EXPECT_TRUE(security::password_weakness("Hamid Karimi writes 42 stories", "hk", "Hamid Karimi"));
  EXPECT_FALSE(
      security::password_weakness("Violet tram sings under 47 bridges", "hk", "Hamid Karimi"));
  EXPECT_FALSE(security::password_weakness("correct horse battery staple", "hk", "Hamid Karimi"));
}

TEST(Totp, MatchesRfc6238TestVectors) {
  // RFC 6238 appendix B, SHA-1 key "12345678901234567890" (base32 below), last 6 digits.
  const std::string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  EXPECT_EQ(security::totp_code(key, 59), "287082");
  EXPECT_EQ(security::totp_code(key, 1111111109), "081804");
  EXPECT_EQ(security::totp_code(key, 1234567890), "005924");
  EXPECT_EQ(security::totp_code(key, 2000000000), "279037");
  EXPECT_EQ(security::totp_match(key, "081804", 1111111109), 1111111109 / 30);
  EXPECT_EQ(security::totp_match(key, "081 804", 1111111109 + 30),
            1111111109 / 30);                                          // one step late
  EXPECT_FALSE(security::totp_match(key, "081804", 1111111109 + 95));  // too late
  EXPECT_FALSE(security::totp_match(key, "08180", 1111111109));
  EXPECT_FALSE(security::totp_match(key, "abcdef", 1111111109));
  std::string secret = security::new_totp_secret();
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_NE(secret, security::new_totp_secret());
  EXPECT_TRUE(security::totp_uri(secret, "Kabul News", "chief")
                  .starts_with("otpauth://totp/Kabul%20News%3Achief?secret=" + secret +
                               "&issuer=Kabul%20News"));
  auto codes = security::new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(codes[0].size(), 11u);
  EXPECT_EQ(security::normalise_recovery_code(" ABCDE-fghjk "), "abcdefghjk");
}

TEST(Secret, SealsAndOpensAndDetectsTampering) {
  security::Secret secret(security::new_secret_hex());
  std::string sealed = secret.seal("totp", "JBSWY3DPEHPK3PXP");
  EXPECT_EQ(sealed.find("JBSWY3DPEHPK3PXP"), std::string::npos);
  EXPECT_EQ(secret.open("totp", sealed), "JBSWY3DPEHPK3PXP");
  EXPECT_FALSE(secret.open("other-purpose", sealed));
  std::string tampered = sealed;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(secret.open("totp", tampered));
  EXPECT_FALSE(secret.open("totp", "zz"));
  EXPECT_FALSE(security::Secret(security::new_secret_hex()).open("totp", sealed));
  EXPECT_EQ(security::new_token().size(), 64u);
  EXPECT_EQ(security::token_digest("abc"), security::token_digest("abc"));
  EXPECT_NE(security::token_digest("abc"), security::token_digest("abd"));
}

TEST(QrSvg, DrawsAnInlineSvgWithoutScript) {
  std::string svg = render::qr_svg("otpauth://totp/Site:me?secret=ABC", "Scan <me>");
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_NE(svg.find("aria-label=\"Scan &lt;me&gt;\""), std::string::npos);
  EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(render::qr_svg(std::string(8000, 'x'), "too long"), "");
}

#include "http/multipart.h"
#include "media/image.h"
#include "support/images.h"

TEST(Multipart, SplitsFieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me \\\"1\\\".jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n\xFF\xD8\r\n--XyZ-not-yet\r\n"
      "--XyZ--\r\n";
  EXPECT_EQ(http::multipart_boundary("multipart/form-data; boundary=XyZ"), "XyZ");
  EXPECT_EQ(http::multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""),
            "a b");
  EXPECT_FALSE(http::multipart_boundary("application/x-www-form-urlencoded"));
  std::string error;
  auto parts = http::parse_multipart(body, "XyZ", &error);
  ASSERT_TRUE(parts) << error;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "_csrf");
  EXPECT_EQ((*parts)[0].data, "abc");
  EXPECT_EQ((*parts)[1].filename, "me \"1\".jpg");
  EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
  EXPECT_EQ((*parts)[1].data, "\xFF\xD8\r\n--XyZ-not-yet");
  for (std::string broken : {std::string("no boundary at all"), body.substr(0, body.size() - 12),
                             std::string("--XyZ\r\nContent-Type: x\r\n\r\ndata\r\n--XyZ--")}) {
    EXPECT_FALSE(http::parse_multipart(broken, "XyZ", &error)) << broken;
    EXPECT_FALSE(error.empty());
  }
}

TEST(Images, AreRecognisedByContentAndCroppedToASquareJpeg) {
  std::string png = khabar::test::make_image(400, 200, ".png");
  EXPECT_EQ(media::sniff_image(png), media::ImageType::Png);
  EXPECT_EQ(media::sniff_image(khabar::test::make_image(10, 10)), media::ImageType::Jpeg);
  EXPECT_FALSE(media::sniff_image("%PDF-1.7\n"));
  std::string error;
  auto square = media::make_square_jpeg(png, 128, &error);
  ASSERT_TRUE(square) << error;
  EXPECT_EQ(square->width, 128);
  EXPECT_EQ(square->height, 128);
  EXPECT_EQ(media::sniff_image(square->bytes), media::ImageType::Jpeg);
  EXPECT_FALSE(media::make_square_jpeg("%PDF-1.7\nnot an image", 128, &error));
  EXPECT_NE(error.find("not a JPEG"), std::string::npos);
  std::string broken = khabar::test::make_image(300, 300).substr(0, 200);
  EXPECT_FALSE(media::make_square_jpeg(broken, 128, &error));
  EXPECT_NE(error.find("damaged"), std::string::npos);
}
