// Line diffs for the revision list: which lines one text removes and adds against another.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khabar::content {

struct DiffLine {
  enum class Kind { Same, Removed, Added } kind;
  std::string text;
};

// The lines of `before` and `after` as a shortest edit (longest common subsequence).
// Texts of more than 2,000 lines each are compared as whole blocks (all removed, all added).
std::vector<DiffLine> line_diff(std::string_view before, std::string_view after);

}  // namespace khabar::content
