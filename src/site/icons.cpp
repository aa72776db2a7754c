#include "site/icons.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "content/language.h"
#include "content/text.h"
#include "media/image.h"
#include "site/cache_tags.h"
#include "site/pages.h"

namespace khabar::site {
namespace {

// The theme's accent (themes/default/static/style.css): the default icon's colour.
constexpr std::uint32_t kIconColour = 0xa4161a;

std::string colour_hex() {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(kIconColour));
  return buf;
}

// The PNG icons and their sizes in pixels.
constexpr std::pair<std::string_view, int> kAppIcons[] = {
    {"/apple-touch-icon.png", 180}, {"/icon-192.png", 192}, {"/icon-512.png", 512}};

// The first character of the title, upper-cased when it is an ASCII letter.
std::string initial(std::string_view title) {
  std::size_t n = 1;
  if (!title.empty()) {
    auto lead = static_cast<unsigned char>(title[0]);
    n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  }
  std::string letter(title.substr(0, std::min(n, title.size())));
  if (letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z') letter[0] -= 'a' - 'A';
  return letter;
}

// The icon at `size` pixels: the chosen library picture's middle, or the initial.
std::optional<media::EncodedImage> icon_png(const PageContext& ctx,
                                            const std::filesystem::path& media_dir, int size) {
  if (const auto& icon = ctx.settings.icon) {
    std::ifstream in(media_dir / icon->original.file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string error;
    if (in) {
      if (auto png = media::make_square(bytes.str(), size, media::ImageType::Png, &error))
        return png;
    }
  }
  return media::letter_icon(initial(ctx.settings.title), kIconColour, size);
}

http::Response image(PageContext& ctx, std::string type, std::string bytes) {
  return cached_response(ctx, std::move(type), std::move(bytes), "public, max-age=86400");
}

}  // namespace

std::optional<http::Response> site_icon(PageContext& ctx, const std::filesystem::path& media_dir,
                                        std::string_view path) {
  ctx.tag(kTagSite);  // a setting: the icon, the title
  if (path == "/site.webmanifest") {
    nlohmann::json icons = nlohmann::json::array();
    for (int size : {192, 512})
      icons.push_back({{"src", "/icon-" + std::to_string(size) + ".png"},
                       {"sizes", std::to_string(size) + "x" + std::to_string(size)},
                       {"type", "image/png"}});
    nlohmann::json manifest = {{"name", ctx.settings.title},
                               {"short_name", content::truncate_utf8(ctx.settings.title, 30)},
                               {"lang", ctx.settings.language},
                               {"dir", std::string(content::text_direction(ctx.settings.language))},
                               {"start_url", "/"},
                               {"display", "browser"},
                               {"background_color", "#ffffff"},
                               {"theme_color", colour_hex()},
                               {"icons", icons}};
    return cached_response(ctx, "application/manifest+json", manifest.dump(),
                           "public, max-age=86400");
  }
  int size = 0;
  for (const auto& [png_path, png_size] : kAppIcons) size = path == png_path ? png_size : size;
  if (size) {
    auto png = icon_png(ctx, media_dir, size);
    if (!png) return std::nullopt;
    return image(ctx, "image/png", std::move(png->bytes));
  }
  if (path == "/favicon.ico") {
    std::vector<media::EncodedImage> pngs;
    for (int s : {16, 32, 48})
      if (auto png = icon_png(ctx, media_dir, s)) pngs.push_back(std::move(*png));
    if (pngs.empty()) return std::nullopt;
    return image(ctx, "image/x-icon", media::ico_of(pngs));
  }
  return std::nullopt;
}

bool is_icon_path(std::string_view path) {
  for (const auto& icon : kAppIcons)
    if (path == icon.first) return true;
  return path == "/favicon.ico" || path == "/site.webmanifest";
}

}  // namespace khabar::site
