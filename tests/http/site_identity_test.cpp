// Issue 17: the site's icons and logo on a real server. The icons are decoded with libvips
// (the ICO's directory read by hand, each PNG inside decoded) and measured; the logo and
// icon are chosen from the media library by an administrator, through the upload
// pipeline that strips a picture's metadata.
#include <gtest/gtest.h>
#include <vips/vips.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "store/open.h"
#include "support/admin_client.h"
#include "support/demo_site.h"
#include "support/html.h"
#include "support/http_client.h"
#include "support/images.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

using namespace khabar::test;

namespace {

struct Size {
  int width = 0, height = 0;
  bool operator==(const Size&) const = default;
};

// The size of a PNG as libvips decodes it ({0, 0} when it does not).
Size png_size(const std::string& bytes) {
  if (VIPS_INIT("khabar-tests") != 0) return {};
  if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {};
  VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!image) return {};
  Size s{vips_image_get_width(image), vips_image_get_height(image)};
  g_object_unref(image);
  return s;
}

// The standard deviation of a PNG's pixels: 0 for a picture of one colour.
double deviation(const std::string& bytes) {
  VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!image) return -1;
  double d = -1;
  vips_deviate(image, &d, nullptr);
  g_object_unref(image);
  return d;
}

// The images of an ICO file (ICONDIR, then ICONDIRENTRYs), each decoded; empty when the
// file is not an icon.
std::vector<Size> ico_sizes(const std::string& ico) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(ico[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(ico[at + 1])) << 8;
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  if (ico.size() < 6 || u16(0) != 0 || u16(2) != 1) return {};
  std::vector<Size> out;
  for (unsigned i = 0; i < u16(4); ++i) {
    std::size_t entry = 6 + 16 * i;
    if (entry + 16 > ico.size()) return {};
    std::size_t length = u32(entry + 8), offset = u32(entry + 12);
    if (offset + length > ico.size()) return {};
    Size s = png_size(ico.substr(offset, length));
    // The directory says the same size (0 means 256).
    EXPECT_EQ(static_cast<unsigned char>(ico[entry]), s.width % 256);
    EXPECT_EQ(static_cast<unsigned char>(ico[entry + 1]), s.height % 256);
    out.push_back(s);
  }
  return out;
}

class SiteIdentity : public OwnDemoSite {
 protected:
  // An upload to the library by an administrator; its id.
  std::string upload(AdminClient& admin, const std::string& name, const std::string& bytes) {
    auto r = admin.post_multipart("/admin/media", {{"alt", "Khabar"}}, {{"file", name, bytes}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 1000);
    std::smatch m;
    std::string location = r.header("location");
    EXPECT_TRUE(std::regex_search(location, m, std::regex("/admin/media/(\\d+)"))) << location;
    return m.size() > 1 ? m[1].str() : "";
  }
};

}  // namespace

// Before any icon is chosen: every icon address answers with a real image of its size
// (the title's initial), the manifest is JSON naming them, and every page links them.
TEST_F(SiteIdentity, EveryIconAnswersWithARealImageBeforeOneIsChosen) {
  auto ico = http_get(port(), "/favicon.ico");
  ASSERT_EQ(ico.status, 200);
  EXPECT_EQ(ico.header("content-type"), "image/x-icon");
  EXPECT_EQ(ico_sizes(ico.body), (std::vector<Size>{{16, 16}, {32, 32}, {48, 48}}));
  for (auto [path, size] : {std::pair{"/apple-touch-icon.png", 180},
                            std::pair{"/icon-192.png", 192}, std::pair{"/icon-512.png", 512}}) {
    auto r = http_get(port(), path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.header("content-type"), "image/png") << path;
    EXPECT_EQ(png_size(r.body), (Size{size, size})) << path;
    EXPECT_GT(deviation(r.body), 10) << path << ": the initial drawn on the colour";
  }
  auto manifest = http_get(port(), "/site.webmanifest");
  ASSERT_EQ(manifest.status, 200);
  EXPECT_EQ(manifest.header("content-type"), "application/manifest+json");
  auto json = nlohmann::json::parse(manifest.body);
  EXPECT_FALSE(json["name"].get<std::string>().empty());
  EXPECT_EQ(json["start_url"], "/");
  ASSERT_EQ(json["icons"].size(), 2u);
  EXPECT_EQ(json["icons"][1]["src"], "/icon-512.png");
  EXPECT_EQ(json["icons"][1]["sizes"], "512x512");
  auto home = http_get(port(), "/");
  for (std::string link :
       {"<link rel=\"icon\" href=\"/favicon.ico\"", "<link rel=\"apple-touch-icon\"",
        "<link rel=\"manifest\" href=\"/site.webmanifest\">"})
    EXPECT_NE(home.body.find(link), std::string::npos) << link;
}

// An administrator makes library pictures the site's icon and logo: the icons are made
// from the picture (square, the sizes asked), the header shows the logo with the title as
// its alt text, and the NewsArticle's publisher names it. Editors may not.
TEST_F(SiteIdentity, AnAdministratorChoosesTheIconAndTheLogoFromTheLibrary) {
  AdminClient admin = signed_in_user(port(), data_, "chief", "administrator");
  std::string before = http_get(port(), "/icon-512.png").body;
  std::string icon = upload(admin, "icon.png", make_image(300, 240, ".png"));
  std::string logo = upload(admin, "logo.png", make_image(300, 60, ".png"));
  AdminClient editor = signed_in_user(port(), data_, "desk", "editor");
  EXPECT_EQ(editor.post("/admin/media/" + icon, {{"action", "icon"}}).status, 403);
  auto page = admin.get("/admin/media/" + icon);
  EXPECT_NE(page.body.find("Use as the site's icon"), std::string::npos);
  auto set = admin.post("/admin/media/" + icon, {{"action", "icon"}});
  ASSERT_EQ(set.status, 303);
  EXPECT_EQ(set.header("location"), "/admin/media/" + icon + "?done=icon");
  ASSERT_EQ(admin.post("/admin/media/" + logo, {{"action", "logo"}}).status, 303);

  std::string after = http_get(port(), "/icon-512.png").body;
  EXPECT_NE(after, before) << "made from the chosen picture";
  EXPECT_EQ(png_size(after), (Size{512, 512}));
  EXPECT_EQ(ico_sizes(http_get(port(), "/favicon.ico").body),
            (std::vector<Size>{{16, 16}, {32, 32}, {48, 48}}));

  auto store = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
  std::string title = store->snapshot()->setting("title").value_or("Khabar");
  std::string logo_file = store->snapshot()->setting("site_logo").value_or("");
  ASSERT_FALSE(logo_file.empty());
  auto home = http_get(port(), "/");
  Html doc(home.body);
  auto brands = doc.by_class("brand");
  ASSERT_EQ(brands.size(), 1u);
  auto imgs = Html::descendants(brands[0], "img");
  ASSERT_EQ(imgs.size(), 1u) << "the logo instead of the title";
  EXPECT_EQ(Html::attr(imgs[0], "src"), "/media/" + logo_file);
  EXPECT_EQ(Html::attr(imgs[0], "alt"), title);
  EXPECT_EQ(Html::attr(imgs[0], "width"), "300");
  EXPECT_EQ(Html::attr(imgs[0], "height"), "60");
  auto article = http_get(port(), "/kabul-opens-three-new-public-libraries-before-winter/");
  EXPECT_NE(article.body.find("\"logo\":{\"@type\":\"ImageObject\",\"height\":60"),
            std::string::npos);
  EXPECT_NE(article.body.find("\"isAccessibleForFree\":true"), std::string::npos);
  // Its tags as the keywords.
  std::smatch keywords;
  ASSERT_TRUE(std::regex_search(article.body, keywords, std::regex("\"keywords\":\"([^\"]*)\"")));
  EXPECT_NE(keywords[1].str().find("kabul"), std::string::npos) << keywords[1];
}
