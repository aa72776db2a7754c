#include "media/library.h"

#include <algorithm>

#include "media/files.h"
#include "media/image.h"
#include "security/secret.h"

namespace khabar::media {
namespace {

content::MediaFile described(const EncodedImage& image, std::string file) {
  return {std::move(file), std::string(mime_type(image.type)), image.width, image.height,
          static_cast<std::int64_t>(image.bytes.size())};
}

// The crops of the picture `clean` (metadata removed already), named after `stem`.
bool make_crops(const EncodedImage& clean, const std::string& stem,
                std::vector<std::pair<std::string, EncodedImage>>& files, std::string* error) {
  ImageType type = clean.type == ImageType::Png ? ImageType::Png : ImageType::Jpeg;
  for (CropRatio r : kCropRatios) {
    auto [width, height] = crop_size(clean.width, clean.height, r);
    auto crop = cropped(clean.bytes, width, height, type, error);
    if (!crop) return false;
    files.emplace_back(stem + "-" + std::to_string(r.across) + "x" + std::to_string(r.down) + "." +
                           std::string(extension(type)),
                       std::move(*crop));
  }
  return true;
}

// Writes each of `files` under `media_dir` (a file already there is the same picture,
// stored before), appending what it wrote to `written` and each file's description to
// `described_files`.
bool write_all(const std::vector<std::pair<std::string, EncodedImage>>& files,
               const std::filesystem::path& media_dir, std::vector<std::filesystem::path>& written,
               std::vector<content::MediaFile>& described_files) {
  for (const auto& [file, image] : files) {
    auto path = media_dir / file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      if (!write_file_atomically(path, image.bytes)) return false;
      written.push_back(path);
    }
    described_files.push_back(described(image, file));
  }
  return true;
}

}  // namespace

std::pair<int, int> crop_size(int width, int height, CropRatio r) {
  // The widest `r` shape inside the picture, in whole pixels.
  long w = width, h = static_cast<long>(width) * r.down / r.across;
  if (h > height) {
    h = height;
    w = static_cast<long>(height) * r.across / r.down;
  }
  if (w > kCropWidth) {
    w = kCropWidth;
    h = static_cast<long>(kCropWidth) * r.down / r.across;
  }
  return {static_cast<int>(std::max(1L, w)), static_cast<int>(std::max(1L, h))};
}

std::optional<SavedImage> save_image(std::string_view bytes, const std::filesystem::path& media_dir,
                                     std::string_view folder,
                                     std::vector<std::filesystem::path>& written,
                                     std::string* error, content::Id owner) {
  auto clean = strip_metadata(bytes, error);
  if (!clean) return std::nullopt;
  std::string digest = owner ? security::token_digest(std::to_string(owner) + ":" + clean->bytes)
                             : security::token_digest(clean->bytes);
  std::string stem = std::string(folder) + "/" + digest.substr(0, 16);
  // Made in memory first: a picture that fails half-way leaves no file behind.
  std::vector<std::pair<std::string, EncodedImage>> files;
  std::vector<ImageType> types = {ImageType::Webp};
  if (clean->type != ImageType::Webp) types.push_back(clean->type);
  for (int width : kVariantWidths) {
    if (width >= clean->width) break;
    for (ImageType type : types) {
      auto variant = resized(clean->bytes, width, type, error);
      if (!variant) return std::nullopt;
      files.emplace_back(stem + "-" + std::to_string(width) + "." + std::string(extension(type)),
                         std::move(*variant));
    }
  }
  // A picture no wider than the widest variant gets a WebP copy of its full size too.
  if (clean->type != ImageType::Webp && clean->width <= kVariantWidths.back()) {
    auto full = resized(clean->bytes, clean->width, ImageType::Webp, error);
    if (!full) return std::nullopt;
    files.emplace_back(stem + "-" + std::to_string(clean->width) + ".webp", std::move(*full));
  }
  std::vector<std::pair<std::string, EncodedImage>> crops;
  if (!make_crops(*clean, stem, crops, error)) return std::nullopt;
  SavedImage saved;
  std::vector<content::MediaFile> originals;
  std::string original_file = stem + "." + std::string(extension(clean->type));
  if (!write_all({{original_file, *clean}}, media_dir, written, originals) ||
      !write_all(files, media_dir, written, saved.variants) ||
      !write_all(crops, media_dir, written, saved.crops)) {
    *error = "The image could not be written to the media folder.";
    return std::nullopt;
  }
  saved.original = originals.front();
  return saved;
}

std::optional<std::vector<content::MediaFile>> save_crops(
    const content::Media& m, const std::filesystem::path& media_dir,
    std::vector<std::filesystem::path>& written, std::string* error) {
  auto bytes = read_file(media_dir / m.original.file);
  if (!bytes) {
    *error = "The original of this picture is missing from the media folder.";
    return std::nullopt;
  }
  // The stored original is clean and upright already: cut from it as it is (no second
  // encoding), at the size the library knows it by.
  auto type = sniff_image(*bytes);
  if (!type || m.original.width <= 0 || m.original.height <= 0) {
    *error = "The original of this picture is not an image Khabar can crop.";
    return std::nullopt;
  }
  EncodedImage original{std::move(*bytes), m.original.width, m.original.height, *type};
  std::vector<std::pair<std::string, EncodedImage>> crops;
  std::string stem = m.original.file.substr(0, m.original.file.rfind('.'));
  if (!make_crops(original, stem, crops, error)) return std::nullopt;
  std::vector<content::MediaFile> out;
  if (!write_all(crops, media_dir, written, out)) {
    *error = "The crops could not be written to the media folder.";
    return std::nullopt;
  }
  return out;
}

std::optional<Playable> playable_type(std::string_view b) {
  auto at = [&](std::size_t i) { return i < b.size() ? static_cast<unsigned char>(b[i]) : 0u; };
  if (b.starts_with("ID3") || (at(0) == 0xFF && (at(1) & 0xE0) == 0xE0 && (at(1) & 0x06) != 0))
    return Playable{"mp3", "audio/mpeg"};
  if (b.starts_with("OggS")) {
    bool theora = b.substr(0, 512).find("\x80theora") != std::string_view::npos;
    return theora ? Playable{"ogv", "video/ogg"} : Playable{"ogg", "audio/ogg"};
  }
  if (b.starts_with("RIFF") && b.size() >= 12 && b.substr(8, 4) == "WAVE")
    return Playable{"wav", "audio/wav"};
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    std::string_view brand = b.substr(8, 4);
    if (brand == "M4A " || brand == "M4B ") return Playable{"m4a", "audio/mp4"};
    return Playable{"mp4", "video/mp4"};
  }
  if (b.starts_with("\x1A\x45\xDF\xA3")) return Playable{"webm", "video/webm"};
  return std::nullopt;
}

std::optional<content::MediaFile> save_sound_or_video(std::string_view bytes, const Playable& type,
                                                      const std::filesystem::path& media_dir,
                                                      std::string_view folder,
                                                      std::vector<std::filesystem::path>& written,
                                                      std::string* error) {
  content::MediaFile f;
  f.file = std::string(folder) + "/" + security::token_digest(bytes).substr(0, 16) + "." +
           std::string(type.extension);
  f.mime = std::string(type.mime);
  f.bytes = static_cast<std::int64_t>(bytes.size());
  auto path = media_dir / f.file;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (!write_file_atomically(path, bytes)) {
      *error = "The file could not be written to the media folder.";
      return std::nullopt;
    }
    written.push_back(path);
  }
  return f;
}

std::vector<std::filesystem::path> files_of(const content::Media& m,
                                            const std::filesystem::path& media_dir) {
  std::vector<std::filesystem::path> out{media_dir / m.original.file};
  for (const auto& v : m.variants) out.push_back(media_dir / v.file);
  for (const auto& c : m.crops) out.push_back(media_dir / c.file);
  return out;
}

}  // namespace khabar::media
