#include "render/sanitize.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <new>
#include <optional>
#include <vector>

#include "render/escape.h"

namespace khabar::render {
namespace {

// Kept with their allowed attributes.
struct Allowed {
  GumboTag tag;
  std::array<const char*, 6> attributes;
};

constexpr std::array kAllowed = {
    Allowed{GUMBO_TAG_P, {}},
    Allowed{GUMBO_TAG_BR, {}},
    Allowed{GUMBO_TAG_HR, {}},
    Allowed{GUMBO_TAG_H2, {"id"}},
    Allowed{GUMBO_TAG_H3, {"id"}},
    Allowed{GUMBO_TAG_H4, {"id"}},
    Allowed{GUMBO_TAG_H5, {"id"}},
    Allowed{GUMBO_TAG_H6, {"id"}},
    Allowed{GUMBO_TAG_STRONG, {}},
    Allowed{GUMBO_TAG_B, {}},
    Allowed{GUMBO_TAG_EM, {}},
    Allowed{GUMBO_TAG_I, {}},
    Allowed{GUMBO_TAG_U, {}},
    Allowed{GUMBO_TAG_S, {}},
    Allowed{GUMBO_TAG_DEL, {"datetime"}},
    Allowed{GUMBO_TAG_INS, {"datetime"}},
    Allowed{GUMBO_TAG_SUB, {}},
    Allowed{GUMBO_TAG_SUP, {}},
    Allowed{GUMBO_TAG_SMALL, {}},
    Allowed{GUMBO_TAG_MARK, {}},
    Allowed{GUMBO_TAG_Q, {"cite"}},
    Allowed{GUMBO_TAG_CITE, {}},
    Allowed{GUMBO_TAG_ABBR, {"title"}},
    Allowed{GUMBO_TAG_CODE, {}},
    Allowed{GUMBO_TAG_PRE, {}},
    Allowed{GUMBO_TAG_KBD, {}},
    Allowed{GUMBO_TAG_BLOCKQUOTE, {"cite"}},
    Allowed{GUMBO_TAG_UL, {}},
    Allowed{GUMBO_TAG_OL, {"start", "reversed"}},
    Allowed{GUMBO_TAG_LI, {}},
    Allowed{GUMBO_TAG_DL, {}},
    Allowed{GUMBO_TAG_DT, {}},
    Allowed{GUMBO_TAG_DD, {}},
    Allowed{GUMBO_TAG_A, {"href", "title"}},
    Allowed{GUMBO_TAG_IMG, {"src", "alt", "width", "height", "title"}},
    Allowed{GUMBO_TAG_FIGURE, {"class"}},
    Allowed{GUMBO_TAG_FIGCAPTION, {}},
    Allowed{GUMBO_TAG_TABLE, {}},
    Allowed{GUMBO_TAG_CAPTION, {}},
    Allowed{GUMBO_TAG_THEAD, {}},
    Allowed{GUMBO_TAG_TBODY, {}},
    Allowed{GUMBO_TAG_TFOOT, {}},
    Allowed{GUMBO_TAG_TR, {}},
    Allowed{GUMBO_TAG_TH, {"scope", "colspan", "rowspan"}},
    Allowed{GUMBO_TAG_TD, {"colspan", "rowspan"}},
    Allowed{GUMBO_TAG_SPAN, {}},
    Allowed{GUMBO_TAG_DIV, {}},
    // The site's own sound and video files (src and poster relative: see open_tag).
    Allowed{GUMBO_TAG_AUDIO, {"src"}},
    Allowed{GUMBO_TAG_VIDEO, {"src", "poster", "width", "height"}},
    Allowed{GUMBO_TAG_SOURCE, {"src", "type"}},
};

// Dropped together with everything inside them.
constexpr std::array kDropped = {
    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_IFRAME,   GUMBO_TAG_FRAME,
    GUMBO_TAG_FRAMESET, GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_APPLET,
    GUMBO_TAG_FORM,     GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD,
    GUMBO_TAG_TITLE,    GUMBO_TAG_META,     GUMBO_TAG_LINK,     GUMBO_TAG_BASE,
    GUMBO_TAG_CANVAS,   GUMBO_TAG_PARAM,    GUMBO_TAG_XMP,      GUMBO_TAG_PLAINTEXT,
    GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES};

constexpr std::array kVoid = {GUMBO_TAG_BR, GUMBO_TAG_HR, GUMBO_TAG_IMG, GUMBO_TAG_SOURCE};

bool is_media(GumboTag tag) {
  return tag == GUMBO_TAG_AUDIO || tag == GUMBO_TAG_VIDEO || tag == GUMBO_TAG_SOURCE;
}

// A path on this site ("/media/..."), not another host's ("//host/...", "https://...").
bool same_site(std::string_view url) { return url.starts_with("/") && !url.starts_with("//"); }

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

// Tags at most this deep in the output; deeper elements are flattened (their tags dropped,
// their text kept). No real article comes near it; it bounds the output's nesting for
// every later reader of the HTML, and the pre-pass below bounds gumbo's own work.
constexpr std::size_t kMaxOutputDepth = 100;
constexpr std::size_t kMaxInputDepth = 256;

// Gumbo's nodes live in an arena freed at once: no recursive gumbo_destroy_output (which
// walks the tree on the C stack) and no per-node free. Gumbo grows its buffers by
// allocating anew, so the arena holds at most about twice what the parse keeps.
class Arena {
 public:
  ~Arena() {
    for (void* block : blocks_) std::free(block);
  }
  static void* allocate(void* self, std::size_t size) {
    return static_cast<Arena*>(self)->take(size);
  }
  static void release(void*, void*) {}

 private:
  static constexpr std::size_t kBlock = 64 * 1024;
  void* take(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (size > kBlock / 4) return own(std::malloc(size));
    if (used_ + size > kBlock) {
      current_ = static_cast<char*>(own(std::malloc(kBlock)));
      used_ = 0;
    }
    void* p = current_ + used_;
    used_ += size;
    return p;
  }
  void* own(void* block) {
    if (!block) throw std::bad_alloc();
    blocks_.push_back(block);
    return block;
  }
  std::vector<void*> blocks_;
  char* current_ = nullptr;
  std::size_t used_ = kBlock;
};

bool raw_text_element(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "noscript" || name == "plaintext";
}

bool void_element(std::string_view name) {
  for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                             "meta", "param", "source", "track", "wbr"})
    if (name == v) return true;
  return false;
}

// Drops start tags that would open deeper than kMaxInputDepth (counting start and end tags
// as written, ignoring void elements) and as many end tags after them. A rough tokenizer:
// whatever it gets wrong only changes which tags gumbo sees, never what the allow-list lets
// through. Linear; returns nothing when the input is shallow enough as it is.
std::optional<std::string> cap_nesting(std::string_view html, bool* flattened) {
  if (static_cast<std::size_t>(std::count(html.begin(), html.end(), '<')) <= kMaxInputDepth)
    return std::nullopt;
  std::string out;
  out.reserve(html.size());
  std::size_t depth = 0, excess = 0, i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    out.append(html.substr(i, lt - i));
    i = lt;
    if (html.substr(i, 4) == "<!--") {
      std::size_t end = html.find("-->", i + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(i, end - i));
      i = end;
      continue;
    }
    std::size_t j = i + 1;
    bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    std::size_t name_start = j;
    while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
    if (j == name_start) {  // not a tag: a '<' in text
      out += '<';
      ++i;
      continue;
    }
    std::string name(html.substr(name_start, j - name_start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // The tag's end, past quoted attribute values.
    char quote = 0;
    while (j < html.size() && (quote || html[j] != '>')) {
      if (quote && html[j] == quote)
        quote = 0;
      else if (!quote && (html[j] == '"' || html[j] == '\''))
        quote = html[j];
      ++j;
    }
    std::size_t end = j < html.size() ? j + 1 : html.size();
    std::string_view tag = html.substr(i, end - i);
    i = end;
    bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (closing) {
      if (excess > 0) {
        --excess;
        continue;
      }
      if (depth > 0) --depth;
    } else if (!void_element(name) && !self_closing) {
      if (depth >= kMaxInputDepth) {
        ++excess;
        *flattened = true;
        continue;
      }
      ++depth;
    }
    out.append(tag);
    if (!closing && raw_text_element(name)) {  // its text is not markup
      std::string close = "</" + name;
      std::size_t stop = i;
      while ((stop = html.find("</", stop)) != std::string_view::npos) {
        std::string_view candidate = html.substr(stop, close.size());
        if (std::equal(
                candidate.begin(), candidate.end(), close.begin(), close.end(),
                [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
          break;
        stop += 2;
      }
      if (stop == std::string_view::npos) stop = html.size();
      out.append(html.substr(i, stop - i));
      i = stop;
    }
  }
  out.append(html.substr(i));
  return out;
}

// Elements of SVG and MathML and their contents: the text is kept (a formula, a chart's
// labels), every element dropped, and what scripts and styles hold too.
bool foreign(const GumboNode* node) {
  return node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML ||
         node->v.element.tag == GUMBO_TAG_SVG || node->v.element.tag == GUMBO_TAG_MATH;
}

struct Serializer {
  std::string& out;
  const UrlRewrite& rewrite;
  bool flattened = false;

  // A URL as it is written out: rewritten if `rewrite` moves it; nothing if it is unsafe.
  std::optional<std::string> kept_url(std::string value) const {
    if (!is_safe_url(value)) return std::nullopt;
    if (rewrite)
      if (auto moved = rewrite(value)) value = std::move(*moved);
    return value;
  }

  // The src of an element as it would be written, if it has a safe one.
  std::optional<std::string> kept_src(const GumboNode* node) const {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, "src");
    return a ? kept_url(a->value) : std::nullopt;
  }

  // Whether a player would have something to play from this site: its src, or the src
  // of one of its <source> children. A player of nothing is dropped (its text kept).
  bool plays_here(const GumboNode* node) const {
    if (auto src = kept_src(node); src && same_site(*src)) return true;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_SOURCE) continue;
      if (auto src = kept_src(child); src && same_site(*src)) return true;
    }
    return false;
  }

  void open_tag(const GumboNode* node, const Allowed& rule) {
    GumboTag tag = node->v.element.tag;
    out += '<';
    out += gumbo_normalized_tagname(tag);
    const GumboVector& attributes = node->v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
      std::string_view key = attr->name;
      std::string value = attr->value;
      if (!allowed_attribute(rule, key)) continue;
      bool url = key == "href" || key == "src" || key == "poster";
      if (key == "cite" && !is_safe_url(value)) continue;
      if (url) {
        auto kept = kept_url(std::move(value));
        if (!kept) continue;
        value = std::move(*kept);
      }
      // Sound and video play from this site only: another host's file would be fetched
      // (and the reader seen) before anyone presses play.
      if (url && is_media(tag) && !same_site(value)) continue;
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
    if (tag == GUMBO_TAG_AUDIO || tag == GUMBO_TAG_VIDEO) out += " controls preload=\"none\"";
    out += '>';
  }

  // Depth-first with an explicit stack: any depth of input costs heap, never C stack.
  void run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next = 0;
      const char* close = nullptr;  // the end tag to write when leaving it
      bool text_only = false;       // inside SVG/MathML
    };
    std::vector<Frame> stack;
    std::size_t open = 0;  // tags written and not yet closed
    stack.push_back({root});
    while (!stack.empty()) {
      Frame& top = stack.back();
      const GumboVector& children = top.node->v.element.children;
      if (top.next >= children.length) {
        if (top.close) {
          out += "</";
          out += top.close;
          out += '>';
          --open;
        }
        stack.pop_back();
        continue;
      }
      const auto* node = static_cast<const GumboNode*>(children.data[top.next++]);
      bool text_only = top.text_only;
      switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
          out += escape_html(node->v.text.text);
          continue;
        case GUMBO_NODE_COMMENT:
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_TEMPLATE:
          continue;
        case GUMBO_NODE_ELEMENT:
          break;
      }
      GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
      if (text_only || foreign(node)) {
        stack.push_back({node, 0, nullptr, true});
        continue;
      }
      if (dropped(tag)) continue;
      const Allowed* rule = allowed(tag);
      if (rule && (tag == GUMBO_TAG_AUDIO || tag == GUMBO_TAG_VIDEO) && !plays_here(node))
        rule = nullptr;
      // A <source> only inside a player that is kept.
      if (tag == GUMBO_TAG_SOURCE && !(top.close && (top.node->v.element.tag == GUMBO_TAG_AUDIO ||
                                                     top.node->v.element.tag == GUMBO_TAG_VIDEO)))
        continue;
      if (rule && !is_void(tag) && open >= kMaxOutputDepth) {
        flattened = true;
        rule = nullptr;
      }
      if (!rule) {  // unknown, not allowed or too deep: keep what is inside
        stack.push_back({node});
        continue;
      }
      open_tag(node, *rule);
      if (is_void(tag)) continue;
      ++open;
      stack.push_back({node, 0, gumbo_normalized_tagname(tag)});
    }
  }
};

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

std::string sanitize_html(std::string_view html, const UrlRewrite& rewrite, SanitizeNotes* notes) {
  bool capped = false;
  std::optional<std::string> shallow = cap_nesting(html, &capped);
  if (shallow) html = *shallow;
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::allocate;
  options.deallocator = &Arena::release;
  options.userdata = &arena;
  options.max_errors = 0;  // errors are not read; each would copy the open-element stack
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  std::string out;
  out.reserve(html.size());
  // A fragment parses into <html> holding the nodes.
  Serializer serializer{out, rewrite};
  serializer.run(parsed->root);
  if (notes) notes->flattened = capped || serializer.flattened;
  return out;  // the arena frees the tree
}

}  // namespace khabar::render
