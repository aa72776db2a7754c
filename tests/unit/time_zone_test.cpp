// The site's time zone: tzdata rules, wall times typed in the editor, offsets printed.
#include "content/time_zone.h"

#include <gtest/gtest.h>

#include "content/dates.h"

namespace khabar::content {
namespace {

TEST(TimeZone, KabulIsFourAndAHalfHoursAhead) {
  auto kabul = TimeZone::named("Asia/Kabul");
  ASSERT_TRUE(kabul);
  EXPECT_EQ(kabul->name(), "Asia/Kabul");
  // 2026-11-27 14:44:00 UTC = 19:14 in Kabul.
  EXPECT_EQ(kabul->offset_at(1795790640), 16200);
  LocalTime t = kabul->local(1795790640);
  EXPECT_EQ(format_local_time(t), "2026-11-27T19:14");
  EXPECT_EQ(kabul->to_utc(t), 1795790640);
  EXPECT_EQ(content::iso8601(1795790640, 16200), "2026-11-27T19:14:00+04:30");
  EXPECT_EQ(content::iso8601(1795790640), "2026-11-27T14:44:00Z");
}

TEST(TimeZone, LondonFollowsDaylightSaving) {
  auto london = TimeZone::named("Europe/London");
  ASSERT_TRUE(london);
  // 2026-07-01 12:00 UTC is 13:00 BST; 2026-01-01 12:00 UTC is 12:00 GMT.
  EXPECT_EQ(london->offset_at(1782907200), 3600);
  EXPECT_EQ(london->offset_at(1767268800), 0);
  EXPECT_EQ(london->to_utc(*parse_local_time("2026-07-01T13:00")), 1782907200);
  // 2026-03-29 01:30 does not exist in London (clocks go 01:00 -> 02:00): read with the
  // offset before the jump, i.e. as 01:30 GMT.
  EXPECT_EQ(london->to_utc(*parse_local_time("2026-03-29T01:30")), 1774747800);
  // 2026-10-25 01:30 happens twice: the first (BST) one.
  EXPECT_EQ(london->to_utc(*parse_local_time("2026-10-25T01:30")), 1792888200);
}

TEST(TimeZone, UnknownNamesAreRefusedAndUtcIsTheDefault) {
  EXPECT_FALSE(TimeZone::named("Mars/Olympus"));
  EXPECT_FALSE(TimeZone::named("../../etc/passwd"));
  EXPECT_FALSE(TimeZone::named(""));
  EXPECT_TRUE(TimeZone::named("UTC"));
  TimeZone utc;
  EXPECT_EQ(utc.offset_at(1795790640), 0);
  EXPECT_EQ(format_local_time(utc.local(1795790640)), "2026-11-27T14:44");
}

TEST(TimeZone, ParsesDatetimeLocalValues) {
  auto t = parse_local_time("2026-11-27T09:05");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->year, 2026);
  EXPECT_EQ(t->hour, 9);
  EXPECT_EQ(t->minute, 5);
  EXPECT_TRUE(parse_local_time("2026-11-27 09:05:30"));
  for (const char* bad :
       {"", "2026-11-27", "2026-13-01T00:00", "2026-02-30T10:00", "2026-11-27T24:00",
        "2026-11-27T10:60", "20x6-11-27T10:00", "2026-11-27T10:00Z", "1969-12-31T23:59"})
    EXPECT_FALSE(parse_local_time(bad)) << bad;
  EXPECT_EQ(format_offset(-18000), "-05:00");
  EXPECT_EQ(format_offset(19800), "+05:30");
}

}  // namespace
}  // namespace khabar::content
