#include "content/dates.h"

#include <cstdio>

namespace khabar::content {
namespace {

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string rfc_form(std::int64_t seconds, const char* zone) {
  CivilDate d = civil_from_unix(seconds);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %s", kDays[d.weekday], d.day,
                kMonths[d.month - 1], d.year, d.hour, d.minute, d.second, zone);
  return buf;
}

}  // namespace

CivilDate civil_from_unix(std::int64_t seconds) {
  // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
  std::int64_t days = seconds / 86400, rem = seconds % 86400;
  if (rem < 0) rem += 86400, --days;
  CivilDate d{};
  d.weekday = static_cast<int>((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday
  std::int64_t z = days + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  d.hour = static_cast<int>(rem / 3600);
  d.minute = static_cast<int>(rem / 60 % 60);
  d.second = static_cast<int>(rem % 60);
  return d;
}

std::string iso8601(std::int64_t seconds, int offset) {
  CivilDate d = civil_from_unix(seconds + offset);
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                        d.hour, d.minute, d.second);
  if (offset == 0) {
    buf[n] = 'Z';
    return std::string(buf, n + 1);
  }
  int a = offset < 0 ? -offset : offset;
  std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 3600,
                a / 60 % 60);
  return buf;
}

std::string rfc822(std::int64_t seconds) { return rfc_form(seconds, "+0000"); }
std::string http_date(std::int64_t seconds) { return rfc_form(seconds, "GMT"); }

}  // namespace khabar::content
