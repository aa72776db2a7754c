// The text of the demo site (demo_data.cpp). Internal to app/.
#pragma once

#include <vector>

namespace khabar::app::demo {

struct DemoCategory {
  const char* name;
  const char* slug;
  const char* parent_path;
  const char* description;
};
struct DemoAuthor {
  const char* login;
  const char* name;
  const char* slug;
  const char* bio;
};
struct DemoStory {
  const char* category_path;
  const char* author_login;
  const char* co_author_login;  // nullptr: single byline
  const char* title;
  const char* summary;  // first paragraph; facts specific to the story
  const char* quote;    // a quotation for the body
  const char* quoted;   // who said it
  const char* source;   // source line
  const char* tags;     // comma separated
};
struct DemoPashtoStory {
  const char* category_path;
  const char* slug;
  const char* title;
  const char* body;  // Markdown
  const char* source;
  const char* tags;
};

const std::vector<DemoCategory>& categories();
const std::vector<DemoAuthor>& authors();
const std::vector<DemoStory>& stories();
const std::vector<DemoPashtoStory>& pashto_stories();
// Follow-up paragraphs per top category path, used to round out story bodies.
const char* background(const char* category_path, int variant);
extern const char* const kAboutPage;

}  // namespace khabar::app::demo
