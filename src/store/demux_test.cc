#include "src/store/demux.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/registry.h"
#include "src/store/test_lines.h"

namespace faultline {
namespace {

std::string Zk(std::string_view t, std::string_view m) { return testing::ZkLine(t, m); }
std::string Hadoop(std::string_view t, std::string_view m) { return testing::HadoopLine(t, m); }
std::string Py(std::string_view t, std::string_view m) { return testing::PythonLine(t, m); }
using testing::VectorInput;

constexpr int64_t kWindow = 2'000'000;

using Numbered = std::vector<std::pair<int64_t, std::string>>;

// Reads a segment's spool back.
Numbered Contents(Segment* segment) {
  Numbered out;
  REQUIRE(segment->input != nullptr);
  std::string_view line;
  int64_t number = 0;
  while (segment->input->Next(&line, &number)) out.emplace_back(number, std::string(line));
  return out;
}

TEST_CASE("demux: interleaved formats split into segments") {
  std::vector<std::string> lines = {
      Zk("10:00:00,000", "zk 1"),
      Hadoop("10:00:00,100", "h 1"),
      "java.net.ConnectException: Connection refused",
      "\tat org.apache.zookeeper.ClientCnxn.run(ClientCnxn.java:1)",
      Py("10:00:00,200", "py 1"),
      "Traceback (most recent call last):",
      Zk("10:00:00,300", "zk 2"),
      "WARNING:kazoo.client:bare",
      Hadoop("10:00:00,400", "h 2"),
  };
  VectorInput input(lines);
  DemuxResult result = Demultiplex(&input, kWindow);
  CHECK(result.error == "");
  REQUIRE(result.segments.size() == 3);

  Segment& zk = result.segments[0];
  CHECK(zk.parser == &ZooKeeperLogParser());
  CHECK(zk.service == "");
  CHECK(zk.ordinal == 1);
  CHECK(zk.lines == 2);
  CHECK(Contents(&zk) == Numbered{{1, lines[0]}, {7, lines[6]}});

  Segment& hadoop = result.segments[1];
  CHECK(hadoop.parser == &HadoopLogParser());
  CHECK(hadoop.ordinal == 2);
  CHECK(hadoop.lines == 4);
  CHECK(Contents(&hadoop) == Numbered{{2, lines[1]}, {3, lines[2]}, {4, lines[3]}, {9, lines[8]}});

  Segment& py = result.segments[2];
  CHECK(py.parser == &PythonLogParser());
  CHECK(py.ordinal == 3);
  CHECK(py.lines == 3);
  CHECK(Contents(&py) == Numbered{{5, lines[4]}, {6, lines[5]}, {8, lines[7]}});
}

TEST_CASE("demux: journalctl's header names the year of the syslog lines after it") {
  VectorInput input(
      {"-- Logs begin at Mon 2020-01-06 10:00:00 UTC, end at Sat 2020-02-29 "
       "12:00:00 UTC. --",
       "Feb 29 10:11:13 zk1 systemd[1]: zookeeper.service: Main process exited"});
  DemuxResult result = Demultiplex(&input, kWindow);
  REQUIRE(result.journal_year.has_value());
  CHECK(result.journal_year->year == 2020);
  CHECK(result.journal_year->month == 2);
  VectorInput plain({Zk("10:00:00,000", "zk 1")});
  CHECK_FALSE(Demultiplex(&plain, kWindow).journal_year.has_value());
}

TEST_CASE("demux: cat zk1 zk2 gives two zookeeper segments") {
  std::vector<std::string> lines = {
      Zk("10:00:00,000", "zk1 a"),
      Zk("10:00:05,000", "zk1 b"),
      Zk("10:00:10,000", "zk1 c"),
      // The second file starts earlier than the first ended, by more than the window.
      Zk("09:59:00,000", "zk2 a"),
      "\tat frame.of(zk2.java:1)",
      Zk("09:59:30,000", "zk2 b"),
  };
  VectorInput input(lines);
  DemuxResult result = Demultiplex(&input, kWindow);
  REQUIRE(result.segments.size() == 2);
  CHECK(result.segments[0].parser == &ZooKeeperLogParser());
  CHECK(result.segments[1].parser == &ZooKeeperLogParser());
  CHECK(result.segments[0].ordinal == 1);
  CHECK(result.segments[1].ordinal == 2);
  CHECK(Contents(&result.segments[0]) == Numbered{{1, lines[0]}, {2, lines[1]}, {3, lines[2]}});
  CHECK(Contents(&result.segments[1]) == Numbered{{4, lines[3]}, {5, lines[4]}, {6, lines[5]}});
}

TEST_CASE("demux: going back within the window stays in one segment") {
  std::vector<std::string> lines = {Zk("10:00:10,000", "a"), Zk("10:00:08,500", "b"),
                                    Zk("10:00:08,000", "c"), Zk("10:00:11,000", "d")};
  VectorInput input(lines);
  DemuxResult result = Demultiplex(&input, kWindow);
  REQUIRE(result.segments.size() == 1);
  CHECK(result.segments[0].lines == 4);
}

TEST_CASE("demux: a third file starts a third segment") {
  std::vector<std::string> lines = {Zk("10:00:10,000", "a"), Zk("09:00:00,000", "b"),
                                    Zk("09:00:01,000", "c"), Zk("08:00:00,000", "d")};
  VectorInput input(lines);
  DemuxResult result = Demultiplex(&input, kWindow);
  REQUIRE(result.segments.size() == 3);
  CHECK(Contents(&result.segments[0]) == Numbered{{1, lines[0]}});
  CHECK(Contents(&result.segments[1]) == Numbered{{2, lines[1]}, {3, lines[2]}});
  CHECK(Contents(&result.segments[2]) == Numbered{{4, lines[3]}});
}

TEST_CASE("demux: compose prefixes are keyed by service") {
  std::vector<std::string> lines = {
      "zk1  | " + Zk("10:00:00,000", "from zk1"),
      "zk2  | " + Zk("10:00:00,001", "from zk2"),
      "zk1  | java.io.EOFException",
      "zk2  | \tat frame(zk2.java:1)",
      "zk1  | " + Zk("10:00:01,000", "zk1 again"),
      "nn1  | " + Hadoop("10:00:00,500", "from nn1"),
  };
  VectorInput input(lines);
  DemuxResult result = Demultiplex(&input, kWindow);
  REQUIRE(result.segments.size() == 3);
  CHECK(result.segments[0].service == "zk1");
  CHECK(result.segments[0].parser == &ZooKeeperLogParser());
  CHECK(result.segments[1].service == "zk2");
  CHECK(result.segments[1].parser == &ZooKeeperLogParser());
  CHECK(result.segments[2].service == "nn1");
  CHECK(result.segments[2].parser == &HadoopLogParser());
  CHECK(Contents(&result.segments[0]) == Numbered{{1, Zk("10:00:00,000", "from zk1")},
                                                  {3, "java.io.EOFException"},
                                                  {5, Zk("10:00:01,000", "zk1 again")}});
  CHECK(Contents(&result.segments[1]) ==
        Numbered{{2, Zk("10:00:00,001", "from zk2")}, {4, "\tat frame(zk2.java:1)"}});
  CHECK(Contents(&result.segments[2]) == Numbered{{6, Hadoop("10:00:00,500", "from nn1")}});
}

TEST_CASE("demux: lines nothing recognises") {
  std::vector<std::string> lines = {
      "some banner text",
      "\tat orphan.frame(X.java:1)",
      "2019-09-17T10:00:00.000+0000: 1.0: [GC pause]",
      "more text after the gc line",
      "   2019-09-17 10:00:00,500 [myid:1] - INFO  [main:Foo@1] - indented",
  };
  VectorInput input(lines);
  DemuxResult result = Demultiplex(&input, kWindow);
  REQUIRE(result.segments.size() == 3);
  CHECK(result.segments[0].parser == nullptr);
  CHECK(Contents(&result.segments[0]) == Numbered{{1, lines[0]}, {2, lines[1]}});
  CHECK(result.segments[1].parser == &GenericLogParser());
  CHECK(Contents(&result.segments[1]) == Numbered{{3, lines[2]}, {4, lines[3]}});
  CHECK(result.segments[2].parser == &ZooKeeperLogParser());
  CHECK(Contents(&result.segments[2]) ==
        Numbered{{5, "2019-09-17 10:00:00,500 [myid:1] - INFO  [main:Foo@1] - indented"}});
}

TEST_CASE("demux: read error is passed on") {
  VectorInput input({Zk("10:00:00,000", "a")}, "Input/output error");
  DemuxResult result = Demultiplex(&input, kWindow);
  CHECK(result.error == "Input/output error");
  REQUIRE(result.segments.size() == 1);
  CHECK(result.segments[0].lines == 1);
}

TEST_CASE("demux: empty input") {
  VectorInput input({});
  DemuxResult result = Demultiplex(&input, kWindow);
  CHECK(result.error == "");
  CHECK(result.segments.empty());
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("demux: docker compose logs --timestamps") {
  VectorInput input(
      {"zk1  | 2019-09-17T05:04:12.000000001Z " + testing::ZkLine("05:04:12,000", "a"),
       "zk1  | 2019-09-17T05:04:12.000000002Z java.io.EOFException",
       "zk1  | 2019-09-17T05:04:12.000000003Z \tat org.Foo.bar(Foo.java:1)",
       "mon  | 2019-09-17T05:04:12.5Z " + testing::PythonLine("05:04:12,500", "b"),
       "zk1  | 2019-09-17T05:04:13.0Z WARN  [main:QuorumPeer@1] - no time"});
  DemuxResult result = Demultiplex(&input, 2'000'000);
  REQUIRE(result.segments.size() == 2);
  CHECK(result.segments[0].service == "zk1");
  CHECK(result.segments[0].parser == &ZooKeeperLogParser());
  CHECK(result.segments[0].lines == 4);
  CHECK(result.segments[1].service == "mon");
  CHECK(result.segments[1].parser == &PythonLogParser());
  Numbered zk = Contents(&result.segments[0]);
  CHECK(zk[2].second == "2019-09-17T05:04:12.000000003Z \tat org.Foo.bar(Foo.java:1)");
}

}  // namespace
}  // namespace faultline
