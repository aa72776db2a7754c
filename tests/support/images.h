// Test images: made with libvips, given metadata with exiftool (libimage-exiftool-perl),
// and inspected with exiftool, an implementation independent of ours.
#pragma once

#include <filesystem>
#include <string>

namespace khabar::test {

// A `w` x `h` picture encoded as `format` (".jpg", ".png"...).
std::string make_image(int w, int h, const char* format = ".jpg");

// Runs exiftool with `arguments` (a shell-quoted string) and returns its output.
std::string exiftool(const std::string& arguments);

// A JPEG file at `path` carrying EXIF GPS coordinates (Kabul), a camera, an XMP creator,
// an IPTC city and a comment, with orientation 6 (rotated).
void write_jpeg_with_location(const std::filesystem::path& path, int w, int h);

}  // namespace khabar::test
