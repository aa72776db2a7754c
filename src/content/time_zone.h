// The newsroom's time zone: IANA rules (tzdata) for turning Unix seconds into the wall
// time people read and back. Copies are cheap (a pointer into the loaded rules); every
// method is thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/model.h"

namespace khabar::content {

// A wall-clock time without a zone: what a reporter types into "publish at".
struct LocalTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

class TimeZone {
 public:
  TimeZone() = default;  // UTC
  // A zone by its IANA name ("Asia/Kabul", "Europe/London", "UTC"); nothing if unknown.
  static std::optional<TimeZone> named(std::string_view name);

  const std::string& name() const { return name_; }
  // Seconds east of UTC in force at `utc` (Asia/Kabul: 16200).
  int offset_at(Timestamp utc) const;
  // The wall time at `utc`.
  LocalTime local(Timestamp utc) const;
  // The instant of a wall time. A time skipped by a daylight-saving jump is read with the
  // offset before the jump (so 02:30 on a spring-forward night becomes 03:30); a time that
  // happens twice is the first of the two.
  Timestamp to_utc(const LocalTime& t) const;

 private:
  const void* zone_ = nullptr;  // date::time_zone; null = UTC
  std::string name_ = "UTC";
};

// "2026-11-27T14:05" (an HTML datetime-local value; seconds optional) -> LocalTime.
std::optional<LocalTime> parse_local_time(std::string_view text);
// LocalTime -> "2026-11-27T14:05" (for a datetime-local input).
std::string format_local_time(const LocalTime& t);
// Seconds east of UTC as "+04:30" / "-05:00" / "+00:00".
std::string format_offset(int seconds);

}  // namespace khabar::content
