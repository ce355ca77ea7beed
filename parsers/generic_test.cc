#include <doctest/doctest.h>

#include <string_view>

#include "parsers/registry.h"

namespace faultline {
namespace {

const Parser& Generic() { return GenericLogParser(); }

constexpr int64_t kSecond = 1'000'000;
// 2019-09-17 05:04:12 UTC in microseconds.
constexpr int64_t kT = 1568696652LL * kSecond;

TEST_CASE("generic: name and variant") {
  CHECK(Generic().Name() == "generic");
  REQUIRE(Generic().Variants().size() == 1);
  CHECK(Generic().Variants()[0] == "timestamp");
}

TEST_CASE("generic: GC log line with zone") {
  std::string_view line =
      "2019-09-17T05:04:12.618+0000: 12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]";
  Header h;
  Miss miss;
  REQUIRE(Generic().ParseHeader(line, &h, &miss));
  CHECK(h.variant == 0);
  CHECK(h.local == kT + 618'000);
  CHECK(h.precision == 3);
  CHECK(h.has_offset);
  CHECK(h.utc_offset_us == 0);
  CHECK(h.level == Level::kUnknown);
  CHECK(h.logger == "");
  CHECK(h.thread == "");
  CHECK(h.myid == -1);
  CHECK(h.code_line == -1);
  CHECK(h.message == "12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]");
}

TEST_CASE("generic: layouts") {
  struct Row {
    std::string_view line;
    int64_t local;
    int precision;
    bool has_offset;
    int64_t offset;
    Level level;
    std::string_view message;
  };
  const Row rows[] = {
      {"[2019-09-17 05:04:12.618] ERROR something broke", kT + 618'000, 3, false, 0, Level::kError,
       "something broke"},
      {"2019/09/17 05:04:12 INFO started", kT, 0, false, 0, Level::kInfo, "started"},
      // HashiCorp's hclog without a name (hashicorp/vault#6898): the bracketed level is taken.
      {"2019-06-17T15:12:09.312-0500 [WARN]  storage migration check error: error=\"zk: invalid "
       "path\"",
       1560784329LL * kSecond + 312'000, 3, true, -5 * 3600 * kSecond, Level::kWarn,
       "storage migration check error: error=\"zk: invalid path\""},
      {"2019-09-17T05:04:12.123456789+02:00 | WARN thing", kT + 123'456, 6, true,
       2 * 3600 * kSecond, Level::kWarn, "| WARN thing"},
      {"2019-09-17 05:04:12 -0530 [main] worker-1 SEVERE x", kT, 0, true,
       -(5 * 3600 + 30 * 60) * kSecond, Level::kError, "[main] worker-1 SEVERE x"},
      {"2019-09-17 05:04:12\tWarning: disk 91% full", kT, 0, false, 0, Level::kWarn,
       "disk 91% full"},
      {"2019-09-17T05:04:12Z", kT, 0, true, 0, Level::kUnknown, ""},
      {"2019-09-17 05:04:12: a b c ERROR", kT, 0, false, 0, Level::kUnknown, "a b c ERROR"},
      {"2019-09-17 05:04:12 information only", kT, 0, false, 0, Level::kUnknown,
       "information only"},
      {"2019-09-17 05:04:12,5 critical", kT + 500'000, 1, false, 0, Level::kFatal, "critical"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    REQUIRE(Generic().ParseHeader(row.line, &h, &miss));
    CHECK(h.local == row.local);
    CHECK(h.precision == row.precision);
    CHECK(h.has_offset == row.has_offset);
    if (row.has_offset) CHECK(h.utc_offset_us == row.offset);
    CHECK(LevelName(h.level) == LevelName(row.level));
    CHECK(h.message == row.message);
  }
}

TEST_CASE("generic: rejections") {
  struct Row {
    std::string_view line;
    int column;
    std::string_view why;
  };
  const Row rows[] = {
      {"hello world", 0, "no timestamp at line start"},
      {"", 0, "no timestamp at line start"},
      {"[2019-13-01 00:00:00] x", 6, "no timestamp at line start"},
      {"2019-09-17T05:04:12abc", 19, "timestamp runs into other text"},
      {"2019-09-17 05:04:12,043-connection:connection.py-L608-WARNING: x", 23,
       "timestamp runs into other text"},
      {"WARNING:kazoo.client:Connection dropped", 0, "no timestamp at line start"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    CHECK_FALSE(Generic().ParseHeader(row.line, &h, &miss));
    CHECK(miss.column == row.column);
    CHECK(std::string_view(miss.why) == row.why);
  }
}

TEST_CASE("generic: dates of other shapes") {
  Header h;
  Miss miss;
  // node-zookeeper's own lines (yfinkelstein/node-zookeeper#80): JavaScript's toUTCString().
  REQUIRE(Generic().ParseHeader("Thu, 31 Jan 2013 12:00:54 GMT, Zookeeper Connecting", &h, &miss));
  CHECK(h.local == 1359633654LL * kSecond);
  CHECK(h.has_offset);
  CHECK(h.message == "Zookeeper Connecting");
  // Druid's bin/supervise (apache/druid#7923): ctime() in brackets.
  REQUIRE(Generic().ParseHeader(
      "[Wed Feb 27 12:46:13 2019] Running command[zk], logging to[/apache-druid-0.14.2-incubating/"
      "var/sv/zk.log]: bin/run-zk quickstart/tutorial/conf",
      &h, &miss));
  CHECK(h.local == 1551271573LL * kSecond);
  CHECK(h.message.starts_with("Running command[zk]"));
  // A capitalised level before its colon (Azure IoT Edge modules, MicrosoftDocs/azure-docs
  // azure-stack-edge-gpu-connect-powershell-interface.md): the level, not the message.
  REQUIRE(Generic().ParseHeader("05/14/2020 19:46:45: Info: Open done.", &h, &miss));
  CHECK(h.level == Level::kInfo);
  CHECK(h.message == "Open done.");
  // Capitalised without the colon it is the message's first word (made-up line).
  REQUIRE(Generic().ParseHeader("2020-05-14 19:46:45 Error connecting to x", &h, &miss));
  CHECK(h.message == "Error connecting to x");
  // A bare time of day is not a generic header: prose has them too.
  CHECK_FALSE(Generic().ParseHeader("14:18:28.577 [error] Connect fail", &h, &miss));
}

}  // namespace
}  // namespace faultline
