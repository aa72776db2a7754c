#include "content/time_zone.h"

#include <date/tz.h>

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace khabar::content {
namespace {

const date::time_zone* zone_of(const void* p) { return static_cast<const date::time_zone*>(p); }

date::sys_seconds sys(Timestamp t) { return date::sys_seconds{std::chrono::seconds{t}}; }

bool days_in_month_ok(const LocalTime& t) {
  auto ymd = date::year{t.year} / date::month{static_cast<unsigned>(t.month)} /
             date::day{static_cast<unsigned>(t.day)};
  return ymd.ok();
}

}  // namespace

std::optional<TimeZone> TimeZone::named(std::string_view name) {
  if (name == "UTC" || name == "Etc/UTC") return TimeZone{};
  try {
    TimeZone z;
    z.zone_ = date::locate_zone(name);
    z.name_ = std::string(name);
    return z;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int TimeZone::offset_at(Timestamp utc) const {
  if (!zone_) return 0;
  return static_cast<int>(zone_of(zone_)->get_info(sys(utc)).offset.count());
}

LocalTime TimeZone::local(Timestamp utc) const {
  auto seconds = std::chrono::seconds{utc + offset_at(utc)};
  auto days = date::floor<date::days>(seconds);
  date::year_month_day ymd{date::sys_days{days}};
  date::hh_mm_ss hms{seconds - days};
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()),
          static_cast<int>(hms.seconds().count())};
}

Timestamp TimeZone::to_utc(const LocalTime& t) const {
  auto days = date::local_days{date::year{t.year} / date::month{static_cast<unsigned>(t.month)} /
                               date::day{static_cast<unsigned>(t.day)}};
  auto wall = days + std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} +
              std::chrono::seconds{t.second};
  Timestamp local = wall.time_since_epoch().count();
  if (!zone_) return local;
  auto info = zone_of(zone_)->get_info(wall);
  // unique and ambiguous: `first` is the (first) offset in force; nonexistent: `first` is
  // the offset before the gap.
  return local - info.first.offset.count();
}

std::optional<LocalTime> parse_local_time(std::string_view text) {
  // YYYY-MM-DDTHH:MM[:SS]; a space instead of the T is accepted too.
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  auto number = [&](std::size_t at, std::size_t len, int& out) {
    auto* first = text.data() + at;
    auto [end, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc() && end == first + len;
  };
  LocalTime t;
  bool ok = number(0, 4, t.year) && text[4] == '-' && number(5, 2, t.month) && text[7] == '-' &&
            number(8, 2, t.day) && (text[10] == 'T' || text[10] == ' ') && number(11, 2, t.hour) &&
            text[13] == ':' && number(14, 2, t.minute);
  if (ok && text.size() == 19) ok = text[16] == ':' && number(17, 2, t.second);
  if (!ok || t.year < 1970 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 ||
      t.hour > 23 || t.minute > 59 || t.second > 59 || !days_in_month_ok(t))
    return std::nullopt;
  return t;
}

std::string format_local_time(const LocalTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute);
  return buf;
}

std::string format_offset(int seconds) {
  char sign = seconds < 0 ? '-' : '+';
  int a = seconds < 0 ? -seconds : seconds;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, a / 3600, a / 60 % 60);
  return buf;
}

}  // namespace khabar::content
