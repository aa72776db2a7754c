#include "media/image.h"

#include <vips/vips.h>

#include <cstdint>
#include <memory>
#include <mutex>

namespace khabar::media {
namespace {

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("khabar") != 0) vips_error_exit("libvips cannot be initialised");
    vips_cache_set_max(0);  // no operation cache: each upload is new
  });
}

struct Unref {
  void operator()(VipsImage* i) const { g_object_unref(i); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

std::string vips_failure(std::string_view what) {
  std::string detail = vips_error_buffer();
  vips_error_clear();
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  return std::string(what) + (detail.empty() ? "" : " (" + detail + ")");
}

}  // namespace

std::optional<ImageType> sniff_image(std::string_view b) {
  auto starts = [&](std::string_view magic, std::size_t at = 0) {
    return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
  };
  if (starts("\xFF\xD8\xFF")) return ImageType::Jpeg;
  if (starts("\x89PNG\r\n\x1A\n")) return ImageType::Png;
  if (starts("GIF87a") || starts("GIF89a")) return ImageType::Gif;
  if (starts("RIFF") && starts("WEBP", 8)) return ImageType::Webp;
  return std::nullopt;
}

std::string_view extension(ImageType t) {
  switch (t) {
    case ImageType::Jpeg:
      return "jpg";
    case ImageType::Png:
      return "png";
    case ImageType::Webp:
      return "webp";
    case ImageType::Gif:
      return "gif";
  }
  return "bin";
}

std::string_view mime_type(ImageType t) {
  switch (t) {
    case ImageType::Jpeg:
      return "image/jpeg";
    case ImageType::Png:
      return "image/png";
    case ImageType::Webp:
      return "image/webp";
    case ImageType::Gif:
      return "image/gif";
  }
  return "application/octet-stream";
}

namespace {

// Reads the header and refuses what is not an image or too large to decode.
Image open_checked(std::string_view bytes, std::string* error) {
  if (!sniff_image(bytes)) {
    *error = "This file is not a JPEG, PNG, WebP or GIF image.";
    return nullptr;
  }
  init_vips();
  VipsImage* raw = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!raw) {
    *error = vips_failure("This image cannot be read; it may be damaged.");
    return nullptr;
  }
  Image image(raw);
  if (static_cast<long>(vips_image_get_width(raw)) * vips_image_get_height(raw) > kMaxPixels) {
    *error = "This image has too many pixels (at most 100 megapixels).";
    return nullptr;
  }
  return image;
}

// The bytes libvips wrote for `picture` (taking ownership of `out`), with its size.
EncodedImage encoded(VipsImage* picture, void* out, size_t length, ImageType type) {
  EncodedImage result;
  result.bytes.assign(static_cast<const char*>(out), length);
  g_free(out);
  result.width = vips_image_get_width(picture);
  result.height = vips_image_get_height(picture);
  result.type = type;
  return result;
}

std::uint32_t read_le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}

void write_le32(std::string& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<char>(v >> (8 * i) & 0xFF);
}

}  // namespace

bool remove_webp_metadata(std::string& webp) {
  if (webp.size() < 12 || webp.compare(0, 4, "RIFF") != 0 || webp.compare(8, 4, "WEBP") != 0)
    return false;
  std::string out = webp.substr(0, 12);
  std::size_t at = 12;
  std::size_t vp8x = std::string::npos;
  while (at + 8 <= webp.size()) {
    std::string_view fourcc(webp.data() + at, 4);
    std::size_t size = read_le32(webp, at + 4);
    std::size_t padded = size + (size & 1);
    if (at + 8 + padded > webp.size()) return false;
    if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") {
      if (fourcc == "VP8X") vp8x = out.size();
      out.append(webp, at, 8 + padded);
    }
    at += 8 + padded;
  }
  if (at != webp.size()) return false;
  // The extended header's flags must not announce the chunks that went: ICC (bit 5),
  // EXIF (bit 3), XMP (bit 2).
  if (vp8x != std::string::npos && out.size() > vp8x + 8)
    out[vp8x + 8] = static_cast<char>(out[vp8x + 8] & ~(0x20 | 0x08 | 0x04));
  write_le32(out, 4, static_cast<std::uint32_t>(out.size() - 8));
  webp = std::move(out);
  return true;
}

namespace {

// Writes `picture` as `type` with every piece of metadata removed: no EXIF with GPS, XMP,
// IPTC, ICC or comments ("strip"). libvips 8.14's WebP writer still adds an EXIF chunk
// (orientation, resolution) that it builds itself, so WebP output also loses its EXIF,
// XMP and ICC chunks here. `quality` applies to JPEG and WebP.
std::optional<EncodedImage> save(VipsImage* picture, ImageType type, int quality,
                                 std::string* error) {
  void* out = nullptr;
  size_t length = 0;
  int rc = 0;
  switch (type) {
    case ImageType::Jpeg:
      rc = vips_jpegsave_buffer(picture, &out, &length, "Q", quality, "strip", TRUE,
                                "optimize_coding", TRUE, "interlace", TRUE, nullptr);
      break;
    case ImageType::Png:
      rc = vips_pngsave_buffer(picture, &out, &length, "strip", TRUE, nullptr);
      break;
    case ImageType::Webp:
      rc = vips_webpsave_buffer(picture, &out, &length, "Q", quality, "strip", TRUE, nullptr);
      break;
    case ImageType::Gif:
      rc = vips_gifsave_buffer(picture, &out, &length, "strip", TRUE, nullptr);
      break;
  }
  if (rc != 0) {
    *error = vips_failure("This image cannot be converted (it may be damaged).");
    return std::nullopt;
  }
  EncodedImage image = encoded(picture, out, length, type);
  if (type == ImageType::Webp && !remove_webp_metadata(image.bytes)) {
    *error = "This image cannot be converted (the WebP written was not understood).";
    return std::nullopt;
  }
  return image;
}

}  // namespace

std::optional<EncodedImage> strip_metadata(std::string_view bytes, std::string* error) {
  Image image = open_checked(bytes, error);
  if (!image) return std::nullopt;
  ImageType type = *sniff_image(bytes);
  VipsImage* upright = nullptr;
  if (vips_autorot(image.get(), &upright, nullptr) != 0) {
    *error = vips_failure("This image cannot be read; it may be damaged.");
    return std::nullopt;
  }
  Image picture(upright);
  return save(picture.get(), type, 90, error);
}

std::optional<EncodedImage> resized(std::string_view bytes, int width, ImageType type,
                                    std::string* error) {
  if (!open_checked(bytes, error)) return std::nullopt;
  VipsImage* thumb = nullptr;
  // Fits `width` x (very tall): the width decides; "down" never enlarges.
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumb, width, "height",
                            VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, nullptr) != 0) {
    *error = vips_failure("This image cannot be read; it may be damaged.");
    return std::nullopt;
  }
  Image picture(thumb);
  return save(picture.get(), type, 80, error);
}

namespace {

// `width` x `height` of the picture as `type`: shrunk while decoding, upright (EXIF
// orientation), cut where `interesting` says; a JPEG of a transparent picture on white.
std::optional<EncodedImage> cut(std::string_view bytes, int width, int height,
                                VipsInteresting interesting, ImageType type, int quality,
                                std::string* error) {
  if (!open_checked(bytes, error)) return std::nullopt;  // the header first
  VipsImage* thumb = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumb, width, "height",
                            height, "crop", interesting, nullptr) != 0) {
    *error = vips_failure("This image cannot be read; it may be damaged.");
    return std::nullopt;
  }
  Image picture(thumb);
  if (type == ImageType::Jpeg && vips_image_hasalpha(thumb)) {  // PNG keeps transparency
    VipsImage* flat = nullptr;
    VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
    int rc = vips_flatten(thumb, &flat, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) {
      *error = vips_failure("This image cannot be converted.");
      return std::nullopt;
    }
    picture.reset(flat);
  }
  return save(picture.get(), type, quality, error);
}

}  // namespace

std::optional<EncodedImage> make_square(std::string_view bytes, int size, ImageType type,
                                        std::string* error) {
  return cut(bytes, size, size, VIPS_INTERESTING_CENTRE, type, 85, error);
}

std::optional<EncodedImage> cropped(std::string_view bytes, int width, int height, ImageType type,
                                    std::string* error) {
  return cut(bytes, width, height, VIPS_INTERESTING_ATTENTION, type, 85, error);
}

std::optional<EncodedImage> make_square_jpeg(std::string_view bytes, int size, std::string* error) {
  return make_square(bytes, size, ImageType::Jpeg, error);
}

std::optional<EncodedImage> letter_icon(std::string_view letter, std::uint32_t rgb, int size) {
  init_vips();
  std::string error;
  auto part = [&](int shift) { return static_cast<double>((rgb >> shift) & 0xff); };
  VipsImage* black = nullptr;
  if (vips_black(&black, size, size, "bands", 3, nullptr) != 0) return std::nullopt;
  Image canvas(black);
  double scale[3] = {1, 1, 1}, colour[3] = {part(16), part(8), part(0)}, white[3] = {255, 255, 255};
  VipsImage *bg = nullptr, *fg = nullptr;
  if (vips_linear(canvas.get(), &bg, scale, colour, 3, "uchar", TRUE, nullptr) != 0)
    return std::nullopt;
  Image background(bg);
  if (vips_linear(canvas.get(), &fg, scale, white, 3, "uchar", TRUE, nullptr) != 0)
    return std::nullopt;
  Image foreground(fg);
  // The letter as a mask fitted into the middle 60 %, in Pango markup (escaped).
  std::string markup;
  for (char c : letter) {
    if (c == '&')
      markup += "&amp;";
    else if (c == '<')
      markup += "&lt;";
    else if (c == '>')
      markup += "&gt;";
    else
      markup += c;
  }
  int box = size * 6 / 10;
  VipsImage* text = nullptr;
  if (!markup.empty() && vips_text(&text, markup.c_str(), "font", "sans bold", "width", box,
                                   "height", box, "align", VIPS_ALIGN_CENTRE, nullptr) == 0) {
    Image mask(text);
    VipsImage* placed = nullptr;
    int x = (size - vips_image_get_width(text)) / 2, y = (size - vips_image_get_height(text)) / 2;
    if (vips_embed(text, &placed, x, y, size, size, nullptr) == 0) {
      Image letter_mask(placed);
      VipsImage* mixed = nullptr;
      if (vips_ifthenelse(placed, foreground.get(), background.get(), &mixed, "blend", TRUE,
                          nullptr) == 0)
        background.reset(mixed);
    }
  }
  vips_error_clear();  // no font: the colour alone
  return save(background.get(), ImageType::Png, 0, &error);
}

std::string ico_of(const std::vector<EncodedImage>& pngs) {
  std::string out;
  auto u16 = [&](unsigned v) {
    out += static_cast<char>(v & 0xff), out += static_cast<char>(v >> 8);
  };
  auto u32 = [&](std::uint32_t v) { u16(v & 0xffff), u16(v >> 16); };
  u16(0), u16(1), u16(static_cast<unsigned>(pngs.size()));  // an icon, n images
  std::uint32_t offset = 6 + 16 * static_cast<std::uint32_t>(pngs.size());
  for (const auto& p : pngs) {
    out += static_cast<char>(p.width >= 256 ? 0 : p.width);
    out += static_cast<char>(p.height >= 256 ? 0 : p.height);
    out += '\0', out += '\0';  // no palette
    u16(1), u16(32);           // planes, bits per pixel
    u32(static_cast<std::uint32_t>(p.bytes.size())), u32(offset);
    offset += static_cast<std::uint32_t>(p.bytes.size());
  }
  for (const auto& p : pngs) out += p.bytes;
  return out;
}

}  // namespace khabar::media
