// `khabar import wordpress --fetch-media URL`: the attachments' files fetched over HTTP(S)
// from the old site (or a mirror of it) when no copy of wp-content/uploads is at hand.
// Each file is fetched into a folder laid out as wp-content/uploads is, which the import
// then reads as it reads --uploads; a failed fetch is retried, then reported.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::importers {

// Where an upload lives below wp-content/uploads ("2013/03/kabul.jpg"), from its URL's
// decoded path; "" if the path could leave the folder.
std::string upload_relative_path(std::string_view decoded_path);

// The address to fetch an upload from: `base` is the old site ("https://old.example", the
// upload's own path is added) or a copy of its uploads folder (a URL ending in "/uploads":
// the path below it is added).
std::string fetch_url(std::string_view base, std::string_view decoded_path);

struct FetchOptions {
  std::string base;
  std::filesystem::path dir;                  // files are written here, as below wp-content/uploads
  int attempts = 3;                           // per file
  std::chrono::milliseconds first_wait{500};  // before the second attempt; doubled after
  std::uint64_t max_bytes = 50u << 20;        // larger files are not fetched
  int timeout_s = 60;                         // per attempt
  // After each file: how many are done, of how many, and how many failed for good.
  std::function<void(std::size_t done, std::size_t total, std::size_t failed)> progress;
};

struct FetchReport {
  std::size_t fetched = 0;
  std::size_t failed = 0;
  std::vector<std::string> notes;  // "…/kabul.jpg: HTTP 404 after 3 attempts"
};

// Fetches the files of `decoded_paths` (each an upload's URL path, percent-decoded).
FetchReport fetch_media(const std::vector<std::string>& decoded_paths, const FetchOptions& o);

}  // namespace khabar::importers
