// The media library on a real server: uploads decided by their bytes, every stored and
// served file (original and variants) free of metadata as exiftool reads it, size limits,
// figures with srcset/sizes/width/height/lazy and caption + credit on the reader page,
// alt text required to insert, and deletion that warns where the image is used.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
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

class Media : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "site";
    make_demo_site(data_);
    server_ = std::make_unique<ServerProcess>(data_);
  }
  AdminClient signed_in(const std::string& login, const std::string& role) {
    return signed_in_user(server_->port(), data_, login, role);
  }
  std::string gps_jpeg(int w, int h) {
    auto path = dir_.path() / ("gps-" + std::to_string(w) + ".jpg");
    write_jpeg_with_location(path, w, h);
    EXPECT_NE(exiftool("-a -G1 -s '" + path.string() + "'").find("GPSLatitude"), std::string::npos);
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  std::size_t files_in_media() {
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(data_ / "media", ec);
         it != std::filesystem::recursive_directory_iterator(); ++it)
      n += it->is_regular_file();
    return n;
  }
  int port() const { return server_->port(); }
  TempDir dir_;
  // The server's store, opened beside it: what the library holds, oldest first.
  khabar::store::Store& db() {
    if (!db_) db_ = khabar::store::open_store({.location = (data_ / "khabar.db").string()});
    return *db_;
  }
  std::vector<khabar::content::Media> library() {
    khabar::store::MediaFilter all;
    all.limit = 1000;
    auto items = db().snapshot()->media_library(all);
    std::reverse(items.begin(), items.end());
    return items;
  }
  std::unique_ptr<khabar::store::Store> db_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(Media, NoStoredOrServedFileKeepsTheReportersLocation) {
  AdminClient c = signed_in("stringer", "contributor");  // contributors upload their own pictures
  auto r = c.post_multipart("/admin/media",
                            {{"alt", "Women queue at a Herat well"},
                             {"caption", "Dawn at the well"},
                             {"credit", "Photo: Khabar/Zahra"}},
                            {{"file", "IMG_2041.JPG", gps_jpeg(2000, 1500)}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  ASSERT_EQ(library().size(), 1u);
  auto item = library().front();
  std::string id = std::to_string(item.id);
  EXPECT_EQ(r.header("location"), "/admin/media/" + id + "?done=uploaded");
  // The original (turned upright: orientation 6 -> 1500 x 2000) and width variants in WebP
  // and JPEG.
  EXPECT_EQ(item.original.mime + " " + std::to_string(item.original.width) + "x" +
                std::to_string(item.original.height),
            "image/jpeg 1500x2000");
  std::string variants;
  for (const auto& v : item.variants)
    variants += (variants.empty() ? "" : ", ") + v.mime + " " + std::to_string(v.width);
  EXPECT_EQ(variants,
            "image/jpeg 320, image/webp 320, image/jpeg 640, image/webp 640, image/jpeg 1024, "
            "image/webp 1024, "
            "image/webp 1500");  // narrower than the widest variant: a WebP of its full size too
  // And its crops for cards and structured data: 1200 wide at 16:9, 4:3 and 1:1.
  std::string crops;
  for (const auto& c : item.crops)
    crops += (crops.empty() ? "" : ", ") + c.mime + " " + std::to_string(c.width) + "x" +
             std::to_string(c.height);
  EXPECT_EQ(crops, "image/jpeg 1200x675, image/jpeg 1200x900, image/jpeg 1200x1200");
  EXPECT_EQ(files_in_media(), 11u);
  // exiftool over every stored file: no GPS, camera, XMP, IPTC, comment or orientation.
  std::string stored = exiftool("-r -a -G1 -s '" + (data_ / "media").string() + "'");
  for (const char* tag :
       {"GPS", "Make", "Model", "Orientation", "XMP", "IPTC", "Comment", "secret-location"})
    EXPECT_EQ(stored.find(tag), std::string::npos) << tag << " survived:\n" << stored;
  // And every file as a reader's browser receives it.
  std::string files = item.original.file;
  for (const auto& v : item.variants) files += " " + v.file;
  for (const auto& c : item.crops) files += " " + c.file;
  int n = 0;
  static const std::regex word("\\S+");
  for (auto it = std::sregex_iterator(files.begin(), files.end(), word);
       it != std::sregex_iterator(); ++it) {
    auto served = http_get(port(), "/media/" + it->str());
    ASSERT_EQ(served.status, 200) << it->str();
    EXPECT_EQ(served.header("content-type"),
              it->str().ends_with(".webp") ? "image/webp" : "image/jpeg");
    auto copy =
        dir_.path() / ("served-" + std::to_string(n++) + it->str().substr(it->str().rfind('.')));
    std::ofstream(copy, std::ios::binary) << served.body;
    std::string tags = exiftool("-a -G1 -s '" + copy.string() + "'");
    EXPECT_EQ(tags.find("GPS"), std::string::npos) << it->str() << ":\n" << tags;
  }
  EXPECT_EQ(n, 11);
}

TEST_F(Media, RefusesWhatIsNotAnImageAndWhatIsTooLarge) {
  AdminClient c = signed_in("photo-desk", "author");
  // A PDF named .jpg (sent as image/jpeg): the bytes decide.
  auto pdf = c.post_multipart("/admin/media", {{"alt", "x"}},
                              {{"file", "photo.jpg", "%PDF-1.7\n1 0 obj <<>> endobj\n"}});
  EXPECT_EQ(pdf.status, 415);
  EXPECT_NE(pdf.body.find("not a JPEG, PNG, WebP or GIF image"), std::string::npos);
  // A broken JPEG (its first third).
  std::string jpeg = gps_jpeg(800, 600);
  auto broken = c.post_multipart("/admin/media", {{"alt", "x"}},
                                 {{"file", "cut.jpg", jpeg.substr(0, jpeg.size() / 3)}});
  EXPECT_EQ(broken.status, 422);
  EXPECT_NE(broken.body.find("Nothing was stored"), std::string::npos);
  // No file chosen.
  EXPECT_EQ(c.post_multipart("/admin/media", {{"alt", "x"}}, {}).status, 422);
  // Above the max_image_mb setting: 413 with the limit named.
  {
    auto tx = db().begin();
    tx->set_setting("max_image_mb", "1");
    tx->commit().or_throw();
  }
  std::string big = jpeg + std::string(1100 * 1024, '\0');
  auto over = c.post_multipart("/admin/media", {{"alt", "x"}}, {{"file", "big.jpg", big}});
  EXPECT_EQ(over.status, 413);
  EXPECT_NE(over.body.find("larger than 1 MB"), std::string::npos) << over.body.substr(0, 3000);
  // 30 MB: refused by the server before any of it is kept (its request limit is 25 MB).
  auto huge = c.post_multipart("/admin/media", {{"alt", "x"}},
                               {{"file", "huge.jpg", std::string(30 << 20, 'x')}});
  EXPECT_EQ(huge.status, 413);
  EXPECT_TRUE(library().empty());
  EXPECT_EQ(files_in_media(), 0u);
  // PNG, WebP and GIF are welcome.
  for (const char* format : {".png", ".webp", ".gif"}) {
    auto ok =
        c.post_multipart("/admin/media", {{"alt", std::string("A ") + format}},
                         {{"file", std::string("picture") + format, make_image(700, 400, format)}});
    EXPECT_EQ(ok.status, 303) << format << ": " << ok.body.substr(0, 1500);
  }
  std::string mimes;
  for (const auto& m : library()) mimes += (mimes.empty() ? "" : ",") + m.original.mime;
  EXPECT_EQ(mimes, "image/png,image/webp,image/gif");
  // Someone else's library item does not exist for an author (issue 18, finding 5: ids are
  // sequential, and the item page named its file, credit and the drafts using it).
  AdminClient other = signed_in("other-author", "author");
  std::string first = std::to_string(library().front().id);
  EXPECT_EQ(other.get("/admin/media/" + first).status, 404);
  EXPECT_EQ(other.post("/admin/media/" + first, {{"action", "save"}, {"alt", "Vandalised"}}).status,
            404);
  EXPECT_EQ(other.post("/admin/media/" + first, {{"action", "delete"}, {"confirm", "yes"}}).status,
            404);
  EXPECT_EQ(db().snapshot()->media(std::stoll(first))->alt, "A .png");  // unchanged
}

TEST_F(Media, ArticlesShowFiguresAndDeletionWarnsWhereUsed) {
  AdminClient editor = signed_in("photo-editor", "editor");
  // Uploaded without alt text: it cannot go into an article until it has some.
  ASSERT_EQ(editor
                .post_multipart("/admin/media", {{"credit", "Photo: Khabar/Omid"}},
                                {{"file", "market.jpg", make_image(1800, 1200, ".jpg")}})
                .status,
            303);
  ASSERT_EQ(library().size(), 1u);
  std::string id = std::to_string(library().front().id);
  std::string file = library().front().original.file;
  std::string stem = file.substr(0, file.rfind('.'));
  auto page = editor.get("/admin/media/" + id);
  EXPECT_NE(page.body.find("Add alt text before inserting"), std::string::npos);
  Fields article = {
      {"title", "Prices rise at Mandawi market"},
      {"body", "Traders say flour doubled.\n\n![](/media/" + file + ")\n\nMore text."},
      {"language", "en"},
      {"version", "0"},
      {"category", [&] {
         for (const auto& c : db().snapshot()->categories())
           if (c.slug == "business") return std::to_string(c.id);
         return std::string();
       }()}};
  auto refused = editor.post("/admin/articles/new", article);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("has no alt text"), std::string::npos);
  ASSERT_EQ(editor
                .post("/admin/media/" + id, {{"action", "save"},
                                             {"alt", "Sacks of flour at a stall"},
                                             {"caption", "Mandawi, Kabul"},
                                             {"credit", "Photo: Khabar/Omid"}})
                .status,
            303);
  EXPECT_NE(editor.get("/admin/media/" + id)
                .body.find("![Sacks of flour at a stall](/media/" + file + ")"),
            std::string::npos);
  article.emplace_back("move", "publish");
  article.emplace_back("featured_media", id);
  ASSERT_EQ(editor.post("/admin/articles/new", article).status, 303);

  auto reader = http_get(port(), "/prices-rise-at-mandawi-market/");
  ASSERT_EQ(reader.status, 200);
  const std::string& html = reader.body;
  // In the text: a figure with both srcsets, sizes, the size, lazy loading, caption + credit.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, std::regex("<figure class=\"media\">.*?</figure>")))
      << html;
  std::string figure = m.str();
  EXPECT_NE(figure.find("<source type=\"image/webp\" srcset=\"/media/" + stem +
                        "-320.webp 320w, /media/" + stem + "-640.webp 640w, /media/" + stem +
                        "-1024.webp 1024w, /media/" + stem + "-1600.webp 1600w\""),
            std::string::npos)
      << figure;
  EXPECT_NE(figure.find("srcset=\"/media/" + stem + "-320.jpg 320w"), std::string::npos) << figure;
  EXPECT_NE(figure.find("/media/" + file + " 1800w\""), std::string::npos) << figure;
  EXPECT_NE(figure.find(" sizes=\""), std::string::npos);
  EXPECT_NE(
      figure.find(
          "width=\"1800\" height=\"1200\" alt=\"Sacks of flour at a stall\" loading=\"lazy\""),
      std::string::npos)
      << figure;
  EXPECT_NE(figure.find("<figcaption>Mandawi, Kabul <span class=\"credit\">Photo: "
                        "Khabar/Omid</span></figcaption>"),
            std::string::npos)
      << figure;
  // Above the fold: the featured image, not lazy, with its caption.
  ASSERT_TRUE(
      std::regex_search(html, m, std::regex("<figure class=\"featured-image\">.*?</figure>")))
      << html;
  EXPECT_EQ(m.str().find("loading=\"lazy\""), std::string::npos);
  EXPECT_NE(m.str().find("fetchpriority=\"high\""), std::string::npos);
  // The shared link's card is the 16:9 crop made for it, with its size; the structured
  // data has all three shapes; a srcset never offers a crop.
  Html parsed(html);
  auto meta = [&](const char* property) {
    auto* node = parsed.first("meta", "property", property);
    return node ? Html::attr(node, "content") : std::string("(none)");
  };
  EXPECT_TRUE(meta("og:image").starts_with("http")) << meta("og:image");
  EXPECT_TRUE(meta("og:image").ends_with("/media/" + stem + "-16x9.jpg")) << meta("og:image");
  EXPECT_EQ(meta("og:image:type"), "image/jpeg");
  EXPECT_EQ(meta("og:image:width") + "x" + meta("og:image:height"), "1200x675");
  EXPECT_EQ(meta("og:image:alt"), "Sacks of flour at a stall");
  EXPECT_EQ(html.find("x9.jpg "), std::string::npos) << "a crop in a srcset";
  EXPECT_EQ(html.find("x3.jpg "), std::string::npos) << "a crop in a srcset";
  std::vector<std::string> shapes;
  for (auto* script : parsed.all("script", "type", "application/ld+json")) {
    auto ld = nlohmann::json::parse(Html::text(script));
    if (ld["@type"] != "NewsArticle") continue;
    for (const auto& url : ld["image"]) {
      std::string u = url.get<std::string>();
      EXPECT_EQ(u.find(meta("og:image").substr(0, meta("og:image").find("/media/"))), 0u) << u;
      std::string path = u.substr(u.find("/media/"));
      auto served = http_get(port(), path);
      ASSERT_EQ(served.status, 200) << path;
      auto copy = dir_.path() / ("crop-" + std::to_string(shapes.size()) + ".jpg");
      std::ofstream(copy, std::ios::binary) << served.body;
      shapes.push_back(path.substr(path.rfind('-') + 1) + " " +
                       exiftool("-s -s -s -ImageSize '" + copy.string() + "'"));
    }
  }
  EXPECT_EQ(shapes, (std::vector<std::string>{"16x9.jpg 1200x675\n", "4x3.jpg 1200x900\n",
                                              "1x1.jpg 1200x1200\n"}));

  // A new caption shows on the next request (the cache drops the article's page).
  ASSERT_EQ(editor
                .post("/admin/media/" + id, {{"action", "save"},
                                             {"alt", "Sacks of flour at a stall"},
                                             {"caption", "Mandawi market, Kabul"},
                                             {"credit", "Photo: Khabar/Omid"}})
                .status,
            303);
  EXPECT_NE(
      http_get(port(), "/prices-rise-at-mandawi-market/").body.find("Mandawi market, Kabul <span"),
      std::string::npos);

  // Deleting it: first a warning naming the article, nothing deleted; then for real.
  auto warn = editor.post("/admin/media/" + id, {{"action", "delete"}});
  EXPECT_EQ(warn.status, 409);
  EXPECT_NE(warn.body.find("Prices rise at Mandawi market"), std::string::npos);
  EXPECT_EQ(library().size(), 1u);
  EXPECT_EQ(files_in_media(), 12u);  // original + 4 widths x 2 formats + 3 crops
  ASSERT_EQ(editor.post("/admin/media/" + id, {{"action", "delete"}, {"confirm", "yes"}}).status,
            303);
  EXPECT_TRUE(library().empty());
  EXPECT_FALSE(db().snapshot()->media(std::stoll(id)));  // with its variants
  EXPECT_EQ(files_in_media(), 0u);
  auto after = http_get(port(), "/prices-rise-at-mandawi-market/");
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.body.find("<figure"), std::string::npos);
}

TEST_F(Media, TheEditorAddsAnImageToTheLibraryAndTheText) {
  AdminClient c = signed_in("field-reporter", "contributor");
  auto r = c.post_multipart("/admin/articles/new",
                            {{"title", "Floods reach Nangarhar"},
                             {"body", "Water rose overnight."},
                             {"language", "en"},
                             {"version", "0"},
                             {"image_alt", "A flooded road [east of Jalalabad]"},
                             {"image_caption", "Behsud"},
                             {"move", "submit"}},
                            {{"image", "IMG_1.jpg", gps_jpeg(900, 600)}});
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  ASSERT_EQ(library().size(), 1u);
  std::string file = library().front().original.file;
  khabar::store::DeskFilter floods;
  floods.search = "Floods reach Nangarhar";
  auto listed = db().snapshot()->desk_articles(floods);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].status, khabar::content::Status::Pending);
  EXPECT_EQ(
      db().snapshot()->article_for_edit(listed[0].id)->fields.body_markdown,
      "Water rose overnight.\n\n![A flooded road \\[east of Jalalabad\\]](/media/" + file + ")\n");
  EXPECT_EQ(exiftool("-r -a -G1 -s '" + (data_ / "media").string() + "'").find("GPS"),
            std::string::npos);
  // Without alt text the image is refused and nothing is saved.
  auto no_alt = c.post_multipart(
      "/admin/articles/new",
      {{"title", "Zephyrine second"}, {"body", "x"}, {"language", "en"}, {"version", "0"}},
      {{"image", "IMG_2.jpg", make_image(500, 300, ".png")}});
  EXPECT_EQ(no_alt.status, 422);
  khabar::store::DeskFilter second;
  second.search = "Zephyrine";
  EXPECT_TRUE(db().snapshot()->desk_articles(second).empty());
  // Neither does a save whose move the role may not make keep the picture.
  auto refused = c.post_multipart("/admin/articles/new",
                                  {{"title", "Third"},
                                   {"body", "x"},
                                   {"language", "en"},
                                   {"version", "0"},
                                   {"image_alt", "A field"},
                                   {"move", "publish"}},
                                  {{"image", "IMG_3.jpg", make_image(400, 300, ".jpg")}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(library().size(), 1u);
}

}  // namespace

// Issue 17: a library stored by a Khabar older than crops shows its originals on cards
// (with their size) until `khabar media crops` makes the crops from them, once; a PNG's
// crops stay PNG, and a crop is never larger than the picture allows at its shape (a
// small picture: under ThreadSanitizer a large PNG's upload outlasts the client's wait).
TEST_F(Media, AnOlderLibraryGetsItsCropsFromTheCommand) {
  AdminClient editor = signed_in("photo-editor", "editor");
  ASSERT_EQ(editor
                .post_multipart("/admin/media", {{"alt", "A map of the Helmand river"}},
                                {{"file", "map.png", make_image(700, 400, ".png")}})
                .status,
            303);
  ASSERT_EQ(library().size(), 1u);
  auto item = library().front();
  ASSERT_EQ(item.crops.size(), 3u);
  ASSERT_EQ(editor
                .post("/admin/articles/new", {{"title", "Helmand river runs low"},
                                              {"body", "The river is low."},
                                              {"language", "en"},
                                              {"version", "0"},
                                              {"featured_media", std::to_string(item.id)},
                                              {"move", "publish"}})
                .status,
            303);
  // As an older Khabar left it: no crops.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((data_ / "khabar.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "DELETE FROM media_crops", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  for (const auto& c : item.crops) ASSERT_TRUE(std::filesystem::remove(data_ / "media" / c.file));
  auto meta = [&](const char* property) {
    Html html(http_get(port(), "/helmand-river-runs-low/").body);
    auto* node = html.first("meta", "property", property);
    return node ? Html::attr(node, "content") : std::string("(none)");
  };
  EXPECT_TRUE(meta("og:image").ends_with("/media/" + item.original.file)) << meta("og:image");
  EXPECT_EQ(meta("og:image:width") + "x" + meta("og:image:height"), "700x400");

  auto run = run_khabar({"media", "crops", "--data", data_.string()});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Crops made for 1 picture."), std::string::npos) << run.output;
  item = library().front();
  std::string crops;
  for (const auto& c : item.crops) {
    crops += (crops.empty() ? "" : ", ") + c.mime + " " + std::to_string(c.width) + "x" +
             std::to_string(c.height);
    EXPECT_EQ(exiftool("-s -s -s -ImageSize '" + (data_ / "media" / c.file).string() + "'"),
              std::to_string(c.width) + "x" + std::to_string(c.height) + "\n");
  }
  EXPECT_EQ(crops, "image/png 700x393, image/png 533x400, image/png 400x400");
  // The running server shows them at once (the command told the store what changed).
  std::string stem = item.original.file.substr(0, item.original.file.rfind('.'));
  EXPECT_TRUE(meta("og:image").ends_with("/media/" + stem + "-16x9.png")) << meta("og:image");
  EXPECT_EQ(meta("og:image:type"), "image/png");
  EXPECT_EQ(meta("og:image:width") + "x" + meta("og:image:height"), "700x393");
  // Again: nothing left to do.
  run = run_khabar({"media", "crops", "--data", data_.string()});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Crops made for 0 pictures."), std::string::npos) << run.output;
}
