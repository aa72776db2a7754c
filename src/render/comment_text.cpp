#include "render/comment_text.h"

#include "render/escape.h"

namespace khabar::render {
namespace {

// Where a URL starting at `start` ends: at whitespace or '<' '>' '"', minus trailing
// punctuation that usually ends a sentence rather than the URL.
std::size_t url_end(std::string_view text, std::size_t start) {
  std::size_t end = start;
  while (end < text.size()) {
    char c = text[end];
    if (c == ' ' || c == '\n' || c == '\t' || c == '<' || c == '>' || c == '"') break;
    ++end;
  }
  while (end > start) {
    char c = text[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
        c == '\'')
      --end;
    else
      break;
  }
  return end;
}

bool starts_url(std::string_view text, std::size_t i) {
  return text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0;
}

// One line of text with its URLs linked.
void append_line(std::string& out, std::string_view line) {
  std::size_t i = 0, plain = 0;
  while (i < line.size()) {
    bool boundary = i == 0 || line[i - 1] == ' ' || line[i - 1] == '(' || line[i - 1] == '\t';
    if (boundary && starts_url(line, i)) {
      std::size_t end = url_end(line, i);
      std::size_t scheme_end = line.find("://", i) + 3;
      if (end > scheme_end) {
        out += escape_html(line.substr(plain, i - plain));
        std::string url = escape_html(line.substr(i, end - i));
        out += "<a href=\"" + url + "\" rel=\"nofollow ugc noopener\">" + url + "</a>";
        i = plain = end;
        continue;
      }
    }
    ++i;
  }
  out += escape_html(line.substr(plain));
}

}  // namespace

std::string comment_to_html(std::string_view text) {
  std::string out = "<p>";
  std::size_t start = 0;
  int blank_run = 0;
  bool line_in_paragraph = false;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (blank) {
      ++blank_run;
      continue;
    }
    if (line_in_paragraph) out += blank_run > 0 ? "</p>\n<p>" : "<br>\n";
    blank_run = 0;
    append_line(out, line);
    line_in_paragraph = true;
  }
  return out + "</p>";
}

}  // namespace khabar::render
