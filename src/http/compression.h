// gzip (zlib) and brotli for responses. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace khabar::http {

// A gzip member holding `data` (level 1-9).
std::string gzip_compress(std::string_view data, int level = 6);

// A gzip stream with a hole in the middle for bytes that change with every response (a
// fresh form token), so that a cached page stays compressed: `head` (the gzip header and
// the prefix, ending on a full flush), then per response gzip_hole() bytes (a stored block
// with the new bytes), then `tail` (the suffix, compressed on its own), then the trailer
// (CRC-32 and size of the whole, from crc32_combine). Valid gzip for any decoder.
struct GzipAround {
  std::string head, tail;
  unsigned long crc_prefix = 0, crc_suffix = 0;
  std::size_t prefix_size = 0, suffix_size = 0;
  std::size_t size(std::size_t hole) const { return head.size() + 5 + hole + tail.size() + 8; }
};
GzipAround gzip_around(std::string_view prefix, std::string_view suffix, int level = 9);
// The bytes between head and tail (`middle`) and after tail (`end`) for `hole` (< 64 KiB).
void gzip_hole(const GzipAround& g, std::string_view hole, std::string& middle, std::string& end);

// Inflates a gzip member; empty optional if it is corrupt or larger than `max_size`.
std::optional<std::string> gzip_decompress(std::string_view data, std::size_t max_size);

// A brotli stream holding `data` (quality 0-11; text mode).
std::string brotli_compress(std::string_view data, int quality = 9);

// Whether the Accept-Encoding value allows gzip / brotli (and does not refuse it with q=0).
bool accepts_gzip(std::string_view accept_encoding);
bool accepts_brotli(std::string_view accept_encoding);

// Whether a body of this type is worth compressing (text, JSON, XML, SVG, JS, CSS).
bool is_compressible(std::string_view content_type);

}  // namespace khabar::http
