// The text readers read in an article, as the search index keeps it and its snippets
// quote it (docs/search.md).
#pragma once

#include <string>
#include <string_view>

namespace khabar::search {

// The text of an HTML fragment as a browser shows it: tags dropped, character references
// decoded (numeric ones and amp, lt, gt, quot, apos, nbsp: what the sanitiser and the
// Markdown renderer write), each block (paragraph, heading, list item, caption, table
// cell, line break) on a line of its own, every other run of white space one space.
// Scripts, styles, templates and comments are no text. A single pass over the bytes, no
// tree (an import indexes every body: a parser cost as much again as the import), so it
// is linear in the input whatever its nesting. Thread-safe.
std::string html_text(std::string_view html);

// An article's body as text: of its HTML when it has some (imports), else of its Markdown
// as readers see it rendered.
std::string body_text(std::string_view markdown, std::string_view html);

// Whether `standfirst` is only the opening of `text` (the excerpt the editor and the
// WordPress importer make from a body when none is written, maybe with "…" after it),
// compared by letters and digits alone: such a standfirst says nothing the body does not,
// so the index leaves it out.
bool repeats_opening(std::string_view standfirst, std::string_view text);

}  // namespace khabar::search
