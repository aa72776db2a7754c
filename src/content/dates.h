// Time stamps in the forms Khabar prints (pages, feeds, HTTP headers). Stored times are
// UTC; pages show them in the site's time zone (content/time_zone.h gives the offset),
// feeds and HTTP in UTC.
#pragma once

#include <cstdint>
#include <string>

namespace khabar::content {

struct CivilDate {
  int year, month, day, hour, minute, second, weekday;  // weekday: 0 = Sunday
};

CivilDate civil_from_unix(std::int64_t seconds);
// 2026-11-27T14:44:00Z, or with `offset` seconds east of UTC the local time with its
// offset: 2026-11-27T19:14:00+04:30 (HTML <time>, JSON-LD, Open Graph).
std::string iso8601(std::int64_t seconds, int offset = 0);
std::string rfc822(std::int64_t seconds);     // Fri, 27 Nov 2026 14:44:00 +0000 (RSS)
std::string http_date(std::int64_t seconds);  // Fri, 27 Nov 2026 14:44:00 GMT

}  // namespace khabar::content
