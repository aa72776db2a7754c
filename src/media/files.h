// Writing media files: whole or not at all.
#pragma once

#include <filesystem>
#include <string_view>

namespace khabar::media {

// Writes `bytes` to `path` (creating its directories) through a temporary file renamed
// into place, so that a reader never sees half a file. False if it cannot.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace khabar::media
