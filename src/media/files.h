// Writing media files: whole or not at all.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::media {

// Writes `bytes` to `path` (creating its directories) through a temporary file renamed
// into place, so that a reader never sees half a file. False if it cannot.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The whole of the file at `path`, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace khabar::media
