#include "render/sanitize.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "render/escape.h"

namespace khabar::render {
namespace {

// Kept with their allowed attributes.
struct Allowed {
  GumboTag tag;
  std::array<const char*, 6> attributes;
};

constexpr std::array kAllowed = {
    Allowed{GUMBO_TAG_P, {}},          Allowed{GUMBO_TAG_BR, {}},
    Allowed{GUMBO_TAG_HR, {}},         Allowed{GUMBO_TAG_H2, {"id"}},
    Allowed{GUMBO_TAG_H3, {"id"}},     Allowed{GUMBO_TAG_H4, {"id"}},
    Allowed{GUMBO_TAG_H5, {"id"}},     Allowed{GUMBO_TAG_H6, {"id"}},
    Allowed{GUMBO_TAG_STRONG, {}},     Allowed{GUMBO_TAG_B, {}},
    Allowed{GUMBO_TAG_EM, {}},         Allowed{GUMBO_TAG_I, {}},
    Allowed{GUMBO_TAG_U, {}},          Allowed{GUMBO_TAG_S, {}},
    Allowed{GUMBO_TAG_DEL, {"datetime"}}, Allowed{GUMBO_TAG_INS, {"datetime"}},
    Allowed{GUMBO_TAG_SUB, {}},        Allowed{GUMBO_TAG_SUP, {}},
    Allowed{GUMBO_TAG_SMALL, {}},      Allowed{GUMBO_TAG_MARK, {}},
    Allowed{GUMBO_TAG_Q, {"cite"}},    Allowed{GUMBO_TAG_CITE, {}},
    Allowed{GUMBO_TAG_ABBR, {"title"}}, Allowed{GUMBO_TAG_CODE, {}},
    Allowed{GUMBO_TAG_PRE, {}},        Allowed{GUMBO_TAG_KBD, {}},
    Allowed{GUMBO_TAG_BLOCKQUOTE, {"cite"}}, Allowed{GUMBO_TAG_UL, {}},
    Allowed{GUMBO_TAG_OL, {"start", "reversed"}}, Allowed{GUMBO_TAG_LI, {}},
    Allowed{GUMBO_TAG_DL, {}},         Allowed{GUMBO_TAG_DT, {}},
    Allowed{GUMBO_TAG_DD, {}},         Allowed{GUMBO_TAG_A, {"href", "title"}},
    Allowed{GUMBO_TAG_IMG, {"src", "alt", "width", "height", "title"}},
    Allowed{GUMBO_TAG_FIGURE, {"class"}}, Allowed{GUMBO_TAG_FIGCAPTION, {}},
    Allowed{GUMBO_TAG_TABLE, {}},      Allowed{GUMBO_TAG_CAPTION, {}},
    Allowed{GUMBO_TAG_THEAD, {}},      Allowed{GUMBO_TAG_TBODY, {}},
    Allowed{GUMBO_TAG_TFOOT, {}},      Allowed{GUMBO_TAG_TR, {}},
    Allowed{GUMBO_TAG_TH, {"scope", "colspan", "rowspan"}},
    Allowed{GUMBO_TAG_TD, {"colspan", "rowspan"}},
    Allowed{GUMBO_TAG_SPAN, {}},       Allowed{GUMBO_TAG_DIV, {}},
};

// Dropped together with everything inside them.
constexpr std::array kDropped = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,    GUMBO_TAG_IFRAME,   GUMBO_TAG_FRAME,
    GUMBO_TAG_FRAMESET, GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED,    GUMBO_TAG_APPLET,
    GUMBO_TAG_FORM,   GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,
    GUMBO_TAG_MATH,   GUMBO_TAG_HEAD,     GUMBO_TAG_TITLE,    GUMBO_TAG_META,
    GUMBO_TAG_LINK,   GUMBO_TAG_BASE,     GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO,
    GUMBO_TAG_SOURCE, GUMBO_TAG_CANVAS,   GUMBO_TAG_PARAM,    GUMBO_TAG_XMP,
    GUMBO_TAG_PLAINTEXT, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES};

constexpr std::array kVoid = {GUMBO_TAG_BR, GUMBO_TAG_HR, GUMBO_TAG_IMG};

const Allowed* allowed(GumboTag tag) {
  for (const auto& a : kAllowed)
    if (a.tag == tag) return &a;
  return nullptr;
}

bool dropped(GumboTag tag) {
  return std::find(kDropped.begin(), kDropped.end(), tag) != kDropped.end();
}

bool is_void(GumboTag tag) { return std::find(kVoid.begin(), kVoid.end(), tag) != kVoid.end(); }

bool allowed_attribute(const Allowed& a, std::string_view name) {
  for (const char* n : a.attributes)
    if (n && name == n) return true;
  return false;
}

// Only WordPress's alignment and caption classes, which the theme styles.
std::string safe_classes(std::string_view value) {
  std::string out;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find(' ', start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view c = value.substr(start, end - start);
    if (c == "alignleft" || c == "alignright" || c == "aligncenter" || c == "alignnone" ||
        c == "wp-caption" || c == "gallery")
      out += (out.empty() ? "" : " ") + std::string(c);
    start = end + 1;
  }
  return out;
}

void serialize(const GumboNode* node, std::string& out, const UrlRewrite& rewrite);

void serialize_children(const GumboNode* node, std::string& out, const UrlRewrite& rewrite) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    serialize(static_cast<const GumboNode*>(children.data[i]), out, rewrite);
}

void serialize(const GumboNode* node, std::string& out, const UrlRewrite& rewrite) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out += escape_html(node->v.text.text);
      return;
    case GUMBO_NODE_COMMENT:
      return;
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_TEMPLATE:
      return;
    case GUMBO_NODE_ELEMENT:
      break;
  }
  GumboTag tag = node->v.element.tag;
  if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML || dropped(tag)) return;
  const Allowed* rule = allowed(tag);
  if (!rule) {  // unknown or not allowed: keep what is inside
    serialize_children(node, out, rewrite);
    return;
  }
  const char* name = gumbo_normalized_tagname(tag);
  out += '<';
  out += name;
  const GumboVector& attributes = node->v.element.attributes;
  for (unsigned i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    std::string_view key = attr->name;
    std::string value = attr->value;
    if (!allowed_attribute(*rule, key)) continue;
    if ((key == "href" || key == "src" || key == "cite") && !is_safe_url(value)) continue;
    if ((key == "href" || key == "src") && rewrite)
      if (auto moved = rewrite(value)) value = std::move(*moved);
    if (key == "class") {
      value = safe_classes(value);
      if (value.empty()) continue;
    }
    out += ' ';
    out += key;
    out += "=\"";
    out += escape_html(value);
    out += '"';
  }
  if (tag == GUMBO_TAG_A) out += " rel=\"noopener\"";
  if (tag == GUMBO_TAG_IMG) out += " loading=\"lazy\"";
  out += '>';
  if (is_void(tag)) return;
  serialize_children(node, out, rewrite);
  out += "</";
  out += name;
  out += '>';
}

}  // namespace

bool is_safe_url(std::string_view url) {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  std::string scheme;
  for (char c : url) {
    if (c == ':') break;
    if (c == '/' || c == '?' || c == '#') return true;  // relative: no scheme
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (url.find(':') == std::string_view::npos) return true;
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

std::string sanitize_html(std::string_view html, const UrlRewrite& rewrite) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  std::string out;
  out.reserve(html.size());
  // A fragment parses into <html> holding the nodes.
  serialize_children(parsed->root, out, rewrite);
  gumbo_destroy_output(&options, parsed);
  return out;
}

}  // namespace khabar::render
