#include <doctest/doctest.h>

#include <string_view>

#include "parsers/registry.h"

namespace faultline {
namespace {

const Parser& Hadoop() { return HadoopLogParser(); }

std::string_view VariantName(const Header& h) { return Hadoop().Variants()[h.variant]; }

constexpr int64_t k20190917T050412 = 1568696652;

TEST_CASE("hadoop: variants") {
  CHECK(Hadoop().Name() == "hadoop");
  REQUIRE(Hadoop().Variants().size() == 4);
  CHECK(Hadoop().Variants()[0] == "plain");
  CHECK(Hadoop().Variants()[1] == "thread");
  CHECK(Hadoop().Variants()[2] == "location");
  CHECK(Hadoop().Variants()[3] == "console");
}

TEST_CASE("hadoop: plain %d %p %c: %m") {
  std::string_view line =
      "2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: Got a "
      "fatal error, exiting now";
  Header h;
  h.myid = 4;
  h.code_line = 5;
  h.thread = "stale";
  Miss miss;
  REQUIRE(Hadoop().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "plain");
  CHECK(h.local == k20190917T050412 * 1'000'000 + 618'000);
  CHECK(h.precision == 3);
  CHECK_FALSE(h.has_offset);
  CHECK(h.level == Level::kFatal);
  CHECK(h.logger == "org.apache.hadoop.hdfs.tools.DFSZKFailoverController");
  CHECK(h.thread == "");
  CHECK(h.myid == -1);
  CHECK(h.code_line == -1);
  CHECK(h.message == "Got a fatal error, exiting now");
}

TEST_CASE("hadoop: plain with padded level and inner colons") {
  std::string_view line =
      "2019-09-17 05:04:12,618 INFO  org.apache.hadoop.ha.ZKFailoverController: Trying to make "
      "NameNode at nn1/10.0.0.1:8020 active...";
  Header h;
  Miss miss;
  REQUIRE(Hadoop().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "plain");
  CHECK(h.level == Level::kInfo);
  CHECK(h.logger == "org.apache.hadoop.ha.ZKFailoverController");
  CHECK(h.message == "Trying to make NameNode at nn1/10.0.0.1:8020 active...");
}

TEST_CASE("hadoop: empty message") {
  Header h;
  Miss miss;
  REQUIRE(Hadoop().ParseHeader("2019-09-17 05:04:12,618 INFO org.apache.Foo:", &h, &miss));
  CHECK(h.logger == "org.apache.Foo");
  CHECK(h.message == "");
}

TEST_CASE("hadoop: thread %d %p [%t] %c: %m") {
  struct Row {
    std::string_view line, thread, logger, message;
  };
  const Row rows[] = {
      {"2019-09-17 05:04:10,102 INFO [main-EventThread] org.apache.hadoop.ha.ActiveStandbyElector: "
       "Session disconnected. Entering neutral mode...",
       "main-EventThread", "org.apache.hadoop.ha.ActiveStandbyElector",
       "Session disconnected. Entering neutral mode..."},
      {"2019-09-17 05:04:10,102 WARN [IPC Server handler 3 on 8020] "
       "org.apache.hadoop.ipc.Server: IPC Server handler 3 on 8020, call Call#5",
       "IPC Server handler 3 on 8020", "org.apache.hadoop.ipc.Server",
       "IPC Server handler 3 on 8020, call Call#5"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    REQUIRE(Hadoop().ParseHeader(row.line, &h, &miss));
    CHECK(VariantName(h) == "thread");
    CHECK(h.thread == row.thread);
    CHECK(h.logger == row.logger);
    CHECK(h.message == row.message);
    CHECK(h.code_line == -1);
  }
}

TEST_CASE("hadoop: location %d %-5p %c{2} (%F:%M(%L)) - %m") {
  std::string_view line =
      "2019-09-17 05:04:09,007 WARN  ha.HealthMonitor (HealthMonitor.java:doHealthChecks(211)) - "
      "Transport-level exception trying to monitor health of NameNode at nn1/10.0.0.1:8020";
  Header h;
  Miss miss;
  REQUIRE(Hadoop().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "location");
  CHECK(h.local == (k20190917T050412 - 3) * 1'000'000 + 7'000);
  CHECK(h.level == Level::kWarn);
  CHECK(h.logger == "ha.HealthMonitor");
  CHECK(h.thread == "");
  CHECK(h.code_line == 211);
  CHECK(h.message ==
        "Transport-level exception trying to monitor health of NameNode at nn1/10.0.0.1:8020");
}

TEST_CASE("hadoop: location with inner class and unknown line") {
  struct Row {
    std::string_view line, logger;
    int code_line;
    std::string_view message;
  };
  const Row rows[] = {
      {"2019-09-17 05:04:09,007 INFO  ha.ActiveStandbyElector$WatcherWithClientRef "
       "(ActiveStandbyElector.java:process(1178)) - x",
       "ha.ActiveStandbyElector$WatcherWithClientRef", 1178, "x"},
      {"2019-09-17 05:04:09,007 INFO  ha.ZKFailoverController (ZKFailoverController.java:run(?)) "
       "- y",
       "ha.ZKFailoverController", -1, "y"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    REQUIRE(Hadoop().ParseHeader(row.line, &h, &miss));
    CHECK(VariantName(h) == "location");
    CHECK(h.logger == row.logger);
    CHECK(h.code_line == row.code_line);
    CHECK(h.message == row.message);
  }
}

TEST_CASE("hadoop: rejections") {
  struct Row {
    std::string_view line;
    int column;
    std::string_view why;
  };
  const Row rows[] = {
      // Python logging's "space" layout: a logger and no colon.
      {"2019-09-17 05:04:03,691 INFO kazoo.client Connecting to zk1:2181", 41,
       "expected ': ' or ' (File:method(line)) - ' after the logger"},
      // ZooKeeper.
      {"2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Foo@1] - m", 24,
       "expected a log4j level (INFO, WARN, ...)"},
      {"2019-09-17 05:04:03,691 WARNING kazoo.client Connection dropped", 24,
       "expected a log4j level (INFO, WARN, ...)"},
      {"WARNING:kazoo.client:Connection dropped", 0, "no ISO8601 timestamp"},
      {"2019-09-17 05:04:03,691 INFO", 28, "expected ' ' after the level"},
      {"2019-09-17 05:04:03,691 INFO [main-EventThread", 29, "unclosed [thread]"},
      {"2019-09-17 05:04:03,691 INFO : nothing", 29, "expected a Java logger name"},
      {"2019-09-17 05:04:03,691 INFO ha.HealthMonitor (HealthMonitor.java:run(1)) x", 45,
       "no ') - ' after (File:method(line)"},
      // A location after a thread is not one of the layouts.
      {"2019-09-17 05:04:03,691 INFO [main] ha.HealthMonitor (HealthMonitor.java:run(1)) - x", 52,
       "expected ': ' or ' (File:method(line)) - ' after the logger"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    CHECK_FALSE(Hadoop().ParseHeader(row.line, &h, &miss));
    CHECK(miss.column == row.column);
    CHECK(std::string_view(miss.why) == row.why);
  }
}

}  // namespace
}  // namespace faultline
