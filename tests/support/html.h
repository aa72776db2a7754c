// HTML assertions for tests: parse a page with gumbo (an HTML5 parser) and query it.
#pragma once

#include <gumbo.h>

#include <functional>
#include <string>
#include <vector>

namespace khabar::test {

class Html {
 public:
  explicit Html(const std::string& text);
  ~Html();
  Html(const Html&) = delete;
  Html& operator=(const Html&) = delete;

  // Elements with this tag name (e.g. "nav"), in document order, optionally filtered by
  // an attribute value ("" means: attribute present with any value).
  std::vector<const GumboNode*> all(const std::string& tag, const std::string& attribute = "",
                                    const std::string& value = "") const;
  const GumboNode* first(const std::string& tag, const std::string& attribute = "",
                         const std::string& value = "") const;
  // Elements with any of these tag names, in document order.
  std::vector<const GumboNode*> any_of(const std::vector<std::string>& tags) const;
  static std::string tag(const GumboNode* node);
  // Elements whose class attribute contains `cls` as a word.
  std::vector<const GumboNode*> by_class(const std::string& cls) const;
  const GumboNode* root() const { return output_->root; }

  static std::string attr(const GumboNode* node, const std::string& name);
  static std::string text(const GumboNode* node);  // all text inside, whitespace collapsed
  // The text of the first such element of the document `html`, or "" if it has none.
  static std::string first_text(const std::string& html, const std::string& tag,
                                const std::string& attribute = "", const std::string& value = "");
  // Elements inside `node` with this tag name (every element for ""), in document order.
  static std::vector<const GumboNode*> descendants(const GumboNode* node, const std::string& tag);

 private:
  std::string text_;
  GumboOutput* output_;
};

}  // namespace khabar::test
