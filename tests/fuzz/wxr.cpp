// The WordPress export reader, and the content conversion every imported body goes through,
// on any file: a clear error or items, never a crash; converted bodies are safe HTML.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "check_html.h"
#include "importers/wordpress_content.h"
#include "importers/wxr_reader.h"

namespace {

struct Collect : khabar::importers::WxrHandler {
  void item(const khabar::importers::WxrItem& item) override {
    khabar::importers::ContentReport report;
    auto none = [](std::int64_t) -> const khabar::importers::Attachment* { return nullptr; };
    khabar::fuzz::check_safe_html(
        khabar::importers::wordpress_to_html(item.content, none, {}, report));
    khabar::importers::html_to_text(item.excerpt);
    for (const auto& c : item.comments) khabar::importers::html_to_text(c.content, true);
    khabar::importers::parse_wordpress_date(item.date_gmt);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // read_wxr reads a file: hand it one in memory.
  static int fd = memfd_create("wxr", 0);
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) return 0;
  Collect handler;
  khabar::importers::read_wxr("/proc/self/fd/" + std::to_string(fd), handler);
  return 0;
}
