#include "parsers/timestamp.h"

#include <doctest/doctest.h>

#include <string_view>

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;
// 2019-09-17 05:04:12 UTC in microseconds, computed independently.
constexpr int64_t kT = 1568696652LL * kSecond;

TEST_CASE("timestamp: CivilToMicros") {
  CHECK(CivilToMicros(1970, 1, 1, 0, 0, 0, 0) == 0);
  CHECK(CivilToMicros(2019, 9, 17, 5, 4, 12, 43'000) == kT + 43'000);
  CHECK(CivilToMicros(1969, 12, 31, 23, 59, 59, 0) == -kSecond);
  // Alternating dates must not be served from a stale cached day.
  CHECK(CivilToMicros(2019, 9, 18, 5, 4, 12, 0) == kT + 86'400 * kSecond);
  CHECK(CivilToMicros(2019, 9, 17, 5, 4, 12, 0) == kT);
  CHECK(CivilToMicros(2020, 2, 29, 0, 0, 0, 0) == 1582934400LL * kSecond);
  CHECK(CivilToMicros(2019, 9, 17, 5, 4, 12, 0) == kT);
}

TEST_CASE("timestamp: ScanLog4jTime accepts") {
  struct Row {
    std::string_view text;
    int64_t local;
    size_t length;
    int precision;
  };
  const Row rows[] = {
      {"2019-09-17 05:04:12,043 [myid:1]", kT + 43'000, 23, 3},
      {"2019-09-17 05:04:12.043", kT + 43'000, 23, 3},
      {"2019-09-17 05:04:12,043123 x", kT + 43'123, 26, 6},
      {"2019-09-17 05:04:12,1234567", kT + 123'456, 26, 6},
      {"2019-09-17 05:04:12,5", kT + 500'000, 21, 1},
      {"2019-09-17 05:04:12", kT, 19, 0},
      {"2019-09-17 05:04:12, x", kT, 19, 0},
      {"2019-09-17 05:04:12Z", kT, 19, 0},
      {"2019-09-17 00:00:00,000", kT - (5 * 3600 + 4 * 60 + 12) * kSecond, 23, 3},
      {"2019-09-17 23:59:59,999", kT + (18 * 3600 + 55 * 60 + 47) * kSecond + 999'000, 23, 3},
      // A leap second folds into the next minute.
      {"2016-12-31 23:59:60", 1483228800LL * kSecond, 19, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    ScannedTime t;
    int column = -1;
    REQUIRE(ScanLog4jTime(row.text, &t, &column));
    CHECK(t.local == row.local);
    CHECK(t.length == row.length);
    CHECK(t.precision == row.precision);
    CHECK_FALSE(t.has_offset);
  }
}

TEST_CASE("timestamp: ScanLog4jTime rejects with a column") {
  struct Row {
    std::string_view text;
    int column;
  };
  const Row rows[] = {
      {"", 0},
      {"x019-09-17 05:04:12", 0},
      {"2019/09/17 05:04:12", 4},
      {"2019-13-17 05:04:12", 5},
      {"2019-00-17 05:04:12", 5},
      {"2019-02-30 05:04:12", 8},
      {"2019-04-31 05:04:12", 8},
      {"2019-9-17 05:04:12", 5},
      {"2019-09/17 05:04:12", 7},
      {"2019-09-32 05:04:12", 8},
      {"2019-09-00 05:04:12", 8},
      {"2019-09-17T05:04:12", 10},
      {"2019-09-17", 10},
      {"2019-09-17 24:00:00", 11},
      {"2019-09-17 05-04:12", 13},
      {"2019-09-17 05:60:12", 14},
      {"2019-09-17 05:04", 16},
      {"2019-09-17 05:04-12", 16},
      {"2019-09-17 05:04:61", 17},
      {"2019-09-17 05:04:1", 17},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    ScannedTime t;
    int column = -1;
    CHECK_FALSE(ScanLog4jTime(row.text, &t, &column));
    CHECK(column == row.column);
  }
}

TEST_CASE("timestamp: consecutive lines sharing a minute") {
  // Lines of one log mostly share their minute; alternating minutes, days and failures must
  // never be answered from the previous line.
  struct Row {
    std::string_view text;
    bool ok;
    int64_t local;  // when ok
    int column;     // when not
  };
  const Row rows[] = {
      {"2019-09-17 05:04:12,043", true, kT + 43'000, 0},
      {"2019-09-17 05:04:59,999", true, kT + 47 * kSecond + 999'000, 0},
      {"2019-09-17 05:04:00", true, kT - 12 * kSecond, 0},
      {"2019-09-17 05:04:1x,000", false, 0, 17},
      {"2019-09-17 05:04:61,000", false, 0, 17},
      {"2019-09-17 05:04-12,000", false, 0, 16},
      {"2019-09-17 05:04", false, 0, 16},
      {"2019-09-17T05:04:12,000", false, 0, 10},
      {"2019-09-17 05:05:00,000", true, kT + 48 * kSecond, 0},
      {"2019-09-17 05:04:12,043", true, kT + 43'000, 0},
      {"2019-09-18 05:04:12,043", true, kT + 86'400 * kSecond + 43'000, 0},
      {"2019-09-17 06:04:12", true, kT + 3600 * kSecond, 0},
      {"2019-09-17 05:04:12,043123", true, kT + 43'123, 0},
      {"1969-12-31 23:59:59,500", true, -500'000, 0},
      {"1969-12-31 23:59:58", true, -2 * kSecond, 0},
      {"2019-09-17 05:04:12", true, kT, 0},
      // With text after the time, as in a log line: the word-at-a-time test of ":SS,mmm?".
      {"2019-09-17 05:04:12,043 - INFO", true, kT + 43'000, 0},
      {"2019-09-17 05:04:12.043 - INFO", true, kT + 43'000, 0},
      {"2019-09-17 05:04:59,999 [main]", true, kT + 47 * kSecond + 999'000, 0},
      {"2019-09-17 05:04:12,0431 x", true, kT + 43'100, 0},
      {"2019-09-17 05:04:12;043 x", true, kT, 0},
      {"2019-09-17 05:04:12,04x x", true, kT + 40'000, 0},
      {"2019-09-17 05:04:1x,000 - INFO", false, 0, 17},
      {"2019-09-17 05:04:61,000 - INFO", false, 0, 17},
      {"2019-09-17 05:04/12,000 - INFO", false, 0, 16},
  };
  for (int round = 0; round < 2; ++round) {
    for (const Row& row : rows) {
      CAPTURE(round);
      CAPTURE(row.text);
      ScannedTime t;
      int column = -1;
      REQUIRE(ScanLog4jTime(row.text, &t, &column) == row.ok);
      if (row.ok) {
        CHECK(t.local == row.local);
      } else {
        CHECK(column == row.column);
      }
    }
  }
}

TEST_CASE("timestamp: ScanAnyIsoTime") {
  struct Row {
    std::string_view text;
    int64_t local;
    size_t length;
    int precision;
    bool has_offset;
    int64_t offset;
  };
  const Row rows[] = {
      {"2019-09-17T05:04:12", kT, 19, 0, false, 0},
      {"2019-09-17T05:04:12Z", kT, 20, 0, true, 0},
      {"2019-09-17T05:04:12.618Z x", kT + 618'000, 24, 3, true, 0},
      {"2019-09-17T05:04:12+02:00", kT, 25, 0, true, 2 * 3600 * kSecond},
      {"2019-09-17T05:04:12-05:30", kT, 25, 0, true, -(5 * 3600 + 30 * 60) * kSecond},
      {"2019-09-17T05:04:12.618+0000: 1.0", kT + 618'000, 28, 3, true, 0},
      {"2019-09-17T05:04:12+0545", kT, 24, 0, true, (5 * 3600 + 45 * 60) * kSecond},
      {"2019-09-17T05:04:12+02 x", kT, 22, 0, true, 2 * 3600 * kSecond},
      {"2019-09-17 05:04:12 +0200 x", kT, 25, 0, true, 2 * 3600 * kSecond},
      {"2019-09-17T05:04:12.123456789Z", kT + 123'456, 30, 6, true, 0},
      {"2019-09-17 05:04:12,043123", kT + 43'123, 26, 6, false, 0},
      {"[2019-09-17 05:04:12.618] x", kT + 618'000, 25, 3, false, 0},
      {"[2019-09-17 05:04:12.618 x", kT + 618'000, 24, 3, false, 0},
      {"2019/09/17 05:04:12", kT, 19, 0, false, 0},
      // A dash after the time that is not an offset is left alone.
      {"2019-09-17 05:04:12 - x", kT, 19, 0, false, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    ScannedTime t;
    int column = -1;
    REQUIRE(ScanAnyIsoTime(row.text, &t, &column));
    CHECK(t.local == row.local);
    CHECK(t.length == row.length);
    CHECK(t.precision == row.precision);
    CHECK(t.has_offset == row.has_offset);
    if (row.has_offset) CHECK(t.offset_us == row.offset);
  }
}

TEST_CASE("timestamp: ScanAnyIsoTime rejects with a column") {
  struct Row {
    std::string_view text;
    int column;
  };
  const Row rows[] = {
      {"hello", 0},
      {"[2019-13-01 00:00:00]", 6},
      {"2019/09-17 05:04:12", 7},
      {"2019-09-17X05:04:12", 10},
      {"[2019-09-17 05:04]", 17},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    ScannedTime t;
    int column = -1;
    CHECK_FALSE(ScanAnyIsoTime(row.text, &t, &column));
    CHECK(column == row.column);
  }
}

TEST_CASE("timestamp: ParseUserTime") {
  struct Row {
    std::string_view text;
    int64_t utc;
  };
  const Row rows[] = {
      {"2019-09-17", kT - (5 * 3600 + 4 * 60 + 12) * kSecond},
      {"2019-09-17 05:04:12", kT},
      {"2019-09-17 05:04:12.123", kT + 123'000},
      {"2019-09-17 05:04:12,123456", kT + 123'456},
      {"2019-09-17T05:04:12", kT},
      {"2019-09-17T05:04:12Z", kT},
      {"2019-09-17T07:04:12+02:00", kT},
      {"2019-09-17T00:04:12-05:00", kT},
      {"2019-09-17 07:04:12 +0200", kT},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    int64_t utc = 0;
    REQUIRE(ParseUserTime(row.text, &utc));
    CHECK(utc == row.utc);
  }
  const std::string_view bad[] = {
      "",           "yesterday",   "2019-09-17 05:04", "2019-09-17 05:04:12 junk",
      "2019-13-01", "2019-09-17x", "05:04:12",         "2019-09-17T05:04:12Zx",
  };
  for (std::string_view text : bad) {
    CAPTURE(text);
    int64_t utc = 0;
    CHECK_FALSE(ParseUserTime(text, &utc));
  }
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("timestamp: ScanShortDateTime") {
  ScannedTime t;
  int column = -1;
  REQUIRE(ScanShortDateTime("15/12/05 15:08:06 WARN x", &t, &column));
  CHECK(t.local == CivilToMicros(2015, 12, 5, 15, 8, 6, 0));
  CHECK(t.length == 17);
  CHECK(t.precision == 0);
  REQUIRE(ScanShortDateTime("99/01/02 03:04:05,678", &t, &column));
  CHECK(t.local == CivilToMicros(1999, 1, 2, 3, 4, 5, 678'000));
  CHECK(t.precision == 3);
  CHECK_FALSE(ScanShortDateTime("15/13/05 15:08:06", &t, &column));
  CHECK(column == 3);
  CHECK_FALSE(ScanShortDateTime("15/02/30 15:08:06", &t, &column));
  CHECK(column == 6);
  CHECK_FALSE(ScanShortDateTime("2015-12-05 15:08:06", &t, &column));
  CHECK(column == 2);
  CHECK_FALSE(ScanShortDateTime("15/12/05T15:08:06", &t, &column));
  CHECK(column == 8);
}

}  // namespace
}  // namespace faultline
