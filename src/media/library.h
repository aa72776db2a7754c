// The media library's files: an uploaded image becomes its original (upright, every piece
// of metadata removed) and width variants in WebP and in the original's format, all
// written under the media folder before any database row points at them.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/model.h"

namespace khabar::media {

// The widths reader pages choose from (srcset); an image gets those narrower than itself.
inline constexpr std::array<int, 4> kVariantWidths = {320, 640, 1024, 1600};

// The crops of a picture for the places that want a fixed shape: 16:9 is the shared
// link's card (og:image, X's large card), and all three are the article's structured-data
// image (Google asks for these three). Each is kCropWidth wide, or as wide as the picture
// allows at that shape; never part of a srcset.
struct CropRatio {
  int across, down;
};
inline constexpr std::array<CropRatio, 3> kCropRatios = {{{16, 9}, {4, 3}, {1, 1}}};
inline constexpr int kCropWidth = 1200;

// The size of the `r` crop of a `width` x `height` picture: the largest such shape that
// fits, shrunk to kCropWidth wide when wider (never enlarged).
std::pair<int, int> crop_size(int width, int height, CropRatio r);

struct SavedImage {
  content::MediaFile original;
  std::vector<content::MediaFile> variants;  // by width, WebP first
  std::vector<content::MediaFile> crops;     // in kCropRatios' order
};

// Cleans `bytes` and writes the original, its variants and its crops as
// `media_dir`/`folder`/<digest>.<ext>, <digest>-<width>.<ext> and <digest>-16x9.<ext>
// (crops are PNG for a PNG, JPEG for anything else: what every card reader takes; the digest is of
// the cleaned original and of `owner`, the uploading account if any: the same picture uploaded
// twice by one person is stored once, by two people twice, so that an upload never finds
// out what someone else has uploaded). Every path it
// wrote is appended to `written` (for removal if the caller gives up). Nothing is
// written and `error` says why (a sentence for the user) when the bytes are not a JPEG,
// PNG, WebP or GIF image, are broken, or too large.
std::optional<SavedImage> save_image(std::string_view bytes, const std::filesystem::path& media_dir,
                                     std::string_view folder,
                                     std::vector<std::filesystem::path>& written,
                                     std::string* error, content::Id owner = 0);

// What a sound or video file is, from its first bytes: its extension and media type
// ("mp3" "audio/mpeg", "m4a", "ogg", "wav", "mp4", "webm", "ogv"), or nullopt.
struct Playable {
  std::string_view extension, mime;
};
std::optional<Playable> playable_type(std::string_view bytes);

// An imported sound or video file of `type` (playable_type), kept byte for byte as the
// old site served it (its tags were public there already), as
// `media_dir`/`folder`/<digest>.<ext>, appended to `written`. Nothing is written and
// `error` says why when it cannot be written.
std::optional<content::MediaFile> save_sound_or_video(std::string_view bytes, const Playable& type,
                                                      const std::filesystem::path& media_dir,
                                                      std::string_view folder,
                                                      std::vector<std::filesystem::path>& written,
                                                      std::string* error);

// The crops of a library picture saved before crops were made (an older library):
// made from its original and written beside it, appended to `written`. Nothing is
// written and `error` says why when the original cannot be read.
std::optional<std::vector<content::MediaFile>> save_crops(
    const content::Media& m, const std::filesystem::path& media_dir,
    std::vector<std::filesystem::path>& written, std::string* error);

// The files of a library item (original, variants and crops), to remove when it is deleted.
std::vector<std::filesystem::path> files_of(const content::Media& m,
                                            const std::filesystem::path& media_dir);

}  // namespace khabar::media
