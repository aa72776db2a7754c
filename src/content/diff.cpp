#include "content/diff.h"

namespace khabar::content {
namespace {

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = end + 1;
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

std::vector<DiffLine> line_diff(std::string_view before, std::string_view after) {
  auto a = lines_of(before), b = lines_of(after);
  std::vector<DiffLine> out;
  if (a.size() > 2000 || b.size() > 2000) {
    for (auto& l : a) out.push_back({DiffLine::Kind::Removed, std::move(l)});
    for (auto& l : b) out.push_back({DiffLine::Kind::Added, std::move(l)});
    return out;
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      out.push_back({DiffLine::Kind::Same, a[i]});
      ++i, ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push_back({DiffLine::Kind::Removed, a[i++]});
    } else {
      out.push_back({DiffLine::Kind::Added, b[j++]});
    }
  }
  while (i < a.size()) out.push_back({DiffLine::Kind::Removed, a[i++]});
  while (j < b.size()) out.push_back({DiffLine::Kind::Added, b[j++]});
  return out;
}

}  // namespace khabar::content
