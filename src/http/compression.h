// gzip (zlib) and brotli for responses. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace khabar::http {

// A gzip member holding `data` (level 1-9).
std::string gzip_compress(std::string_view data, int level = 6);

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
