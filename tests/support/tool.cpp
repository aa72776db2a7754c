#include "support/tool.h"

#include <array>
#include <cstdio>
#include <stdexcept>

namespace khabar::test {

ToolRun run_tool(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  ToolRun r;
  std::array<char, 4096> chunk;
  while (std::size_t n = fread(chunk.data(), 1, chunk.size(), pipe))
    r.output.append(chunk.data(), n);
  r.status = pclose(pipe);
  return r;
}

}  // namespace khabar::test
