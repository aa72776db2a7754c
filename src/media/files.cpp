#include "media/files.h"

#include <fstream>
#include <iterator>
#include <vector>

namespace khabar::media {

bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // Khabar runs with umask 077 (its secrets and database are private); media files are
  // public by nature: readable by all, so that a web server in front may serve them.
  fs::path missing = path.parent_path();
  std::vector<fs::path> made;
  while (!missing.empty() && !fs::exists(missing, ec))
    made.push_back(missing), missing = missing.parent_path();
  fs::create_directories(path.parent_path(), ec);
  for (const auto& dir : made)
    fs::permissions(dir,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                        fs::perms::others_read | fs::perms::others_exec,
                    ec);
  auto temporary = path;
  temporary += ".part";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      std::filesystem::remove(temporary, ec);
      return false;
    }
  }
  fs::permissions(temporary,
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                      fs::perms::others_read,
                  ec);
  fs::rename(temporary, path, ec);
  return !ec;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace khabar::media
