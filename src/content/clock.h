// Where the time comes from. The store stamps rows with it and the newsroom's operations
// decide with it, so tests move time by moving a clock, not by writing SQL, and one
// operation reads it once so that every column it writes carries the same instant.
#pragma once

#include <atomic>

#include "content/model.h"

namespace khabar::content {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;  // Unix seconds
};

// The system's wall clock.
const Clock& system_clock();

// A clock that stands still until it is set or moved on (tests). Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp at) : at_(at) {}
  Timestamp now() const override { return at_.load(); }
  void set(Timestamp at) { at_.store(at); }
  void advance(Timestamp seconds) { at_.fetch_add(seconds); }

 private:
  std::atomic<Timestamp> at_;
};

}  // namespace khabar::content
