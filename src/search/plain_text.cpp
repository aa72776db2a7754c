#include "search/plain_text.h"

#include <gumbo.h>

#include <utility>
#include <vector>

#include "render/markdown.h"

namespace khabar::search {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Elements whose content is no text a reader sees.
bool hidden(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TITLE;
}

// Elements that stand on lines of their own.
bool block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

// Text written with white space collapsed: one space between words, one newline between
// blocks, none at either end.
class Writer {
 public:
  explicit Writer(std::size_t capacity) { out_.reserve(capacity); }

  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        if (pending_ == None) pending_ = Space;
        continue;
      }
      if (!out_.empty()) {
        if (pending_ == Line)
          out_ += '\n';
        else if (pending_ == Space)
          out_ += ' ';
      }
      pending_ = None;
      out_ += c;
    }
  }
  void line() { pending_ = Line; }
  std::string take() { return std::move(out_); }

 private:
  enum Pending { None, Space, Line };
  std::string out_;
  Pending pending_ = None;
};

}  // namespace

std::string html_text(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  Writer out(html.size());
  // Depth first with a stack of (node, next child) so that nesting costs no C++ stack.
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{parsed->root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
          node->type == GUMBO_NODE_WHITESPACE)
        out.text(node->v.text.text);
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
    bool is_block = node->type == GUMBO_NODE_ELEMENT && block(node->v.element.tag);
    if (next == 0) {
      if (node->type == GUMBO_NODE_ELEMENT && hidden(node->v.element.tag)) {
        stack.pop_back();
        continue;
      }
      if (is_block) out.line();
    }
    if (next < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[next++]);
      stack.emplace_back(child, 0);
      continue;
    }
    if (is_block) out.line();
    stack.pop_back();
  }
  gumbo_destroy_output(&options, parsed);
  return out.take();
}

std::string body_text(std::string_view markdown, std::string_view html) {
  if (!html.empty()) return html_text(html);
  if (markdown.empty()) return {};
  return html_text(render::markdown_to_html(markdown));
}

}  // namespace khabar::search
