// Where --fetch-media looks for an attachment and where it puts it (importers/fetch_media.h).
#include "importers/fetch_media.h"

#include <gtest/gtest.h>

namespace khabar::importers {
namespace {

TEST(FetchMedia, AnUploadIsFetchedFromTheOldSiteOrACopyOfItsUploadsFolder) {
  EXPECT_EQ(fetch_url("https://old.example", "/wp-content/uploads/2013/03/kabul.jpg"),
            "https://old.example/wp-content/uploads/2013/03/kabul.jpg");
  EXPECT_EQ(fetch_url("https://old.example/", "/wp-content/uploads/2013/03/herat market.jpg"),
            "https://old.example/wp-content/uploads/2013/03/herat%20market.jpg");
  EXPECT_EQ(
      fetch_url("http://mirror.example/backup/uploads/", "/wp-content/uploads/2013/03/کابل.jpg"),
      "http://mirror.example/backup/uploads/2013/03/%DA%A9%D8%A7%D8%A8%D9%84.jpg");
  EXPECT_EQ(fetch_url("https://old.example", "/files/2013/03/a.jpg"),
            "https://old.example/files/2013/03/a.jpg");  // WordPress.com
}

TEST(FetchMedia, NoPathLeavesTheFolder) {
  EXPECT_EQ(upload_relative_path("/wp-content/uploads/2013/03/kabul.jpg"), "2013/03/kabul.jpg");
  EXPECT_EQ(upload_relative_path("/files/2013/03/a.jpg"), "2013/03/a.jpg");
  EXPECT_EQ(upload_relative_path("/wp-content/uploads/../../etc/passwd"), "");
  EXPECT_EQ(upload_relative_path("/wp-content/uploads/2013/"), "");
  EXPECT_EQ(upload_relative_path("/"), "");
  EXPECT_EQ(upload_relative_path("/photo.jpg"), "photo.jpg");
}

}  // namespace
}  // namespace khabar::importers
