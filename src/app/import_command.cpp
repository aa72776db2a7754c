// `khabar import wordpress`: runs the importer with a progress display and prints what
// it did, item type by item type, with the reasons for everything skipped.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli_support.h"
#include "app/commands.h"
#include "app/config.h"
#include "importers/wordpress_import.h"
#include "security/secret.h"

namespace khabar::app {
namespace {

using Clock = std::chrono::steady_clock;

std::string duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  std::ostringstream out;
  out << s / 60 << ":" << std::setw(2) << std::setfill('0') << s % 60;
  return out.str();
}

class ProgressDisplay {
 public:
  ProgressDisplay() : terminal_(isatty(STDERR_FILENO)), start_(Clock::now()) {}

  void update(std::uint64_t bytes, std::uint64_t total, std::uint64_t items) {
    auto now = Clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double fraction = total ? static_cast<double>(bytes) / static_cast<double>(total) : 1.0;
    int percent = static_cast<int>(fraction * 100);
    if (terminal_) {
      if (now - last_ < std::chrono::milliseconds(100) && fraction < 1.0) return;
      last_ = now;
      int filled = static_cast<int>(fraction * 30);
      double left = fraction > 0.01 ? elapsed / fraction - elapsed : 0;
      std::cerr << "\r[" << std::string(filled, '#') << std::string(30 - filled, ' ') << "] "
                << std::setw(3) << percent << "%  " << items << " items  "
                << static_cast<long>(elapsed > 0 ? items / elapsed : 0) << " items/s  "
                << duration(left) << " left " << std::flush;
    } else if (percent >= next_line_) {
      next_line_ = percent / 10 * 10 + 10;
      std::cerr << "import: " << percent << "% (" << items << " items, " << duration(elapsed)
                << " elapsed)\n";
    }
  }
  void done() {
    if (terminal_) std::cerr << "\n";
  }

 private:
  bool terminal_;
  Clock::time_point start_, last_{};
  int next_line_ = 0;
};

void print_tally(const char* what, const importers::Tally& t) {
  std::cout << "  " << std::left << std::setw(12) << what << std::right << std::setw(8)
            << t.imported << " imported " << std::setw(8) << t.updated << " updated "
            << std::setw(6) << t.skipped << " skipped\n";
  for (const auto& [reason, n] : t.skip_reasons)
    std::cout << "  " << std::setw(12) << ""
              << "  skipped " << n << ": " << reason << "\n";
}

}  // namespace

int run_import_wordpress(const ImportCommand& o) {
  std::error_code ec;
  if (!o.uploads.empty() && !std::filesystem::is_directory(o.uploads, ec))
    return fail("--uploads " + o.uploads.string() +
                " is not a directory (give a copy of wp-content/uploads). Nothing was imported.");
  std::string error;
  auto config = load_config(o.data_dir, &error);
  if (!config) return fail(error);
  if (!ensure_secret(*config, &error)) return fail(error);
  auto store = open_site(o.data_dir, &error);
  if (!store) return fail(error);
  security::Secret secret(config->secret);
  ProgressDisplay display;
  importers::ImportOptions options;
  options.file = o.file;
  options.dry_run = o.dry_run;
  options.uploads = o.uploads;
  if (!o.fetch_media.empty() && !o.fetch_media.starts_with("http://") &&
      !o.fetch_media.starts_with("https://"))
    return fail("--fetch-media " + o.fetch_media +
                " is not an http:// or https:// address. Nothing was imported.");
  options.fetch_media = o.fetch_media;
  options.fetch_progress = [&](std::size_t done, std::size_t total, std::size_t failed) {
    // One line a file would flood a terminal: every 10th, and the last.
    if (done % 10 != 0 && done != total) return;
    std::cerr << "Fetching media: " << done << " of " << total
              << (failed ? " (" + std::to_string(failed) + " failed)" : std::string()) << "\n";
  };
  options.media_dir = o.data_dir / "media";
  options.progress = [&](std::uint64_t b, std::uint64_t t, std::uint64_t n) {
    display.update(b, t, n);
  };
  auto start = Clock::now();
  std::variant<importers::ImportSummary, importers::WxrError> result;
  try {
    result = importers::import_wordpress(*store, options);
  } catch (const std::exception& e) {
    display.done();
    return fail(std::string(e.what()) + ". Nothing was imported.");
  }
  display.done();
  if (auto* e = std::get_if<importers::WxrError>(&result))
    return fail(e->message + ". Nothing was imported; the site is as it was.");
  const auto& s = std::get<importers::ImportSummary>(result);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << (o.dry_run ? "Dry run of " : "Imported ") << o.file.string() << " in " << std::fixed
            << std::setprecision(1) << seconds << " s"
            << (o.dry_run ? " (nothing was written)" : "") << ":\n";
  print_tally("posts", s.posts);
  print_tally("pages", s.pages);
  print_tally("categories", s.categories);
  print_tally("tags", s.tags);
  print_tally("authors", s.authors);
  print_tally("comments", s.comments);
  print_tally("attachments", s.attachments);
  if (s.other_items.total()) print_tally("other items", s.other_items);
  std::cout << "  " << s.redirects << " old addresses now answer 301 with the new ones.\n";
  if (s.media_fetched || s.media_not_fetched)
    std::cout << "  " << s.media_fetched << " files fetched from " << o.fetch_media
              << (s.media_not_fetched
                      ? ", " + std::to_string(s.media_not_fetched) + " could not be (see the notes)"
                      : std::string())
              << ".\n";
  if (s.media_copied)
    std::cout << "  " << s.media_copied << " files copied from "
              << (o.uploads.empty() ? "--fetch-media" : "--uploads")
              << " into the media library, all metadata removed.\n";
  if (s.attachments.imported > s.media_copied)
    std::cout << "  " << s.attachments.imported - s.media_copied
              << " attachments are referenced by their URL on the old site; keep it reachable.\n";
  if (!s.password_protected.empty()) {
    std::cout << "Password-protected posts, imported as drafts:\n";
    for (const auto& p : s.password_protected) std::cout << "  " << p << "\n";
  }
  if (!s.unknown_shortcodes.empty()) {
    std::cout << "Shortcodes Khabar does not know, left as text:\n";
    for (const auto& [name, n] : s.unknown_shortcodes)
      std::cout << "  [" << name << "] x" << n << "\n";
  }
  for (const auto& note : s.notes) std::cout << "Note: " << note << "\n";
  if (!s.invited.empty()) {
    std::cout << "Authors were created disabled, without a password. Invite each with\n"
              << "  khabar user link --data " << o.data_dir.string() << " --login LOGIN\n"
              << "Logins:";
    for (const auto& login : s.invited) std::cout << " " << login;
    std::cout << "\n";
  }
  return 0;
}

}  // namespace khabar::app
