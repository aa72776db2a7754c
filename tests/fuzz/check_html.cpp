#include "check_html.h"

#include <gumbo.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace khabar::fuzz {
namespace {

[[noreturn]] void finding(const char* what, std::string_view html) {
  std::fprintf(stderr, "unsafe output (%s): ", what);
  std::fwrite(html.data(), 1, html.size(), stderr);
  std::fputc('\n', stderr);
  std::abort();
}

bool dangerous_scheme(std::string_view url) {
  if (url.find(':') == std::string_view::npos) return false;  // relative
  std::string scheme;
  for (char c : url) {
    if (c == ':') break;
    if (static_cast<unsigned char>(c) <= ' ') continue;
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return scheme == "javascript" || scheme == "data" || scheme == "vbscript";
}

}  // namespace

void check_safe_html(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  std::vector<const GumboNode*> stack{out->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    switch (node->v.element.tag) {
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_OBJECT:
      case GUMBO_TAG_EMBED:
      case GUMBO_TAG_FORM:
      case GUMBO_TAG_SVG:
      case GUMBO_TAG_MATH:
      case GUMBO_TAG_BASE:
      case GUMBO_TAG_META:
      case GUMBO_TAG_LINK:
      case GUMBO_TAG_FRAME:
        finding("element", html);
      default:
        break;
    }
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attributes.data[i]);
      std::string_view name = a->name;
      if (name.starts_with("on") || name == "style" || name == "srcdoc" || name == "formaction")
        finding("attribute", html);
      if ((name == "href" || name == "src" || name == "cite" || name == "srcset") &&
          dangerous_scheme(a->value))
        finding("url", html);
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  // Iterative destruction is gumbo's business; inputs here are at most a few hundred KB.
  gumbo_destroy_output(&options, out);
}

}  // namespace khabar::fuzz
