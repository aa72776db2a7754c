#include "support/html.h"

#include <sstream>

namespace khabar::test {
namespace {

void walk(const GumboNode* node, const std::function<void(const GumboNode*)>& visit) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  if (node->type == GUMBO_NODE_ELEMENT) visit(node);
  const GumboVector& children =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
  for (unsigned i = 0; i < children.length; ++i)
    walk(static_cast<const GumboNode*>(children.data[i]), visit);
}

std::string tag_name(const GumboNode* node) {
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN)
    return gumbo_normalized_tagname(node->v.element.tag);
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string(piece.data, piece.length);
}

void collect_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    collect_text(static_cast<const GumboNode*>(children.data[i]), out);
}

}  // namespace

Html::Html(const std::string& text) : text_(text), output_(gumbo_parse(text_.c_str())) {}

Html::~Html() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

std::vector<const GumboNode*> Html::all(const std::string& tag, const std::string& attribute,
                                        const std::string& value) const {
  std::vector<const GumboNode*> out;
  walk(output_->document, [&](const GumboNode* n) {
    if (tag_name(n) != tag) return;
    if (!attribute.empty()) {
      const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, attribute.c_str());
      if (!a || (!value.empty() && value != a->value)) return;
    }
    out.push_back(n);
  });
  return out;
}

const GumboNode* Html::first(const std::string& tag, const std::string& attribute,
                             const std::string& value) const {
  auto found = all(tag, attribute, value);
  return found.empty() ? nullptr : found.front();
}

std::vector<const GumboNode*> Html::any_of(const std::vector<std::string>& tags) const {
  std::vector<const GumboNode*> out;
  walk(output_->document, [&](const GumboNode* n) {
    for (const auto& t : tags)
      if (tag_name(n) == t) out.push_back(n);
  });
  return out;
}

std::string Html::tag(const GumboNode* node) { return tag_name(node); }

std::vector<const GumboNode*> Html::by_class(const std::string& cls) const {
  std::vector<const GumboNode*> out;
  walk(output_->document, [&](const GumboNode* n) {
    std::istringstream words(attr(n, "class"));
    for (std::string w; words >> w;)
      if (w == cls) {
        out.push_back(n);
        return;
      }
  });
  return out;
}

std::vector<const GumboNode*> Html::descendants(const GumboNode* node, const std::string& tag) {
  std::vector<const GumboNode*> out;
  walk(node, [&](const GumboNode* n) {
    if (n != node && (tag.empty() || tag_name(n) == tag)) out.push_back(n);
  });
  return out;
}

std::string Html::attr(const GumboNode* node, const std::string& name) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name.c_str());
  return a ? a->value : "";
}

std::string Html::text(const GumboNode* node) {
  if (!node) return "";
  std::string raw, out;
  collect_text(node, raw);
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::string Html::first_text(const std::string& html, const std::string& tag,
                             const std::string& attribute, const std::string& value) {
  Html page(html);
  const GumboNode* node = page.first(tag, attribute, value);
  return node ? text(node) : "";
}

}  // namespace khabar::test
