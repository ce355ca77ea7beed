#include <doctest/doctest.h>

#include <string_view>

#include "parsers/detect.h"
#include "parsers/registry.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

const Parser& Py() { return PythonLogParser(); }

std::string_view VariantName(const Header& h) { return Py().Variants()[h.variant]; }

// 2019-09-17 05:04:03.691 UTC in microseconds.
constexpr int64_t kT = (1568696652LL - 9) * 1'000'000 + 691'000;

TEST_CASE("python: variants") {
  CHECK(Py().Name() == "python");
  REQUIRE(Py().Variants().size() == 4);
  CHECK(Py().Variants()[0] == "module");
  CHECK(Py().Variants()[1] == "space");
  CHECK(Py().Variants()[2] == "dash");
  CHECK(Py().Variants()[3] == "bare");
}

TEST_CASE("python: module") {
  std::string_view line =
      "2019-09-17 05:04:03,691 -connection:connection.py-L608-WARNING: Connection dropped: "
      "outstanding heartbeat ping not received";
  Header h;
  Miss miss;
  REQUIRE(Py().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "module");
  CHECK(h.local == kT);
  CHECK(h.precision == 3);
  CHECK_FALSE(h.has_offset);
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "connection");
  CHECK(h.thread == "");
  CHECK(h.myid == -1);
  CHECK(h.code_line == 608);
  CHECK(h.message == "Connection dropped: outstanding heartbeat ping not received");
}

TEST_CASE("python: space") {
  std::string_view line =
      "2019-09-17 05:04:03,691 WARNING kazoo.client Connection dropped: socket connection broken";
  Header h;
  Miss miss;
  REQUIRE(Py().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "space");
  CHECK(h.local == kT);
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "kazoo.client");
  CHECK(h.code_line == -1);
  CHECK(h.message == "Connection dropped: socket connection broken");
}

TEST_CASE("python: ASAB's structured data is not message") {
  // public-layouts/asab-kazoo-dmony.log (TeskaLabs/asab#685)
  Header h;
  Miss miss;
  REQUIRE(
      Py().ParseHeader("02-Jun-2025 14:18:49.699882 WARNING asab.zookeeper.container [sd "
                       "state=\"SUSPENDED\"] ZooKeeper connection state changed.",
                       &h, &miss));
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "asab.zookeeper.container");
  CHECK(h.message == "ZooKeeper connection state changed.");
  // A message that merely starts with a bracket keeps it.
  REQUIRE(
      Py().ParseHeader("02-Jun-2025 14:18:49.699882 INFO kazoo.client [frontend] x", &h, &miss));
  CHECK(h.message == "[frontend] x");
}

TEST_CASE("python: lines of log4j layouts are not Python's") {
  Header h;
  Miss miss;
  // Apache Atlas: "%d %-5p - [%t:%x] ~ %m" (sburn/docker-apache-atlas#38): "-" is no logger.
  CHECK_FALSE(
      Py().ParseHeader("2022-08-04 15:52:57,452 ERROR - [main:] ~ [KafkaServer id=1] Fatal "
                       "error during KafkaServer startup. Prepare to shutdown "
                       "(MarkerIgnoringBase:159)",
                       &h, &miss));
  // "%d %p %c.%M %L: %m" (Intel-bigdata/SSM#964): a line number after the dotted name.
  CHECK_FALSE(
      Py().ParseHeader("2017-08-18 18:55:39,264 INFO org.apache.zeppelin.socket."
                       "NotebookServer.onMessage 177: messagereceived.op = PING",
                       &h, &miss));
  // A number in a kazoo message after an undotted name stays a Python line.
  REQUIRE(Py().ParseHeader("2019-09-17 05:04:03,691 INFO root 3: retries left", &h, &miss));
  CHECK(h.logger == "root");
  CHECK(h.message == "3: retries left");
  // A capitalised word after the level begins the message of a "time level message" layout
  // (supervisord's), not a logger.
  CHECK_FALSE(Py().ParseHeader("2019-09-17 05:04:03,691 INFO Starting up", &h, &miss));
  CHECK_FALSE(Py().ParseHeader("2019-09-17 05:04:03,691 ERROR Failed: bind", &h, &miss));
  REQUIRE(Py().ParseHeader("2019-09-17 05:04:03,691 INFO kazoo.client Starting", &h, &miss));
  CHECK(h.logger == "kazoo.client");
}

TEST_CASE("python: space with a padded level") {
  Header h;
  Miss miss;
  REQUIRE(Py().ParseHeader("2019-09-17 05:04:03,691 INFO     kazoo.client Connecting", &h, &miss));
  CHECK(h.level == Level::kInfo);
  CHECK(h.logger == "kazoo.client");
  CHECK(h.message == "Connecting");
}

TEST_CASE("python: space with a message-less line") {
  Header h;
  Miss miss;
  REQUIRE(Py().ParseHeader("2019-09-17 05:04:03,691 INFO kazoo.client", &h, &miss));
  CHECK(VariantName(h) == "space");
  CHECK(h.logger == "kazoo.client");
  CHECK(h.message == "");
}

TEST_CASE("python: dash") {
  std::string_view line =
      "2019-09-17 05:04:03,691 - kazoo.client - INFO - Zookeeper connection lost";
  Header h;
  Miss miss;
  REQUIRE(Py().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "dash");
  CHECK(h.local == kT);
  CHECK(h.level == Level::kInfo);
  CHECK(h.logger == "kazoo.client");
  CHECK(h.message == "Zookeeper connection lost");
}

TEST_CASE("python: bare has no time") {
  std::string_view line =
      "WARNING:kazoo.client:Connection dropped: outstanding heartbeat ping not received";
  Header h;
  h.local = 12345;
  h.code_line = 3;
  Miss miss;
  REQUIRE(Py().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "bare");
  CHECK(h.local == kNoInstant);
  CHECK_FALSE(h.has_offset);
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "kazoo.client");
  CHECK(h.code_line == -1);
  CHECK(h.message == "Connection dropped: outstanding heartbeat ping not received");
}

TEST_CASE("python: level names") {
  struct Row {
    std::string_view line;
    Level level;
    std::string_view logger, message;
  };
  const Row rows[] = {
      {"DEBUG:__main__:starting", Level::kDebug, "__main__", "starting"},
      {"INFO:root:", Level::kInfo, "root", ""},
      {"ERROR:my-monitor:boom: x", Level::kError, "my-monitor", "boom: x"},
      {"CRITICAL:kazoo.client:lost", Level::kFatal, "kazoo.client", "lost"},
      {"2019-09-17 05:04:03,691 - kazoo.client - CRITICAL - gone", Level::kFatal, "kazoo.client",
       "gone"},
      {"2019-09-17 05:04:03,691 - kazoo.client - ERROR", Level::kError, "kazoo.client", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    REQUIRE(Py().ParseHeader(row.line, &h, &miss));
    CHECK(LevelName(h.level) == LevelName(row.level));
    CHECK(h.logger == row.logger);
    CHECK(h.message == row.message);
  }
}

TEST_CASE("python: custom datefmt and Patroni") {
  Header h;
  Miss miss;
  REQUIRE(Py().ParseHeader("02-Jun-2025 14:18:49.699192 WARNING kazoo.client Connection dropped: x",
                           &h, &miss));
  CHECK(h.local == CivilToMicros(2025, 6, 2, 14, 18, 49, 699192));
  CHECK(h.precision == 6);
  REQUIRE(
      Py().ParseHeader("2024-01-01 10:00:00 INFO kazoo.client: Connecting to zk1:2181", &h, &miss));
  CHECK(h.precision == 0);
  CHECK(h.logger == "kazoo.client");
  CHECK(h.message == "Connecting to zk1:2181");
  REQUIRE(
      Py().ParseHeader("2024-01-01 10:00:00,123 ERROR: failed to update leader lock", &h, &miss));
  CHECK(h.logger.empty());
  CHECK(h.level == Level::kError);
  CHECK(h.message == "failed to update leader lock");
  CHECK_FALSE(Py().ParseHeader("32-Jun-2025 14:18:49 WARNING x y", &h, &miss));
  CHECK_FALSE(Py().ParseHeader("02-Jux-2025 14:18:49 WARNING x y", &h, &miss));
  // A Hadoop line now reads as "name: message" too, but Hadoop is earlier in the registry: per-line
  // detection and equal file scores give it to Hadoop.
  std::string_view hadoop =
      "2019-09-17 05:04:03,691 INFO org.apache.hadoop.ha.ActiveStandbyElector: x";
  CHECK(Py().ParseHeader(hadoop, &h, &miss));
  CHECK(DetectLine(hadoop, &h) == &HadoopLogParser());
}

TEST_CASE("python: rejections") {
  struct Row {
    std::string_view line;
    int column;
    std::string_view why;
  };
  const Row rows[] = {
      {"Traceback (most recent call last):", 0, "expected a Python level name or a timestamp"},
      {"WARN:kazoo.client:x", 0, "expected a Python level name or a timestamp"},
      {"INFO kazoo.client x", 4, "expected ':'"},
      {"INFO::x", 5, "expected 'name:' after the level"},
      {"  File \"x.py\", line 3, in f", 0, "no asctime timestamp"},
      {"2019-09-17 05:04:03,691", 23, "expected ' -', ' - ' or ' LEVEL' after the time"},
      // log4j's WARN and FATAL are not Python level names.
      {"2019-09-17 05:04:03,691 WARN kazoo.client x", 24, "expected a Python level name"},
      // The logger runs into something other than ' ' or ': '.
      {"2019-09-17 05:04:03,691 INFO kazoo.client;x", 41,
       "expected ' ' or ': ' after the logger name"},
      // ZooKeeper without [myid:].
      {"2015-07-29 17:41:44,747 - INFO  [main:Foo@1] - m", 30, "expected 'name - '"},
      {"2019-09-17 05:04:03,691 - kazoo.client - VERBOSE - x", 41, "expected a Python level name"},
      {"2019-09-17 05:04:03,691 -connection:connection.py-L-WARNING: x", 51,
       "expected '<lineno>-' after '-L'"},
      {"2019-09-17 05:04:03,691 -connection:connection.py-L608-WARN: x", 55,
       "expected a Python level name"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    CHECK_FALSE(Py().ParseHeader(row.line, &h, &miss));
    CHECK(miss.column == row.column);
    CHECK(std::string_view(miss.why) == row.why);
  }
}

TEST_CASE("python: a padded Java logger before ' - ' is log4j's, not Python's") {
  // Flink's "%-5p %-60c %x - %m%n" (testdata/parsers/public-layouts/flink-compose.log)
  Header h;
  Miss miss;
  CHECK_FALSE(
      PythonLogParser().ParseHeader("2019-06-19 06:43:17,334 INFO  org.apache.zookeeper.ZooKeeper  "
                                    "- Client environment:os.name=Linux",
                                    &h, &miss));
  REQUIRE(PythonLogParser().ParseHeader("2019-06-19 06:43:17,334 INFO kazoo.client - a dash", &h,
                                        &miss));
  CHECK(h.message == "- a dash");
}

TEST_CASE("python: uvicorn's level prefix padded to nine, no logger") {
  // public-layouts/uvicorn-colour-remnants-reload.log (tortoise/tortoise-orm#869), its colour
  // codes cut by the paste marks.
  Header h;
  Miss miss;
  REQUIRE(PythonLogParser().ParseHeader("INFO:     Started server process [428]", &h, &miss));
  CHECK(h.level == Level::kInfo);
  CHECK(h.logger.empty());
  CHECK(h.message == "Started server process [428]");
  REQUIRE(PythonLogParser().ParseHeader("WARNING:  Invalid HTTP request received.", &h, &miss));
  CHECK(h.level == Level::kWarn);
  CHECK(h.message == "Invalid HTTP request received.");
  // Not padded to nine: no uvicorn prefix, and no "name:" either.
  CHECK_FALSE(PythonLogParser().ParseHeader("INFO: Started server process [428]", &h, &miss));
}

}  // namespace
}  // namespace faultline
