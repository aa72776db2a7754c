#include "media/library.h"

#include "media/files.h"
#include "media/image.h"
#include "security/secret.h"

namespace khabar::media {
namespace {

content::MediaFile described(const EncodedImage& image, std::string file) {
  return {std::move(file), std::string(mime_type(image.type)), image.width, image.height,
          static_cast<std::int64_t>(image.bytes.size())};
}

}  // namespace

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
  SavedImage saved;
  saved.original = described(*clean, stem + "." + std::string(extension(clean->type)));
  auto write = [&](const std::string& file, const EncodedImage& image) {
    auto path = media_dir / file;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return true;  // the same picture, stored before
    if (!write_file_atomically(path, image.bytes)) return false;
    written.push_back(path);
    return true;
  };
  if (!write(saved.original.file, *clean)) {
    *error = "The image could not be written to the media folder.";
    return std::nullopt;
  }
  for (const auto& [file, image] : files) {
    if (!write(file, image)) {
      *error = "The image could not be written to the media folder.";
      return std::nullopt;
    }
    saved.variants.push_back(described(image, file));
  }
  return saved;
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
  return out;
}

}  // namespace khabar::media
