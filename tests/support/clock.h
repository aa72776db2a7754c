// The wall clock as the server sees it: Unix seconds.
#pragma once

#include <chrono>
#include <cstdint>

namespace khabar::test {

inline std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace khabar::test
