#include "src/store/parsed_source.h"

#include <date/tz.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/pattern_parser.h"
#include "parsers/registry.h"
#include "parsers/timestamp.h"
#include "src/base/test_temp_dir.h"
#include "src/store/own_myid.h"
#include "src/store/test_lines.h"

namespace faultline {
namespace {

std::string Zk(std::string_view t, std::string_view m) { return testing::ZkLine(t, m, 3, 12); }
using testing::VectorInput;

constexpr int64_t kSecond = 1'000'000;
// 2019-09-17 00:00:00 UTC in microseconds.
constexpr int64_t kDay = (1568696652LL - (5 * 3600 + 4 * 60 + 12)) * kSecond;

int64_t At(int hour, int minute, int second, int millis = 0) {
  return kDay + (hour * 3600LL + minute * 60LL + second) * kSecond + millis * 1000LL;
}

// What a test needs to know about a record, copied out before the record is recycled.
struct Seen {
  int64_t instant, local, line;
  int32_t source, myid, code_line;
  uint32_t continuation_lines;
  uint16_t flags;
  uint8_t precision;
  Level level;
  Component component;
  std::string text, thread, logger, message, continuation;
};

std::vector<Seen> Drain(ParsedSource* source) {
  std::vector<Seen> seen;
  while (Record* r = source->Next()) {
    seen.push_back({r->instant, r->local, r->line, r->source, r->myid, r->code_line,
                    r->continuation_lines, r->flags, r->precision, r->level, r->component, r->text,
                    std::string(r->View(r->thread)), std::string(r->View(r->logger)),
                    std::string(r->View(r->message)), std::string(r->Continuation())});
    source->Release(r);
  }
  CHECK(source->Next() == nullptr);
  return seen;
}

std::vector<int64_t> Lines(const std::vector<Seen>& seen) {
  std::vector<int64_t> lines;
  for (const Seen& s : seen) lines.push_back(s.line);
  return lines;
}

struct Fixture {
  SourceInfo info;
  std::unique_ptr<ParsedSource> source;

  Fixture(std::vector<std::string> lines, const Parser* parser, WindowSettings window = {},
          SourceClock clock = SourceClock(nullptr, 0), std::string error = "", int32_t index = 0) {
    source = std::make_unique<ParsedSource>(
        std::make_unique<VectorInput>(std::move(lines), std::move(error)), parser, &info, index,
        clock, window);
  }
};

TEST_CASE("parsed_source: continuation lines are joined") {
  const std::string first = Zk("10:00:00,000", "first");
  Fixture f({first, "java.io.EOFException", "\tat org.Foo.bar(Foo.java:1)", "",
             Zk("10:00:01,500", "second")},
            &ZooKeeperLogParser(), {}, SourceClock(nullptr, 0), "", 7);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  const Seen& a = seen[0];
  CHECK(a.line == 1);
  CHECK(a.source == 7);
  CHECK(a.instant == At(10, 0, 0));
  CHECK(a.local == At(10, 0, 0));
  CHECK(a.flags == 0);
  CHECK(a.precision == 3);
  CHECK(a.level == Level::kInfo);
  CHECK(a.component == Component::kZk);
  CHECK(a.myid == 3);
  CHECK(a.code_line == 12);
  CHECK(a.thread == "main");
  CHECK(a.logger == "Foo");
  CHECK(a.message == "first");
  CHECK(a.continuation_lines == 3);
  CHECK(a.text == first + "\njava.io.EOFException\n\tat org.Foo.bar(Foo.java:1)\n");
  CHECK(a.continuation == "java.io.EOFException\n\tat org.Foo.bar(Foo.java:1)\n");
  const Seen& b = seen[1];
  CHECK(b.line == 5);
  CHECK(b.instant == At(10, 0, 1, 500));
  CHECK(b.message == "second");
  CHECK(b.continuation_lines == 0);
  CHECK(b.continuation == "");
  CHECK(b.text == Zk("10:00:01,500", "second"));

  CHECK(f.info.lines == 5);
  CHECK(f.info.records == 2);
  CHECK(f.info.continuation_lines == 3);
  CHECK(f.info.unparsed == 0);
  CHECK(f.info.out_of_order == 0);
  CHECK(f.info.variant_records[0] == 2);
  CHECK(f.info.first_instant == At(10, 0, 0));
  CHECK(f.info.last_instant == At(10, 0, 1, 500));
  CHECK(f.info.problem == "");
}

TEST_CASE("parsed_source: an exception message's own line breaks stay in its record") {
  // Hadoop's HttpGetFailedException: "Response message:" and the server's text start lines of
  // their own, unindented, between the exception line and its frames.
  Fixture f({Zk("10:00:00,000", "fetch failed"), "java.io.IOException: status code 403",
             "Response message:", "Only Namenode and another JournalNode may access this servlet",
             "\tat org.Foo.bar(Foo.java:1)", Zk("10:00:01,000", "next")},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].continuation_lines == 4);
  CHECK(seen[0].continuation.find("Response message:\nOnly Namenode") != std::string::npos);
  CHECK(f.info.unparsed == 0);
  // Without a continuation begun, an unknown line after a header is still a record of its own.
  Fixture g({Zk("10:00:00,000", "one"), "Response message:", Zk("10:00:01,000", "two")},
            &ZooKeeperLogParser());
  CHECK(Drain(g.source.get()).size() == 3);
  CHECK(g.info.unparsed == 1);
}

TEST_CASE("parsed_source: unparsed lines are kept in place") {
  Fixture f({"garbage before anything", Zk("10:00:00,000", "one"), "some random text",
             Zk("10:00:01,000", "two")},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 4);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 2, 3, 4});
  // Before any timed record: the first timed record's instant, flagged as taken.
  CHECK(seen[0].flags == (kUnparsed | kInheritedTime));
  CHECK(seen[0].instant == At(10, 0, 0));
  CHECK(seen[0].local == kNoInstant);
  CHECK(seen[0].text == "garbage before anything");
  CHECK(seen[0].message == "garbage before anything");
  CHECK(seen[0].level == Level::kUnknown);
  // After one: takes its time.
  CHECK(seen[2].flags == (kUnparsed | kInheritedTime));
  CHECK(seen[2].instant == At(10, 0, 0));
  CHECK(seen[2].local == kNoInstant);
  CHECK(seen[2].message == "some random text");
  CHECK(seen[3].flags == 0);
  CHECK(f.info.lines == 4);
  CHECK(f.info.records == 4);
  CHECK(f.info.unparsed == 2);
  CHECK(f.info.out_of_order == 0);
}

TEST_CASE("parsed_source: a header without a message takes the lines after it as its message") {
  // As a vendor article wrapped a NameNode/ZKFC log: each header alone, its message below it.
  Fixture f({Zk("10:00:00,000", ""), "Transport-level exception trying to monitor health",
             "of NameNode at nn1/10.0.0.1:8020", Zk("10:00:01,000", "two"), "some random text"},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 3);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 4, 5});
  CHECK(seen[0].flags == 0);
  CHECK(seen[0].message ==
        "Transport-level exception trying to monitor health\nof NameNode at nn1/10.0.0.1:8020");
  CHECK(seen[0].continuation_lines == 2);
  // A header with a message of its own keeps the line after it apart, unparsed, as before.
  CHECK(seen[1].message == "two");
  CHECK(seen[2].flags == (kUnparsed | kInheritedTime));
  CHECK(f.info.unparsed == 1);
}

TEST_CASE("parsed_source: a message indented after a header that opened a bracket for it") {
  // Payara's ODL server.log (payara/Payara#4670): the header ends with "[[", the message follows
  // indented and ends with "]]"; neither bracket is message. An indented frame stays a frame.
  std::string error;
  std::unique_ptr<PatternParser> odl = MakePatternParser(
      "[%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ}] [%X{product}] [%p] [%X{messageId}] [%c] [tid: "
      "_ThreadID=%X{threadId} _ThreadName=%t] [levelValue: %X{levelValue}] %notEmpty{[[}%m%n",
      PatternSyntax::kLog4j, "", "test", &error);
  REQUIRE(odl != nullptr);
  std::string head =
      "[2020-05-15T11:37:56.531-0600] [Payara 5.201] [INFO] [] [a.B] [tid: "
      "_ThreadID=30 _ThreadName=main] [levelValue: 800] [[";
  Fixture f({head, "  Data grid encryption is enabled]]", "", head, "  two lines,",
             "and the second]]", "    at a.B.c(B.java:1)"},
            odl.get());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].message == "Data grid encryption is enabled");
  CHECK(seen[0].logger == "a.B");
  CHECK(seen[0].thread == "main");
  CHECK(seen[1].message == "two lines,\nand the second");
  CHECK(seen[1].continuation_lines == 3);
  // GlassFish's uniform format closes the message with "|#]".
  std::unique_ptr<PatternParser> ulf = MakePatternParser(
      "[#|%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ}|%p|%X{product}|%c|_ThreadID=%X{threadId};_ThreadName=%t;"
      "%X{fields}|%m%notEmpty{|#]}%n",
      PatternSyntax::kLog4j, "", "test", &error);
  REQUIRE(ulf != nullptr);
  Fixture g({"[#|2018-11-19T11:14:50.026+0000|INFO|Payara 5.183|javax.enterprise.system.core|"
             "_ThreadID=17;_ThreadName=main;_LevelValue=800;|",
             "  Network Listener http-listener-1 started|#]"},
            ulf.get());
  seen = Drain(g.source.get());
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].message == "Network Listener http-listener-1 started");
}

TEST_CASE("parsed_source: the built-in ODL layout reads a record whose logger is empty") {
  // Payara writes "[]" where a record has no logger (System.err's lines, some of its own): the
  // header is still one, its message on the next line.
  const Parser* odl = FindParser("glassfish-odl");
  REQUIRE(odl != nullptr);
  Fixture f({"[2020-05-15T11:37:56.531-0600] [Payara 5.201] [SEVERE] [] [] [tid: _ThreadID=30 "
             "_ThreadName=http-thread-pool::http-listener-1(2)] [timeMillis: 1589564276531] "
             "[levelValue: 1000] [[",
             "  Data grid encryption is enabled]]"},
            odl);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].level == Level::kError);
  CHECK(seen[0].logger.empty());
  CHECK(seen[0].thread == "http-thread-pool::http-listener-1(2)");
  CHECK(seen[0].message == "Data grid encryption is enabled");
}

TEST_CASE("parsed_source: indented lines after a header without a message are its message") {
  // .NET's console logger: "info: Category[0]", the message on the next line indented by six.
  std::vector<std::string> lines = {Zk("10:00:00,000", ""), "      Kafka Consumer thread started",
                                    Zk("10:00:01,000", "two"), "      wrapped rest of two"};
  Fixture f({}, &ZooKeeperLogParser());
  f.source = std::make_unique<ParsedSource>(
      std::make_unique<VectorInput>(std::move(lines), "", /*strip_indent=*/true),
      &ZooKeeperLogParser(), &f.info, 0, SourceClock(nullptr, 0), WindowSettings{});
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].message == "Kafka Consumer thread started");
  // A header with a message of its own keeps an indented line as its continuation.
  CHECK(seen[1].message == "two");
  CHECK(seen[1].continuation_lines == 1);
  // The same when the indent reaches the source (a file whose other lines are not indented); an
  // indented stack frame stays a continuation.
  Fixture g({Zk("10:00:00,000", ""), "      Kafka Consumer thread started", Zk("10:00:01,000", ""),
             "      at com.example.Foo.bar(Foo.java:12)"},
            &ZooKeeperLogParser());
  seen = Drain(g.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].message == "Kafka Consumer thread started");
  CHECK(seen[1].message == "");
  CHECK(seen[1].continuation_lines == 1);
}

TEST_CASE("parsed_source: generic fallback inside a specific source") {
  Fixture f({Zk("10:00:00,000", "zk"), "2019-09-17T12:00:01.250+02:00: 1.0: [GC pause (young)]",
             "\tat continuation.of(Gc.java:1)", Zk("10:00:02,000", "zk again")},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].line == 2);
  CHECK(seen[1].flags == 0);
  CHECK(seen[1].instant == At(10, 0, 1, 250));
  CHECK(seen[1].local == At(12, 0, 1, 250));
  CHECK(seen[1].component == Component::kOther);
  CHECK(seen[1].message == "1.0: [GC pause (young)]");
  CHECK(seen[1].continuation == "\tat continuation.of(Gc.java:1)");
  CHECK(f.info.unparsed == 0);
  CHECK(f.info.records == 3);
  // Only the source's own parser counts toward its variants.
  CHECK(f.info.variant_records[0] == 2);
}

TEST_CASE("parsed_source: a ZooKeeper server's own lines name its myid where the layout does not") {
  Fixture f(
      {"2019-09-17 10:00:00,000 INFO server.ZooKeeperServer: Server environment:os.name=Linux",
       "2019-09-17 10:00:01,000 INFO quorum.QuorumPeerMain: Starting quorum peer, myid=3",
       "2019-09-17 10:00:02,000 WARN quorum.Follower: Exception when following the leader",
       "2019-09-17 10:00:03,000 INFO kafka.server.KafkaServer: started"},
      &HadoopLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 4);
  CHECK(seen[0].myid == -1);  // not named yet
  CHECK(seen[1].myid == 3);
  CHECK(seen[2].myid == 3);
  CHECK(seen[2].component == Component::kZk);
  CHECK(seen[3].myid == -1);  // not a ZooKeeper server's line
  // 3.4's FastLeaderElection and the quorum threads' names say it too.
  CHECK(OwnMyidIn("New election. My id =  2, proposed zxid=0x0", "") == 2);
  CHECK(OwnMyidIn("x", "QuorumPeer[myid=5](plain=0.0.0.0:2181)(secure=disabled)") == 5);
  CHECK(OwnMyidIn("x", "WorkerReceiver[myid=7]") == 7);
  CHECK(OwnMyidIn("Starting quorum peer", "main") == -1);  // 3.4 wrote no id there
}

TEST_CASE("parsed_source: no parser") {
  Fixture f({"hello", "2019-09-17 10:00:00 GC start", "\tat x", "world"}, nullptr);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 3);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 2, 4});
  CHECK(seen[0].flags == (kUnparsed | kInheritedTime));
  CHECK(seen[0].instant == At(10, 0, 0));
  CHECK(seen[1].flags == 0);
  CHECK(seen[1].instant == At(10, 0, 0));
  CHECK(seen[1].precision == 0);
  CHECK(seen[1].continuation == "\tat x");
  CHECK(seen[2].flags == (kUnparsed | kInheritedTime));
  CHECK(seen[2].instant == At(10, 0, 0));
  CHECK(f.info.unparsed == 2);
  CHECK(f.info.continuation_lines == 1);
}

TEST_CASE("parsed_source: a pasted stack trace without its header keeps its frames together") {
  // testdata/incidents/public/zkops-zoonavigator-client-maxbuffer: the exception line and its
  // frames, nothing else; the frames continue the exception line, so a rule sees them together.
  Fixture f(
      {"java.io.IOException: Unreasonable length = 1972502",
       "        at org.apache.jute.BinaryInputArchive.checkLength(BinaryInputArchive.java:127)",
       "        at org.apache.zookeeper.ClientCnxn$SendThread.readResponse(ClientCnxn.java:840)",
       "some other text", "\tat x.y(Z.java:1)"},
      nullptr);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 4});
  CHECK((seen[0].flags & kUnparsed) != 0);
  CHECK(seen[0].message == "java.io.IOException: Unreasonable length = 1972502");
  CHECK(seen[0].continuation_lines == 2);
  CHECK(seen[0].continuation.find("ClientCnxn$SendThread.readResponse") != std::string::npos);
  CHECK(seen[1].continuation == "\tat x.y(Z.java:1)");
  CHECK(f.info.unparsed == 2);
  CHECK(f.info.continuation_lines == 3);
  CHECK(f.info.lines == 5);
}

TEST_CASE("parsed_source: out of order within the window is sorted") {
  Fixture f(
      {Zk("10:00:10,000", "a"), Zk("10:00:11,000", "b"), Zk("10:00:10,500", "c"), "\tat c.frame",
       Zk("10:00:12,000", "d"), Zk("10:00:11,999", "e"), Zk("10:00:13,000", "f")},
      &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 6);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 3, 2, 6, 5, 7});
  for (size_t i = 1; i < seen.size(); ++i) CHECK(seen[i - 1].instant <= seen[i].instant);
  CHECK(seen[1].flags == kOutOfOrder);
  CHECK(seen[1].continuation == "\tat c.frame");
  CHECK(seen[3].flags == kOutOfOrder);
  CHECK(seen[0].flags == 0);
  CHECK(seen[2].flags == 0);
  CHECK(f.info.out_of_order == 2);
  CHECK(f.info.unplaceable == 0);
  CHECK(f.info.first_instant == At(10, 0, 10));
  CHECK(f.info.last_instant == At(10, 0, 13));
}

TEST_CASE("parsed_source: equal instants keep line order") {
  Fixture f({Zk("10:00:10,000", "a"), Zk("10:00:10,000", "b"), Zk("10:00:09,000", "c"),
             Zk("10:00:10,000", "d")},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  CHECK(Lines(seen) == std::vector<int64_t>{3, 1, 2, 4});
  CHECK(f.info.out_of_order == 1);
}

TEST_CASE("parsed_source: too late for the window") {
  Fixture f({Zk("10:00:10,000", "a"), Zk("10:00:20,000", "b"), Zk("10:00:05,000", "c")},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  // "a" had to leave before "c" arrived: "c" keeps its own time and is counted.
  CHECK(Lines(seen) == std::vector<int64_t>{1, 3, 2});
  CHECK(seen[1].instant == At(10, 0, 5));
  CHECK(seen[1].flags == kOutOfOrder);
  CHECK(f.info.out_of_order == 1);
  CHECK(f.info.unplaceable == 1);
  CHECK(f.info.first_instant == At(10, 0, 5));
  CHECK(f.info.last_instant == At(10, 0, 20));
}

TEST_CASE("parsed_source: wider window places it") {
  WindowSettings window;
  window.span_us = 30 * kSecond;
  Fixture f({Zk("10:00:10,000", "a"), Zk("10:00:20,000", "b"), Zk("10:00:05,000", "c")},
            &ZooKeeperLogParser(), window);
  std::vector<Seen> seen = Drain(f.source.get());
  CHECK(Lines(seen) == std::vector<int64_t>{3, 1, 2});
  CHECK(f.info.out_of_order == 1);
  CHECK(f.info.unplaceable == 0);
}

TEST_CASE("parsed_source: record bound of the window") {
  WindowSettings window;
  window.span_us = 3600 * kSecond;
  window.max_records = 2;
  Fixture f({Zk("10:00:10,000", "a"), Zk("10:00:11,000", "b"), Zk("10:00:12,000", "c"),
             Zk("10:00:13,000", "d"), Zk("10:00:09,000", "e")},
            &ZooKeeperLogParser(), window);
  std::vector<Seen> seen = Drain(f.source.get());
  CHECK(Lines(seen) == std::vector<int64_t>{1, 2, 5, 3, 4});
  CHECK(f.info.out_of_order == 1);
  CHECK(f.info.unplaceable == 1);
}

TEST_CASE("parsed_source: python bare lines inherit the time") {
  Fixture f({"INFO:kazoo.client:first, no time yet",
             "2019-09-17 10:00:00,000 - kazoo.client - INFO - Connecting",
             "WARNING:kazoo.client:Connection dropped", "Traceback (most recent call last):",
             "  File \"x.py\", line 3, in f", "kazoo.exceptions.ConnectionLoss",
             "2019-09-17 10:00:01,000 - kazoo.client - INFO - Reconnected"},
            &PythonLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 4);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 2, 3, 7});
  CHECK(seen[0].instant == At(10, 0, 0));  // the first time that comes after it
  CHECK(seen[0].flags == kInheritedTime);
  CHECK(seen[0].message == "first, no time yet");
  CHECK(seen[2].instant == At(10, 0, 0));
  CHECK(seen[2].local == kNoInstant);
  CHECK(seen[2].flags == kInheritedTime);
  CHECK(seen[2].level == Level::kWarn);
  CHECK(seen[2].component == Component::kMonitor);
  CHECK(seen[2].logger == "kazoo.client");
  CHECK(seen[2].message == "Connection dropped");
  CHECK(seen[2].continuation_lines == 3);
  CHECK(seen[2].continuation ==
        "Traceback (most recent call last):\n  File \"x.py\", line 3, in f\n"
        "kazoo.exceptions.ConnectionLoss");
  CHECK(seen[3].flags == 0);
  CHECK(f.info.variant_records[2] == 2);
  CHECK(f.info.variant_records[3] == 2);
  CHECK(f.info.out_of_order == 0);
  CHECK(f.info.inherited_time == 2);
  CHECK(f.info.first_instant == At(10, 0, 0));
}

TEST_CASE("parsed_source: a header pasted without its time inside a timed source") {
  Fixture f({Zk("10:00:00,000", "first"),
             "Exception in thread \"SyncThread:0\" java.lang.OutOfMemoryError: Java heap space",
             "\tat java.util.Arrays.copyOf(Arrays.java:3332)",
             "WARN [JvmPauseMonitor] util.JvmPauseMonitor: Detected pause in JVM or host machine",
             Zk("10:00:01,000", "second")},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 4);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 2, 4, 5});
  CHECK(seen[1].instant == At(10, 0, 0));
  CHECK(seen[1].flags == kInheritedTime);
  CHECK(seen[1].level == Level::kError);
  CHECK(seen[1].thread == "SyncThread:0");
  CHECK(seen[1].message == "java.lang.OutOfMemoryError: Java heap space");
  CHECK(seen[1].continuation_lines == 1);
  CHECK(seen[2].flags == kInheritedTime);
  CHECK(seen[2].logger == "util.JvmPauseMonitor");
  CHECK(seen[2].thread == "JvmPauseMonitor");
  CHECK(f.info.unparsed == 0);
  CHECK(f.info.inherited_time == 2);
  CHECK(f.info.order_only == 0);
}

TEST_CASE("parsed_source: a source without any time is order-only") {
  Fixture f({"FATAL [main:QuorumPeer@400] - Unable to load database on disk",
             "Caused by: java.io.IOException: Unreasonable length = 6559049",
             "at org.apache.jute.BinaryInputArchive.checkLength(BinaryInputArchive.java:166)",
             "something nobody parses",
             "Exception in thread \"SyncThread:0\" java.lang.OutOfMemoryError: Java heap space"},
            &TimelessLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 3);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 4, 5});
  CHECK(seen[0].instant == kOrderOnlyBase + 1 * kOrderOnlyStep);
  CHECK(seen[1].instant == kOrderOnlyBase + 4 * kOrderOnlyStep);
  CHECK(seen[2].instant == kOrderOnlyBase + 5 * kOrderOnlyStep);
  CHECK(seen[0].flags == kOrderOnly);
  CHECK(seen[1].flags == (kUnparsed | kOrderOnly));
  CHECK(seen[0].level == Level::kFatal);
  CHECK(seen[0].logger == "QuorumPeer");
  CHECK(seen[0].thread == "main");
  CHECK(seen[0].continuation_lines == 2);
  CHECK(f.info.order_only == 3);
  CHECK(f.info.inherited_time == 0);
  CHECK(f.info.first_instant == kOrderOnlyBase + kOrderOnlyStep);
  CHECK(f.info.last_instant == kOrderOnlyBase + 5 * kOrderOnlyStep);
  CHECK(f.info.variant_records[0] == 1);
  CHECK(f.info.variant_records[3] == 1);
}

TEST_CASE("parsed_source: order-only past the window's record bound") {
  std::vector<std::string> lines;
  for (int i = 0; i < 10; ++i) lines.push_back("INFO org.apache.hadoop.ha.NodeFencer: step");
  WindowSettings window;
  window.max_records = 3;
  Fixture f(lines, &TimelessLogParser(), window);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 10);
  for (size_t i = 0; i < seen.size(); ++i) {
    CAPTURE(i);
    CHECK(seen[i].instant == kOrderOnlyBase + static_cast<int64_t>(i + 1) * kOrderOnlyStep);
    CHECK(seen[i].flags == kOrderOnly);
  }
  CHECK(f.info.order_only == 10);
}

// A pasted excerpt that opens before its first timestamp (inside a trace, or with lines a wrapper
// stripped of their time): those records take the first time that comes, so rules can read them.
TEST_CASE("parsed_source: untimed lines before the first timed one take its instant") {
  Fixture f(
      {"INFO Reading snapshot /data/snapshot.5 (org.apache.zookeeper.server.persistence.FileSnap)"
       " [main]",
       "2020-06-22 07:24:55,665 ERROR Unable to load database on disk "
       "(org.apache.zookeeper.server.quorum.QuorumPeer) [main]",
       "INFO Snapshot loaded (org.apache.zookeeper.server.persistence.FileSnap) [main]"},
      &JavaLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].instant == seen[1].instant);
  CHECK(seen[0].local == kNoInstant);
  CHECK(seen[0].flags == kInheritedTime);
  CHECK(seen[0].logger == "org.apache.zookeeper.server.persistence.FileSnap");
  CHECK(seen[1].local != kNoInstant);
  CHECK(seen[2].instant == seen[1].instant);
  CHECK(seen[2].flags == kInheritedTime);
  CHECK(f.info.order_only == 0);
}

TEST_CASE("parsed_source: components") {
  SUBCASE("from the logger") {
    Fixture f(
        {"2019-09-17 10:00:00,000 INFO org.apache.hadoop.ha.ActiveStandbyElector: x",
         "2019-09-17 10:00:01,000 INFO org.apache.hadoop.hdfs.server.namenode.FSNamesystem: y",
         "2019-09-17 10:00:02,000 INFO org.apache.hadoop.ipc.Server: z"},
        &HadoopLogParser());
    std::vector<Seen> seen = Drain(f.source.get());
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].component == Component::kZkfc);
    CHECK(seen[1].component == Component::kNameNode);
    CHECK(seen[2].component == Component::kOther);
  }
  SUBCASE("the logger wins over the path, the path over a logger that says nothing") {
    // A NameNode log that also holds the ZKFC's lines (one process per host, one log).
    Fixture f({"2019-09-17 10:00:00,000 INFO org.apache.hadoop.ha.ActiveStandbyElector: x",
               "2019-09-17 10:00:01,000 INFO org.apache.hadoop.ipc.Server: y"},
              &HadoopLogParser());
    f.info.component = Component::kNameNode;
    std::vector<Seen> seen = Drain(f.source.get());
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].component == Component::kZkfc);
    CHECK(seen[1].component == Component::kNameNode);
  }
  SUBCASE("a ZooKeeper client inside another program is not a ZooKeeper server") {
    // Kafka and HBase often log in ZooKeeper's own layout.
    Fixture f(
        {"2019-09-17 10:00:00,000 [myid:] - WARN  [main-SendThread(zk1:2181):ClientCnxn@1164]"
         " - Session 0x0 for server zk1/10.0.0.1:2181, unexpected error",
         "2019-09-17 10:00:01,000 [myid:1] - WARN  [SyncThread:1:FileTxnLog@338] - fsync-ing"},
        &ZooKeeperLogParser());
    std::vector<Seen> seen = Drain(f.source.get());
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].component == Component::kOther);
    CHECK(seen[1].component == Component::kZk);
  }
  SUBCASE("unparsed lines take the source's") {
    Fixture f({"junk"}, &HadoopLogParser());
    f.info.component = Component::kJournalNode;
    std::vector<Seen> seen = Drain(f.source.get());
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].component == Component::kJournalNode);
  }
}

TEST_CASE("parsed_source: zone and skew") {
  Fixture f({Zk("18:00:00,000", "a"), "2019-09-17T10:00:00.000Z x"}, &ZooKeeperLogParser(), {},
            SourceClock(date::locate_zone("Asia/Shanghai"), 250'000));
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].local == At(18, 0, 0));
  CHECK(seen[0].instant == At(10, 0, 0, 250));
  // A line with its own zone ignores the source's zone, not its skew.
  CHECK(seen[1].local == At(10, 0, 0));
  CHECK(seen[1].instant == At(10, 0, 0, 250));
}

TEST_CASE("parsed_source: DST flags reach the record") {
  Fixture f({"2021-03-14 02:30:00,000 [myid:1] - INFO  [main:Foo@1] - in the gap"},
            &ZooKeeperLogParser(), {}, SourceClock(date::locate_zone("America/New_York"), 0));
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].flags == kDstGap);
  CHECK(seen[0].instant == 1615707000LL * kSecond);
}

TEST_CASE("parsed_source: read error is recorded") {
  Fixture f({Zk("10:00:00,000", "a")}, &ZooKeeperLogParser(), {}, SourceClock(nullptr, 0),
            "truncated gzip data (the compressed stream ends before its trailer)");
  std::vector<Seen> seen = Drain(f.source.get());
  CHECK(seen.size() == 1);
  CHECK(f.info.problem == "truncated gzip data (the compressed stream ends before its trailer)");
  CHECK(f.info.read_problem);
}

TEST_CASE("parsed_source: empty input") {
  Fixture f({}, &ZooKeeperLogParser());
  CHECK(f.source->Next() == nullptr);
  CHECK(f.info.records == 0);
  CHECK(f.info.lines == 0);
  CHECK(f.info.first_instant == kNoInstant);
  CHECK(f.info.last_instant == kNoInstant);
}

TEST_CASE("parsed_source: an oversized record is truncated") {
  const std::string frame = "\tat " + std::string(1 << 20, 'f');
  std::vector<std::string> lines = {Zk("10:00:00,000", "big")};
  for (int i = 0; i < 17; ++i) lines.push_back(frame);
  lines.push_back(Zk("10:00:01,000", "after"));
  Fixture f(std::move(lines), &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].flags == kTruncated);
  CHECK(seen[0].continuation_lines == 17);
  CHECK(seen[0].text.size() < (size_t{16} << 20));
  CHECK(seen[0].text.size() > (size_t{15} << 20));
  CHECK(seen[1].flags == 0);
  CHECK(seen[1].text == Zk("10:00:01,000", "after"));
  CHECK(f.info.continuation_lines == 17);
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("parsed_source: docker --timestamps lines are read by the line inside") {
  Fixture f({"2019-09-17T05:04:12.100000001Z " + Zk("07:04:12,043", "first"),
             "2019-09-17T05:04:12.100000002Z java.io.EOFException",
             "2019-09-17T05:04:12.100000003Z \tat org.Foo.bar(Foo.java:1)",
             "2019-09-17T05:04:13.000000000Z FATAL [main:QuorumPeer@400] - no time inside"},
            &ZooKeeperLogParser(), {}, SourceClock(date::locate_zone("Europe/Berlin"), 0));
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  // The inner line's own time wins, in the source's zone (Berlin, +02:00 in September).
  CHECK(seen[0].instant == At(5, 4, 12, 43));
  CHECK(seen[0].message == "first");
  CHECK(seen[0].continuation == "java.io.EOFException\n\tat org.Foo.bar(Foo.java:1)");
  CHECK(seen[0].text.substr(0, 10) == "2019-09-17");
  // No time inside: the wrapper's, a real UTC time (not inherited, not order-only).
  CHECK(seen[1].instant == At(5, 4, 13));
  CHECK(seen[1].level == Level::kFatal);
  CHECK(seen[1].message == "no time inside");
  CHECK((seen[1].flags & (kInheritedTime | kOrderOnly)) == 0);
  CHECK(f.info.unparsed == 0);
}

TEST_CASE("parsed_source: journald lines give the host and their time") {
  Fixture f({"Sep 17 05:04:12.000001 zk2 systemd[1]: Started ZooKeeper.",
             "Sep 17 05:04:12.500000 zk2 zookeeper[77]: WARN  [main:QuorumPeer@1] - timeless"},
            &ZooKeeperLogParser());
  f.info.path = "-";
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(f.info.host == "zk2");
  CHECK(seen[0].message == "Started ZooKeeper.");
  CHECK(seen[1].message == "timeless");
  CHECK(seen[1].level == Level::kWarn);
  CHECK(seen[1].instant - seen[0].instant == 499'999);
  CHECK((seen[1].flags & (kInheritedTime | kOrderOnly | kUnparsed)) == 0);
}

TEST_CASE("parsed_source: a time without a year takes it from the dated record before it") {
  const Parser* glog = FindParser("glog");
  REQUIRE(glog != nullptr);
  // public-layouts/mesos-glog-zkc.log: glog among the ZooKeeper C client's dated lines.
  Fixture f({"2015-08-10 12:46:00,472:47965(0x7f3d6859d700):ZOO_INFO@log_env@741: Client "
             "environment:user.home=/root",
             "I0810 12:46:00.472995 47997 master.cpp:368] Master started",
             "2016-01-02 00:00:01,000:47965(0x7f3d6859d700):ZOO_INFO@log_env@741: later",
             "W1231 23:59:59.000000 47997 master.cpp:1] the December before"},
            glog);
  f.info.path = "-";
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 4);
  CHECK(seen[1].instant == CivilToMicros(2015, 8, 10, 12, 46, 0, 472995));
  CHECK((seen[1].flags & kDateInferred) != 0);
  CHECK((seen[0].flags & kDateInferred) == 0);
  // A year away from the reference is the year before: the last line is 2015's, not 2016's.
  int64_t december = CivilToMicros(2015, 12, 31, 23, 59, 59, 0);
  bool found = false;
  for (const Seen& s : seen) found = found || (s.line == 4 && s.instant == december);
  CHECK(found);
}

TEST_CASE("parsed_source: svlogd's date completes a glog line inside it") {
  const Parser* glog = FindParser("glog");
  REQUIRE(glog != nullptr);
  Fixture f({"2015-11-03_22:43:58.94044 I1103 22:43:58.940207  1666 slave.cpp:2709] Sending "
             "acknowledgement"},
            glog);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].instant == CivilToMicros(2015, 11, 3, 22, 43, 58, 940207));
  CHECK((seen[0].flags & kDateInferred) == 0);  // the wrapper wrote the date
  CHECK(seen[0].message == "Sending acknowledgement");
}

TEST_CASE("parsed_source: a time of day only takes the date of the record before it") {
  const Parser* tod = FindParser("time-of-day");
  REQUIRE(tod != nullptr);
  Fixture f({"2019-09-17 23:59:59,000 [myid:] - INFO  [main:Foo@1] - dated",
             "00:00:01.500 [main] INFO  org.Foo - after midnight"},
            tod);
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].instant == CivilToMicros(2019, 9, 18, 0, 0, 1, 500000));
  CHECK((seen[1].flags & kDateInferred) != 0);
}

TEST_CASE("parsed_source: a time of day with no date in the file takes the file's date") {
  const Parser* tod = FindParser("time-of-day");
  REQUIRE(tod != nullptr);
  testing::TempDir dir;
  std::string path = dir.Write("client.log", "");
  // Modified 2021-03-04 05:06:07 UTC.
  struct timespec times[2] = {{1614834367, 0}, {1614834367, 0}};
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  Fixture f(
      {"10:00:00.123 [main] INFO  org.Foo - first", "18:30:00.000 [main] INFO  org.Foo - late",
       "00:00:01.000 [main] WARN  org.Foo - after midnight"},
      tod);
  f.info.path = path;
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].instant == CivilToMicros(2021, 3, 4, 10, 0, 0, 123000));
  CHECK(seen[1].instant == CivilToMicros(2021, 3, 4, 18, 30, 0, 0));
  CHECK(seen[2].instant == CivilToMicros(2021, 3, 5, 0, 0, 1, 0));
  for (const Seen& s : seen) CHECK((s.flags & kDateInferred) != 0);
  CHECK(f.info.dated_from_file == 3);
}

TEST_CASE("parsed_source: standard input's times of day are today's") {
  const Parser* tod = FindParser("time-of-day");
  REQUIRE(tod != nullptr);
  Fixture f({"10:00:00.123 [main] INFO  org.Foo - first"}, tod);
  f.info.path = "-";
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 1);
  YearHint today = YearHintForPath(nullptr);
  int64_t local = CivilToMicros(today.year, today.month, today.day, 10, 0, 0, 123000);
  // (Run across midnight, the read may see the next day.)
  CHECK((seen[0].instant == local || seen[0].instant == local + 86'400 * kSecond));
  CHECK((seen[0].flags & kDateInferred) != 0);
  CHECK(f.info.dated_from_file == 1);
}

TEST_CASE("parsed_source: journalctl's header gives the year; its -x explanations continue") {
  Fixture f({"-- Logs begin at Mon 2020-01-06 10:00:00 UTC, end at Sat 2020-02-29 12:00:00 UTC. --",
             "Feb 29 10:11:12 zk1 zookeeper[1234]: " + Zk("10:11:12,345", "dated inside"),
             "Feb 29 10:11:13 zk1 systemd[1]: zookeeper.service: Main process exited",
             "\u2591\u2591 Subject: Unit process exited", "\u2591\u2591 Defined-By: systemd",
             "\u2591\u2591 ", "Feb 29 10:11:14 zk1 zookeeper[1234]: WARN [main:Foo@1] - no time"},
            &ZooKeeperLogParser());
  f.info.path = "-";
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 4);
  CHECK(Lines(seen) == std::vector<int64_t>{1, 2, 3, 7});
  CHECK(seen[2].instant == CivilToMicros(2020, 2, 29, 10, 11, 13, 0));
  CHECK(seen[2].continuation_lines == 3);
  CHECK((seen[2].flags & (kDateInferred | kUnparsed)) == 0);  // the header named the year
  CHECK(seen[3].instant == CivilToMicros(2020, 2, 29, 10, 11, 14, 0));
  CHECK(seen[3].level == Level::kWarn);
  CHECK(f.info.unparsed == 1);  // the header line itself
}

TEST_CASE("parsed_source: a syslog time without a journal header is flagged date-inferred") {
  Fixture f({"2019-09-17 23:00:00,000 [myid:] - INFO  [main:Foo@1] - dated",
             "Sep 17 23:00:01 zk1 systemd[1]: zookeeper.service: Main process exited"},
            &ZooKeeperLogParser());
  f.info.path = "-";
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  // The year is the dated record's, not the hint's (today's).
  CHECK(seen[1].instant == CivilToMicros(2019, 9, 17, 23, 0, 1, 0));
  CHECK((seen[1].flags & kDateInferred) != 0);
  CHECK((seen[0].flags & kDateInferred) == 0);
}

TEST_CASE("parsed_source: the logging libraries' own lines are records without a time") {
  Fixture f({"SLF4J: Class path contains multiple SLF4J bindings.",
             "2019-09-17 05:04:12,000 [myid:] - INFO  [main:Foo@1] - dated",
             "log4j:WARN No appenders could be found for logger (org.Foo).",
             "ERROR StatusLogger No log4j2 configuration file found.",
             "SLF4J(E): A provider failed", "log4j: Parsing for [root] with value=[INFO, R]."},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 6);
  CHECK(seen[0].logger == "SLF4J");
  CHECK(seen[0].level == Level::kWarn);
  CHECK(seen[0].message == "Class path contains multiple SLF4J bindings.");
  CHECK(seen[2].logger == "log4j");
  CHECK(seen[2].level == Level::kWarn);
  CHECK(seen[2].message == "No appenders could be found for logger (org.Foo).");
  CHECK(seen[2].flags == kInheritedTime);
  CHECK(seen[2].instant == At(5, 4, 12));
  CHECK(seen[3].logger == "StatusLogger");
  CHECK(seen[3].level == Level::kError);
  CHECK(seen[3].message == "No log4j2 configuration file found.");
  CHECK(seen[4].level == Level::kError);
  CHECK(seen[4].message == "A provider failed");
  CHECK(seen[5].level == Level::kDebug);
  CHECK(seen[5].logger == "log4j");
  CHECK(seen[5].message == "Parsing for [root] with value=[INFO, R].");
  CHECK(f.info.unparsed == 0);
}

TEST_CASE("parsed_source: a host from the path is kept") {
  Fixture f({"2019-09-17T05:04:12+0000 zk9 zookeeper[1]: " + Zk("05:04:12,043", "x")},
            &ZooKeeperLogParser());
  f.info.path = "logs/zookeeper-zk-server-zk1.log";
  f.info.host = "zk1";
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 1);
  CHECK(f.info.host == "zk1");
  CHECK(seen[0].instant == At(5, 4, 12, 43));
}

TEST_CASE("parsed_source: Docker Desktop's copy") {
  Fixture f({"2019-09-17 01:04:40     at org.Foo.bar(Foo.java:508)",
             "2019-09-17 01:04:40 " + Zk("05:04:40,924", "inner"),
             "2019-09-17 01:04:40 java.io.IOException: Len error",
             "2019-09-17 01:04:40     at org.Foo.baz(Foo.java:557)"},
            &ZooKeeperLogParser());
  std::vector<Seen> seen = Drain(f.source.get());
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].message == "    at org.Foo.bar(Foo.java:508)");
  CHECK(seen[0].instant == At(1, 4, 40));
  CHECK(seen[1].instant == At(5, 4, 40, 924));
  CHECK(seen[1].continuation == "java.io.IOException: Len error\n    at org.Foo.baz(Foo.java:557)");
}

}  // namespace
}  // namespace faultline
