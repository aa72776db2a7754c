// A shell command run to its end, for the tools tests check our output with (a feed
// parser, an XML parser, exiftool): its standard output and exit status.
#pragma once

#include <string>

namespace khabar::test {

struct ToolRun {
  int status = -1;  // as pclose() gives it: 0 for success
  std::string output;
};

ToolRun run_tool(const std::string& command);

}  // namespace khabar::test
