// khabar media crops --data DIR: the fixed-shape crops (media::kCropRatios) of library
// pictures stored before Khabar made them, so that their articles' shared-link cards and
// structured data get them too (README, "The desk").
#include <iostream>

#include "app/cli_support.h"
#include "app/commands.h"
#include "media/library.h"

namespace khabar::app {

int run_media_crops(const std::filesystem::path& data_dir) {
  std::string error;
  auto store = open_site(data_dir, &error);
  if (!store) return fail(error);
  std::filesystem::path media_dir = data_dir / "media";
  int made = 0, failed = 0;
  try {
    store::MediaFilter page;
    page.limit = 200;
    for (;; page.offset += page.limit) {
      auto items = store->snapshot()->media_library(page);
      for (const auto& m : items) {
        if (!content::is_picture(m.original) || !m.crops.empty()) continue;
        std::vector<std::filesystem::path> written;
        auto crops = media::save_crops(m, media_dir, written, &error);
        if (!crops) {
          std::cerr << "khabar: media " << m.id << " (" << m.original.file << "): " << error
                    << "\n";
          ++failed;
          continue;
        }
        auto tx = store->begin();
        store::Status s = tx->set_media_crops(m.id, *crops);
        if (s) s = tx->commit();
        if (!s) {
          std::error_code ec;
          for (const auto& path : written) std::filesystem::remove(path, ec);
          return fail("media " + std::to_string(m.id) + ": " + s.to_string());
        }
        ++made;
      }
      if (items.size() < static_cast<std::size_t>(page.limit)) break;
    }
  } catch (const std::exception& e) {
    return fail(std::string("media crops failed: ") + e.what());
  }
  std::cout << "Crops made for " << made << (made == 1 ? " picture" : " pictures")
            << (failed ? ", " + std::to_string(failed) + " could not be read" : "") << ".\n";
  return failed ? 1 : 0;
}

}  // namespace khabar::app
