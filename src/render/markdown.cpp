#include "render/markdown.h"

#include <md4c-html.h>

namespace khabar::render {

std::string markdown_to_html(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  auto append = [](const MD_CHAR* text, MD_SIZE size, void* userdata) {
    static_cast<std::string*>(userdata)->append(text, size);
  };
  unsigned parser_flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                          MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_NOHTML;
  if (md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &out, parser_flags,
              0) != 0)
    return {};
  return out;
}

}  // namespace khabar::render
