// Images with libvips: recognising a file by its bytes (never by its name), and making
// resized copies with every piece of metadata removed (EXIF with GPS, XMP, IPTC,
// comments) after the orientation has been applied. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::media {

enum class ImageType { Jpeg, Png, Webp, Gif };

// The type the bytes say they are (magic numbers), or nothing.
std::optional<ImageType> sniff_image(std::string_view bytes);
std::string_view extension(ImageType t);  // "jpg", "png", "webp", "gif"
std::string_view mime_type(ImageType t);

struct EncodedImage {
  std::string bytes;
  int width = 0;
  int height = 0;
  ImageType type = ImageType::Jpeg;
};

inline constexpr long kMaxPixels = 100'000'000;  // larger images are refused (decompression bombs)

// A square `size` x `size` JPEG of the middle of the picture (an author's photo).
// Returns nothing and sets `error` (a sentence for the user) when the bytes are not a
// JPEG, PNG, WebP or GIF image, are broken, or are too large.
std::optional<EncodedImage> make_square_jpeg(std::string_view bytes, int size, std::string* error);

// A square `size` x `size` copy of the middle of the picture as `type` (PNG keeps its
// transparency), upright, metadata removed: the site's icons. Errors as above.
std::optional<EncodedImage> make_square(std::string_view bytes, int size, ImageType type,
                                        std::string* error);

// A square `size` PNG of `letter` (one character, any script) in white on the colour
// `rgb` (0xRRGGBB): the site's icon until one is chosen. Only the colour when no font
// can draw the letter.
std::optional<EncodedImage> letter_icon(std::string_view letter, std::uint32_t rgb, int size);

// An ICO file holding `pngs` as they are (PNG inside ICO: every browser since 2007).
std::string ico_of(const std::vector<EncodedImage>& pngs);

// The same picture in the same format, upright (EXIF orientation applied), with every
// piece of metadata removed. For GIFs only the first frame is kept. Errors as above.
std::optional<EncodedImage> strip_metadata(std::string_view bytes, std::string* error);

// The picture `width` pixels wide (never wider than it is), upright, metadata removed, in
// `type` (WebP or the original's format). Shrinks while decoding where the format allows,
// so a large JPEG is never decoded at full size for a small copy. Errors as above.
std::optional<EncodedImage> resized(std::string_view bytes, int width, ImageType type,
                                    std::string* error);

// The picture cut to exactly `width` x `height` (its proportions changed by cropping,
// never by stretching), keeping the part libvips finds most interesting (faces, detail,
// colour) rather than blindly the middle, upright, metadata removed, in `type` (a JPEG of
// a transparent picture is flattened onto white). Callers keep `width` and `height`
// within what the picture has, so it is never enlarged. Errors as above.
std::optional<EncodedImage> cropped(std::string_view bytes, int width, int height, ImageType type,
                                    std::string* error);

// Removes the EXIF, XMP and ICC chunks of a WebP file (RIFF) in place and clears their
// flags in its extended header. False (unchanged) if the bytes are not a well-formed WebP.
bool remove_webp_metadata(std::string& webp);

}  // namespace khabar::media
