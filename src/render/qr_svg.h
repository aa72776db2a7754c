// A QR code (libqrencode) drawn as an inline SVG: one path, no script, no external image,
// so it shows under the admin's strict Content-Security-Policy.
#pragma once

#include <string>
#include <string_view>

namespace khabar::render {

// The SVG markup for `text` (error correction level M, a 4-module quiet zone), or "" if
// the text is too long for a QR code.
std::string qr_svg(std::string_view text, std::string_view title);

}  // namespace khabar::render
