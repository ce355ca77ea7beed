#include "src/time/clock.h"

#include <date/tz.h>
#include <doctest/doctest.h>

#include <string>

#include "parsers/timestamp.h"
#include "src/base/record.h"

namespace faultline {
namespace {

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kHour = 3600 * kSecond;

// Wall-clock microseconds of a civil time, as the parsers produce them.
int64_t Local(int year, unsigned month, unsigned day, int hour, int minute, int second = 0) {
  return CivilToMicros(year, month, day, hour, minute, second, 0);
}

const date::time_zone* Zone(const char* name) { return date::locate_zone(name); }

TEST_CASE("clock: UTC is the identity") {
  SourceClock clock(nullptr, 0);
  for (int64_t local : {int64_t{0}, Local(2019, 9, 17, 5, 4, 12) + 43'000, int64_t{-1},
                        Local(2021, 3, 14, 2, 30), Local(2021, 11, 7, 1, 30)}) {
    CAPTURE(local);
    uint16_t flags = 0;
    CHECK(clock.ToUtc(local, &flags) == local);
    CHECK(flags == 0);
  }
}

TEST_CASE("clock: Asia/Shanghai is UTC+8") {
  SourceClock clock(Zone("Asia/Shanghai"), 0);
  uint16_t flags = 0;
  CHECK(clock.ToUtc(Local(2019, 9, 17, 13, 4, 12) + 43'000, &flags) ==
        Local(2019, 9, 17, 5, 4, 12) + 43'000);
  // Across midnight, and again from the cache.
  CHECK(clock.ToUtc(Local(2019, 9, 18, 3, 0), &flags) == Local(2019, 9, 17, 19, 0));
  CHECK(clock.ToUtc(Local(2019, 9, 17, 13, 4, 12), &flags) == Local(2019, 9, 17, 5, 4, 12));
  CHECK(clock.ToUtc(Local(2019, 1, 1, 0, 0), &flags) == Local(2018, 12, 31, 16, 0));
  CHECK(flags == 0);
}

TEST_CASE("clock: skew") {
  SUBCASE("UTC") {
    SourceClock clock(nullptr, 1'500'000);
    uint16_t flags = 0;
    CHECK(clock.ToUtc(Local(2019, 9, 17, 5, 4, 12), &flags) ==
          Local(2019, 9, 17, 5, 4, 13) + 500'000);
  }
  SUBCASE("with a zone") {
    SourceClock clock(Zone("Asia/Shanghai"), -350'000);
    uint16_t flags = 0;
    CHECK(clock.ToUtc(Local(2019, 9, 17, 13, 4, 12), &flags) ==
          Local(2019, 9, 17, 5, 4, 12) - 350'000);
    CHECK(clock.ToUtc(Local(2019, 9, 17, 13, 4, 13), &flags) ==
          Local(2019, 9, 17, 5, 4, 13) - 350'000);
  }
  SUBCASE("with an explicit offset") {
    SourceClock clock(Zone("Asia/Shanghai"), 2 * kSecond);
    CHECK(clock.WithOffset(Local(2019, 9, 17, 7, 4, 12), 2 * kHour) ==
          Local(2019, 9, 17, 5, 4, 14));
    CHECK(clock.WithOffset(Local(2019, 9, 17, 0, 4, 12), -5 * kHour) ==
          Local(2019, 9, 17, 5, 4, 14));
  }
}

TEST_CASE("clock: spring-forward gap") {
  SourceClock clock(Zone("America/New_York"), 0);
  uint16_t flags = 0;
  // 2021-03-14 02:30 does not exist in New York: taken with EST (-5), i.e. 03:30 EDT.
  CHECK(clock.ToUtc(Local(2021, 3, 14, 2, 30), &flags) == Local(2021, 3, 14, 7, 30));
  CHECK(flags == kDstGap);
  flags = 0;
  CHECK(clock.ToUtc(Local(2021, 3, 14, 1, 59, 59), &flags) == Local(2021, 3, 14, 6, 59, 59));
  CHECK(flags == 0);
  CHECK(clock.ToUtc(Local(2021, 3, 14, 3, 0), &flags) == Local(2021, 3, 14, 7, 0));
  CHECK(flags == 0);
}

TEST_CASE("clock: fall-back overlap") {
  SUBCASE("first occurrence by default") {
    SourceClock clock(Zone("America/New_York"), 0);
    uint16_t flags = 0;
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 30), &flags) == Local(2021, 11, 7, 5, 30));
    CHECK(flags == kDstAmbiguous);
  }
  SUBCASE("going backwards inside the overlap picks the second occurrence") {
    SourceClock clock(Zone("America/New_York"), 0);
    uint16_t flags = 0;
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 50), &flags) == Local(2021, 11, 7, 5, 50));
    CHECK(flags == kDstAmbiguous);
    flags = 0;
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 10), &flags) == Local(2021, 11, 7, 6, 10));
    CHECK(flags == kDstAmbiguous);
    flags = 0;
    // Stays on standard time once chosen.
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 40), &flags) == Local(2021, 11, 7, 6, 40));
    CHECK(flags == kDstAmbiguous);
    flags = 0;
    CHECK(clock.ToUtc(Local(2021, 11, 7, 2, 10), &flags) == Local(2021, 11, 7, 7, 10));
    CHECK(flags == 0);
  }
  SUBCASE("a log running through the night stays in order") {
    SourceClock clock(Zone("America/New_York"), 0);
    struct Step {
      int hour, minute;
      int64_t utc;
      uint16_t flags;
    };
    const Step steps[] = {
        {0, 30, Local(2021, 11, 7, 4, 30), 0},
        {1, 10, Local(2021, 11, 7, 5, 10), kDstAmbiguous},
        {1, 50, Local(2021, 11, 7, 5, 50), kDstAmbiguous},
        {1, 5, Local(2021, 11, 7, 6, 5), kDstAmbiguous},
        {1, 55, Local(2021, 11, 7, 6, 55), kDstAmbiguous},
        {2, 5, Local(2021, 11, 7, 7, 5), 0},
    };
    int64_t previous = INT64_MIN;
    for (const Step& step : steps) {
      CAPTURE(step.hour);
      CAPTURE(step.minute);
      uint16_t flags = 0;
      int64_t utc = clock.ToUtc(Local(2021, 11, 7, step.hour, step.minute), &flags);
      CHECK(utc == step.utc);
      CHECK(flags == step.flags);
      CHECK(utc > previous);
      previous = utc;
    }
  }
  SUBCASE("a fresh overlap after leaving it starts on the first occurrence again") {
    SourceClock clock(Zone("America/New_York"), 0);
    uint16_t flags = 0;
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 50), &flags) == Local(2021, 11, 7, 5, 50));
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 10), &flags) == Local(2021, 11, 7, 6, 10));
    CHECK(clock.ToUtc(Local(2021, 11, 6, 12, 0), &flags) == Local(2021, 11, 6, 16, 0));
    CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 20), &flags) == Local(2021, 11, 7, 5, 20));
  }
}

TEST_CASE("clock: cached interval does not hide a transition") {
  SourceClock clock(Zone("America/New_York"), 0);
  uint16_t flags = 0;
  CHECK(clock.ToUtc(Local(2021, 7, 1, 12, 0), &flags) == Local(2021, 7, 1, 16, 0));
  CHECK(clock.ToUtc(Local(2021, 7, 2, 12, 0), &flags) == Local(2021, 7, 2, 16, 0));
  CHECK(flags == 0);
  CHECK(clock.ToUtc(Local(2021, 11, 7, 1, 30), &flags) == Local(2021, 11, 7, 5, 30));
  CHECK(flags == kDstAmbiguous);
  flags = 0;
  CHECK(clock.ToUtc(Local(2021, 7, 1, 12, 0), &flags) == Local(2021, 7, 1, 16, 0));
  CHECK(clock.ToUtc(Local(2021, 3, 14, 2, 30), &flags) == Local(2021, 3, 14, 7, 30));
  CHECK(flags == kDstGap);
  flags = 0;
  CHECK(clock.ToUtc(Local(2021, 12, 25, 12, 0), &flags) == Local(2021, 12, 25, 17, 0));
  CHECK(clock.ToUtc(Local(2021, 11, 8, 1, 30), &flags) == Local(2021, 11, 8, 6, 30));
  CHECK(flags == 0);
}

TEST_CASE("clock: ClockSettings zones and skews") {
  ClockSettings settings;
  std::string err;
  CHECK(settings.ZoneNameFor("") == "UTC");
  REQUIRE(settings.AddZone("Asia/Shanghai", &err));
  REQUIRE(settings.AddZone("nn1=America/New_York", &err));
  REQUIRE(settings.AddZone("zk3=UTC", &err));
  REQUIRE(settings.AddSkew("nn1=+1.5s", &err));
  REQUIRE(settings.AddSkew("zk1=-350ms", &err));
  CHECK(err == "");
  CHECK(settings.ZoneNameFor("") == "Asia/Shanghai");
  CHECK(settings.ZoneNameFor("zk1") == "Asia/Shanghai");
  CHECK(settings.ZoneNameFor("nn1") == "America/New_York");
  CHECK(settings.ZoneNameFor("zk3") == "UTC");

  const int64_t local = Local(2019, 9, 17, 13, 4, 12);
  uint16_t flags = 0;
  CHECK(settings.ClockFor("").ToUtc(local, &flags) == local - 8 * kHour);
  CHECK(settings.ClockFor("zk1").ToUtc(local, &flags) == local - 8 * kHour - 350'000);
  CHECK(settings.ClockFor("nn1").ToUtc(local, &flags) == local + 4 * kHour + 1'500'000);
  CHECK(settings.ClockFor("zk3").ToUtc(local, &flags) == local);
  CHECK(flags == 0);

  // A later default replaces the earlier one; a later host entry replaces its own.
  REQUIRE(settings.AddZone("utc", &err));
  REQUIRE(settings.AddSkew("zk1=2s", &err));
  CHECK(settings.ZoneNameFor("") == "UTC");
  CHECK(settings.ClockFor("zk1").ToUtc(local, &flags) == local + 2 * kSecond);
  CHECK(settings.ZoneNameFor("nn1") == "America/New_York");
}

TEST_CASE("clock: ClockSettings errors") {
  struct Row {
    std::string spec, err;
  };
  const Row zones[] = {
      {"Mars/Olympus_Mons",
       "unknown time zone 'Mars/Olympus_Mons' (use an IANA name such as Europe/Berlin or UTC)"},
      {"nn1=Nowhere/City",
       "unknown time zone 'Nowhere/City' (use an IANA name such as Europe/Berlin or UTC)"},
      {"=UTC", "--tz '=UTC': empty host before '='"},
      {"nn1=", "unknown time zone '' (use an IANA name such as Europe/Berlin or UTC)"},
  };
  for (const Row& row : zones) {
    CAPTURE(row.spec);
    ClockSettings settings;
    std::string err;
    CHECK_FALSE(settings.AddZone(row.spec, &err));
    CHECK(err == row.err);
    CHECK(settings.ZoneNameFor("nn1") == "UTC");
  }
  const Row skews[] = {
      {"nn1", "--skew 'nn1': expected HOST=±DURATION, e.g. nn1=+1.5s"},
      {"+1.5s", "--skew '+1.5s': expected HOST=±DURATION, e.g. nn1=+1.5s"},
      {"=1s", "--skew '=1s': expected HOST=±DURATION, e.g. nn1=+1.5s"},
      {"nn1=soon",
       "--skew 'nn1=soon': bad duration 'soon': expected a number then a unit (500ms, 30s, 5m, "
       "2h)"},
      {"nn1=", "--skew 'nn1=': empty duration"},
      {"nn1=5parsecs",
       "--skew 'nn1=5parsecs': bad duration '5parsecs': unknown unit 'parsecs' (use us, ms, s, "
       "m, h or d)"},
  };
  for (const Row& row : skews) {
    CAPTURE(row.spec);
    ClockSettings settings;
    std::string err;
    CHECK_FALSE(settings.AddSkew(row.spec, &err));
    CHECK(err == row.err);
    uint16_t flags = 0;
    CHECK(settings.ClockFor("nn1").ToUtc(0, &flags) == 0);
  }
}

}  // namespace
}  // namespace faultline
