// Time stamps in the forms the site prints. All times are UTC until the site time
// zone setting lands (the accounts/settings issue).
#pragma once

#include <cstdint>
#include <string>

namespace khabar::render {

struct CivilDate {
  int year, month, day, hour, minute, second, weekday;  // weekday: 0 = Sunday
};

CivilDate civil_from_unix(std::int64_t seconds);
std::string iso8601(std::int64_t seconds);    // 2026-11-27T14:44:00Z (HTML <time>, JSON-LD)
std::string rfc822(std::int64_t seconds);     // Fri, 27 Nov 2026 14:44:00 +0000 (RSS)
std::string http_date(std::int64_t seconds);  // Fri, 27 Nov 2026 14:44:00 GMT

}  // namespace khabar::render
