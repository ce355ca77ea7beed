#include "parsers/pattern_layout.h"

#include <doctest/doctest.h>

#include <string>

#include "parsers/builtin_layouts.h"
#include "parsers/pattern_parser.h"
#include "parsers/registry.h"

namespace faultline {
namespace {

struct Fields {
  std::string time, level, logger, thread, message;
  int myid = -1, code_line = -1;
};

std::string TimeText(const Header& h) {
  if (h.local == kNoInstant) return "-";
  int64_t us = h.local - (h.has_offset ? h.utc_offset_us : 0);
  int64_t secs = us / 1'000'000, micros = us % 1'000'000;
  if (micros < 0) micros += 1'000'000, --secs;
  time_t t = static_cast<time_t>(secs);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[64];
  snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06ld", tm.tm_year + 1900, tm.tm_mon + 1,
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long>(micros));
  return buf;
}

Fields Read(const CompiledLayout& layout, std::string_view line) {
  Header h;
  Miss miss;
  bool ok = layout.Match(line, &h, &miss);
  CAPTURE(line);
  CAPTURE(miss.column);
  CAPTURE(miss.why);
  REQUIRE(ok);
  return Fields{TimeText(h),
                std::string(LevelName(h.level)),
                std::string(h.logger),
                std::string(h.thread),
                std::string(h.message),
                h.myid,
                h.code_line};
}

std::unique_ptr<CompiledLayout> Compile(std::string_view pattern,
                                        PatternSyntax syntax = PatternSyntax::kLog4j,
                                        std::string_view datefmt = "") {
  std::string error;
  auto layout = CompileLayout(pattern, syntax, datefmt, &error);
  CAPTURE(pattern);
  CAPTURE(error);
  REQUIRE(layout != nullptr);
  return layout;
}

TEST_CASE("pattern: ZooKeeper's layout, threads that hold colons, brackets and parentheses") {
  auto zk = Compile("%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n");
  Fields f = Read(*zk,
                  "2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:"
                  "LearnerHandler@702] - Closing connection to peer due to transaction timeout.");
  CHECK(f.time == "2019-09-17T05:04:12.043000");
  CHECK(f.level == "WARN");
  CHECK(f.logger == "LearnerHandler");
  CHECK(f.thread == "QuorumPeer[myid=3]/0.0.0.0:2181");
  CHECK(f.myid == 3);
  CHECK(f.code_line == 702);
  CHECK(f.message == "Closing connection to peer due to transaction timeout.");

  f = Read(*zk,
           "2014-03-06 10:45:41,114 [myid:] - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:"
           "NIOServerCnxnFactory@197] - Accepted socket connection from /10.0.0.5:50012");
  CHECK(f.thread == "NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181");
  CHECK(f.logger == "NIOServerCnxnFactory");
  CHECK(f.myid == -1);

  f = Read(*zk,
           "2023-02-01 10:00:00,001 [myid:1] - INFO  [QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:"
           "2181)(secure=disabled):o.a.z.s.q.QuorumPeer@1470] - LOOKING");
  CHECK(f.thread == "QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled)");
  CHECK(f.logger == "o.a.z.s.q.QuorumPeer");
  CHECK(f.message == "LOOKING");

  f = Read(*zk,
           "2015-07-29 17:41:44,747 [myid:] - WARN  [main-SendThread(zk1:2181):ClientCnxn@1102] - "
           "Session 0x0 for server null, unexpected error");
  CHECK(f.thread == "main-SendThread(zk1:2181)");
  CHECK(f.logger == "ClientCnxn");
}

TEST_CASE("pattern: the message found from the right (Strimzi, Kafka)") {
  auto strimzi = Compile("%d{ISO8601} %p %m (%c) [%t]%n");
  Fields f = Read(*strimzi,
                  "2019-08-06 20:48:42,652 INFO New election. My id =  1, proposed zxid=0x0 "
                  "(org.apache.zookeeper.server.quorum.FastLeaderElection) "
                  "[QuorumPeer[myid=1](plain=/0.0.0.0:2181)(secure=disabled)]");
  CHECK(f.level == "INFO");
  CHECK(f.logger == "org.apache.zookeeper.server.quorum.FastLeaderElection");
  CHECK(f.thread == "QuorumPeer[myid=1](plain=/0.0.0.0:2181)(secure=disabled)");
  CHECK(f.myid == 1);
  CHECK(f.message == "New election. My id =  1, proposed zxid=0x0");

  auto kafka = Compile("[%d] %p %m (%c)%n");
  f = Read(*kafka,
           "[2021-04-02 01:33:58,687] WARN Session 0x0 for server zk1/10.0.0.1:2181, unexpected "
           "error (in this case (really)) (org.apache.zookeeper.ClientCnxn)");
  CHECK(f.logger == "org.apache.zookeeper.ClientCnxn");
  CHECK(f.message ==
        "Session 0x0 for server zk1/10.0.0.1:2181, unexpected error (in this case (really))");
}

TEST_CASE("pattern: a tab in the pattern ends a field at a tab, spaces inside it stay") {
  // zap's console encoder (apecloud/kubeblocks#9165): the context fields after the last tab are
  // not message, though they hold " {".
  auto zap = Compile("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}\t%p\t%m\t{%X{fields}}%n");
  Fields f = Read(*zap,
                  "2025-04-02T11:39:50.206Z\tINFO\tcluster component phase transition:  -> Running "
                  "(cluster component zookeeper is Running)\t{\"controller\": \"cluster\", "
                  "\"Cluster\": {\"name\":\"zkeeper-vmmphk\",\"namespace\":\"default\"}}");
  CHECK(f.level == "INFO");
  CHECK(f.message ==
        "cluster component phase transition:  -> Running (cluster component zookeeper is Running)");
  // Airlift (twitter-forks/presto#28): the thread is not left empty before the logger.
  auto airlift = Compile("%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ}\t%p\t%t\t%c\t%m%n");
  f = Read(*airlift,
           "2016-02-24T14:44:10.398-0800\tINFO\tquery-execution-1\tcom.facebook.presto.execution."
           "SqlQueryManager\tQuery complete");
  CHECK(f.thread == "query-execution-1");
  CHECK(f.logger == "com.facebook.presto.execution.SqlQueryManager");
  CHECK(f.message == "Query complete");
  // Without tabs in the line the thread has no end: not read as an empty thread.
  Header h;
  Miss miss;
  CHECK_FALSE(
      airlift->Match("2014-05-16 13:17:07,290 INFO spawned: 'zk' with pid 22291", &h, &miss));
  // A tab in the pattern is one in the line: zap's named logger is no Airlift thread, and the
  // message's words are no logger (arkmq-org/arkmq-org-broker-operator#27).
  CHECK_FALSE(
      airlift->Match("2020-11-02T10:11:35.221Z\tINFO\tcmd\tGo Version: go1.13.4", &h, &miss));
  // A message before an optional group ends at the group's tab, or at the end of the line.
  auto named =
      Compile("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}\t%p\t%X{logger}\t%m%notEmpty{\t%X{fields}}%n");
  f = Read(*named, "2020-11-02T10:11:35.221Z\tINFO\tcmd\tGo Version: go1.13.4");
  CHECK(f.logger == "cmd");
  CHECK(f.message == "Go Version: go1.13.4");
  f = Read(*named,
           "2020-11-02T10:11:35.280Z\tDEBUG\tk8sutil\tFound podname\t{\"Pod.Name\": \"a\"}");
  CHECK(f.message == "Found podname");
}

TEST_CASE("pattern: a tab expanded to blanks up to a tab stop is still the pattern's tab") {
  // trinodb/trino#28360: the paste turned Airlift's tabs into blanks, each run ending at a column
  // that is a multiple of 8 (one blank after a 39-character logger).
  auto airlift = Compile("%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ}\t%p\t%t\t%c\t%m%n");
  Fields f = Read(*airlift,
                  "2026-02-18T21:56:29.966Z        INFO    main    io.trino.server.PluginManager"
                  "   Registering connector tpcds");
  CHECK(f.level == "INFO");
  CHECK(f.thread == "main");
  CHECK(f.logger == "io.trino.server.PluginManager");
  CHECK(f.message == "Registering connector tpcds");
  f = Read(*airlift,
           "2026-02-18T21:56:29.978Z        INFO    main    io.trino.connector.StaticCatalogManager"
           " -- Loading catalog jmx --");
  CHECK(f.logger == "io.trino.connector.StaticCatalogManager");
  CHECK(f.message == "-- Loading catalog jmx --");
  // Blanks that end short of a tab stop are a message's: one blank between words is no tab.
  Header h;
  Miss miss;
  CHECK_FALSE(
      airlift->Match("2019-01-29T01:59:10.687-0600 INFO Major GC: application 0ms", &h, &miss));
  // A line with tabs of its own keeps them as the only tabs.
  CHECK_FALSE(
      airlift->Match("2026-02-18T21:56:29.966Z        INFO    main    io.trino.X\tmsg", &h, &miss));
}

TEST_CASE("pattern: a logger named after a container image, where a Java name does not fit") {
  // Testcontainers names a container's logger after its image (testcontainers-java#5844): with a
  // blank and a bracket in 1.15-1.17, with '/' and ':' in 1.18 on.
  auto console = Compile("%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
  Fields f = Read(*console,
                  "12:08:22.657 [DefaultDispatcher-worker-2] INFO  \U0001F433 "
                  "[confluentinc/cp-kafka:6.2.1] - Creating container for image: "
                  "confluentinc/cp-kafka:6.2.1");
  CHECK(f.logger == "\U0001F433 [confluentinc/cp-kafka:6.2.1]");
  CHECK(f.thread == "DefaultDispatcher-worker-2");
  CHECK(f.message == "Creating container for image: confluentinc/cp-kafka:6.2.1");
  f = Read(*console,
           "12:08:22.657 [main] INFO  tc.confluentinc/cp-kafka:7.3.0 - Container is starting");
  CHECK(f.logger == "tc.confluentinc/cp-kafka:7.3.0");
  CHECK(f.message == "Container is starting");
  // A Java name that fits is read as before: the message's own brackets stay message.
  f = Read(*console, "12:08:22.657 [main] INFO  o.t.DockerClientFactory - Connected [to docker]");
  CHECK(f.logger == "o.t.DockerClientFactory");
  CHECK(f.message == "Connected [to docker]");
}

TEST_CASE(
    "pattern: a field before an optional group ends where the group or the text after it does") {
  // HBase 2.5's "[%t%notEmpty{ (%X)}]" (apache/hbase#5145): the MDC after the thread, or none.
  auto hbase = Compile("%d{ISO8601} %-5p [%t%notEmpty{ (%X)}] %c{2}: %m%n");
  Fields f = Read(*hbase, "2023-03-27T15:46:01,930 INFO  [main] master.HMaster: STARTING");
  CHECK(f.thread == "main");
  CHECK(f.logger == "master.HMaster");
  f = Read(
      *hbase,
      "2023-03-27T15:46:01,930 INFO  [RS_CLAIM_REPLICATION_QUEUE-regionserver/scipio:0-0 "
      "({event_type=RS_CLAIM_REPLICATION_QUEUE, pid=33})] replication.ZKReplicationQueueStorage:"
      " Atomically moving");
  CHECK(f.thread == "RS_CLAIM_REPLICATION_QUEUE-regionserver/scipio:0-0");
  CHECK(f.message == "Atomically moving");
}

TEST_CASE("pattern: padding, truncation and wrappers") {
  auto boot =
      Compile("%d{yyyy-MM-dd HH:mm:ss.SSS} %5p %pid --- [%15.15t] %-40.40logger{39} : %m%n");
  Fields f = Read(*boot,
                  "2019-03-05 10:57:51.112  INFO 45469 --- [           main] "
                  "org.apache.zookeeper.ZooKeeper           : Client environment:os.name=Linux");
  CHECK(f.level == "INFO");
  CHECK(f.thread == "main");
  CHECK(f.logger == "org.apache.zookeeper.ZooKeeper");
  CHECK(f.message == "Client environment:os.name=Linux");
  // The ".40" cut the logger from the left: it starts at a dot (Spring Boot 3, samples-test-spring
  // issue 266), which a logger without a maximum width may not.
  f = Read(*boot,
           "2024-05-25 13:52:56.577  INFO 25916 --- [  restartedMain] "
           ".s.d.r.c.RepositoryConfigurationDelegate : Bootstrapping Spring Data JPA repositories");
  CHECK(f.logger == ".s.d.r.c.RepositoryConfigurationDelegate");
  CHECK(f.message == "Bootstrapping Spring Data JPA repositories");
  Header unused;
  Miss miss;
  CHECK_FALSE(Compile("%d{yyyy-MM-dd HH:mm:ss.SSS} %5p %pid --- [%t] %logger : %m%n")
                  ->Match("2024-05-25 13:52:56.577  INFO 1 --- [main] .s.d.Delegate : Booting",
                          &unused, &miss));

  // "%c: %m" reads a logger with blanks up to the first ": " (ClickHouse); a padded one holds none,
  // its blanks being padding (hclog's "[WARN]  failed to unseal core: ..." has no logger).
  CHECK(Read(*Compile("%d{ISO8601} [%-5p] %c: %m%n"),
             "2020-05-18 15:49:31,519 [WARN]  failed to unseal core: error=x")
            .logger == "failed to unseal core");
  CHECK_FALSE(Compile("%d{ISO8601} [%-5p] %-1c: %m%n")
                  ->Match("2020-05-18 15:49:31,519 [WARN]  failed to unseal core: error=x", &unused,
                          &miss));

  auto colored = Compile("%d{HH:mm:ss.SSS} %highlight{%-5level} [%t] %cyan(%logger{36}) - %msg%n");
  f = Read(*colored, "10:42:14.371 WARN  [main] o.a.z.ClientCnxn - Session 0x0 closed");
  CHECK(f.time == "1970-01-01T10:42:14.371000");
  CHECK(f.logger == "o.a.z.ClientCnxn");
  CHECK(f.message == "Session 0x0 closed");

  auto flink = Compile("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n");
  f = Read(*flink,
           "2020-03-20 10:42:30,456 WARN  org.apache.zookeeper.ClientCnxn                        "
           "       - Session 0x0 for server null");
  CHECK(f.logger == "org.apache.zookeeper.ClientCnxn");
  CHECK(f.message == "Session 0x0 for server null");

  // Karaf's "%-32.32c{1.}": an abbreviated logger longer than 32 is cut from the left, at a dot.
  auto karaf = Compile("%d{DEFAULT} | %-5.5p | %-20.20t | %-32.32c{1.} | %m%n");
  f = Read(*karaf,
           "2024-03-17 03:14:13,308 | ERROR | main                 | "
           ".a.h.h.t.DFSZKFailoverController | Got a fatal error, exiting now");
  CHECK(f.logger == ".a.h.h.t.DFSZKFailoverController");
  CHECK(f.thread == "main");
  CHECK(f.message == "Got a fatal error, exiting now");
}

TEST_CASE("pattern: dates") {
  Fields f = Read(*Compile("%d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n"),
                  "15/12/05 15:08:06 WARN ha.HealthMonitor: Transport-level exception");
  CHECK(f.time == "2015-12-05T15:08:06.000000");
  CHECK(f.logger == "ha.HealthMonitor");

  f = Read(*Compile("%d{ISO8601_OFFSET_DATE_TIME_HHMM} [%t] %-5level %logger{36} - %msg%n"),
           "2021-06-17T08:14:35,457+0200 [main] INFO  o.a.z.ZooKeeper - Initiating client");
  CHECK(f.time == "2021-06-17T06:14:35.457000");  // the offset is applied

  // A zone abbreviation with one meaning is an offset (PostgreSQL's "%m" in New York's zone); an
  // ambiguous one ("CST": China or US Central) leaves the time local, as an unknown name does.
  f = Read(*Compile("%d{yyyy-MM-dd HH:mm:ss.SSS z} [%pid] %p: %m%n"),
           "2023-06-23 14:01:00.956 EDT [25987] LOG:  connection received");
  CHECK(f.time == "2023-06-23T18:01:00.956000");
  f = Read(*Compile("%d{yyyy-MM-dd HH:mm:ss.SSS z} [%pid] %p: %m%n"),
           "2023-06-23 14:01:00.956 CEST [25987] LOG:  connection received");
  CHECK(f.time == "2023-06-23T12:01:00.956000");
  f = Read(*Compile("%d{yyyy-MM-dd HH:mm:ss.SSS z} [%pid] %p: %m%n"),
           "2023-06-23 14:01:00.956 CST [25987] LOG:  connection received");
  CHECK(f.time == "2023-06-23T14:01:00.956000");

  f = Read(*Compile("%d{DATE} %p %c - %m%n"), "06 Nov 2019 14:02:11,003 INFO a.B - x");
  CHECK(f.time == "2019-11-06T14:02:11.003000");

  f = Read(*Compile("%d{yyMMdd HHmmss} %t %p %c: %m%n"),
           "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating");
  CHECK(f.time == "2008-11-09T20:36:15.000000");
  CHECK(f.thread == "148");
  CHECK(f.logger == "dfs.DataNode$PacketResponder");

  // A fraction the line leaves out is zero; 'T' and ' ' are the same.
  f = Read(*Compile("%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %p %m%n"), "2020-01-02 03:04:05 ERROR boom");
  CHECK(f.time == "2020-01-02T03:04:05.000000");
  CHECK(f.message == "boom");

  f = Read(*Compile("%d{UNIX_MILLIS} %p %m%n"), "1600000000123 INFO x");
  CHECK(f.time == "2020-09-13T12:26:40.123000");

  // A comma inside the format (java.util.logging) is the format's; one before a zone id is not.
  f = Read(*Compile("%d{MMM dd, yyyy h:mm:ss a} %C %M%n"),
           "Sep 25, 2020 2:57:15 PM org.apache.zookeeper.ClientCnxn$SendThread run");
  CHECK(f.time == "2020-09-25T14:57:15.000000");
  CHECK(f.logger == "org.apache.zookeeper.ClientCnxn$SendThread");
  f = Read(*Compile("%d{yyyy-MM-dd HH:mm:ss, UTC} %p %m%n"), "2020-01-02 03:04:05 ERROR boom");
  CHECK(f.time == "2020-01-02T03:04:05.000000");
  f = Read(*Compile("%d{HH:mm:ss.SSS, Europe/Berlin} %p %m%n"), "03:04:05.006 ERROR boom");
  CHECK(f.message == "boom");
}

TEST_CASE("pattern: consecutive lines of one minute, then the next, through the minute cache") {
  auto iso = Compile("%d{ISO8601} %p %m%n");
  auto iso_t = Compile("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %p %m%n");
  CHECK(Read(*iso, "2019-09-17 05:04:12,043 INFO a").time == "2019-09-17T05:04:12.043000");
  CHECK(Read(*iso, "2019-09-17 05:04:59,999 INFO b").time == "2019-09-17T05:04:59.999000");
  // The same minute in another format: the zone still applies.
  CHECK(Read(*iso_t, "2019-09-17 05:04:30.500+02:00 INFO c").time == "2019-09-17T03:04:30.500000");
  CHECK(Read(*iso, "2019-09-17 05:05:00,000 INFO d").time == "2019-09-17T05:05:00.000000");
  CHECK(Read(*iso, "2019-09-18 05:05:01,000 INFO e").time == "2019-09-18T05:05:01.000000");
  // Two blanks between date and time are read, and not remembered as the minute's 16 bytes.
  CHECK(Read(*iso, "2019-09-18  05:05:02,000 INFO f").time == "2019-09-18T05:05:02.000000");
  CHECK(Read(*iso, "2019-09-18 05:05:03,000 INFO g").time == "2019-09-18T05:05:03.000000");
  // A bad second after a remembered minute is still refused.
  Header h;
  Miss miss;
  CHECK_FALSE(iso->Match("2019-09-18 05:05:7x,000 INFO h", &h, &miss));
}

TEST_CASE("pattern: Python formats") {
  auto space = Compile("%(asctime)s %(levelname)-8s %(name)s: %(message)s", PatternSyntax::kPython);
  Fields f = Read(*space,
                  "2019-09-17 05:04:03,691 WARNING  kazoo.client: Connection dropped: socket "
                  "connection broken");
  CHECK(f.time == "2019-09-17T05:04:03.691000");
  CHECK(f.level == "WARN");
  CHECK(f.logger == "kazoo.client");
  CHECK(f.message == "Connection dropped: socket connection broken");

  auto datefmt = Compile("%(asctime)s %(levelname)s %(name)s %(message)s", PatternSyntax::kPython,
                         "%d-%b-%Y %H:%M:%S.%f");
  f = Read(*datefmt, "02-Jun-2025 14:18:49.699192 WARNING kazoo.client Connection dropped");
  CHECK(f.time == "2025-06-02T14:18:49.699192");

  auto msecs = Compile("%(asctime)s.%(msecs)03d %(levelname)s [%(threadName)s] %(message)s",
                       PatternSyntax::kPython, "%Y-%m-%d %H:%M:%S");
  f = Read(*msecs, "2020-01-01 10:00:00.250 error [MainThread] lost");
  CHECK(f.time == "2020-01-01T10:00:00.250000");
  CHECK(f.level == "ERROR");
  CHECK(f.thread == "MainThread");

  auto bare = Compile("%(levelname)s:%(name)s:%(message)s", PatternSyntax::kPython);
  f = Read(*bare, "WARNING:kazoo.client:Connection dropped: socket connection broken");
  CHECK(f.time == "-");
  CHECK(f.logger == "kazoo.client");
  CHECK(f.message == "Connection dropped: socket connection broken");

  auto brace = Compile("{asctime} {levelname:<8} {name} {message}", PatternSyntax::kPython);
  f = Read(*brace, "2020-01-01 10:00:00,001 INFO     kazoo.client Connecting to zk1:2181");
  CHECK(f.level == "INFO");
  CHECK(f.message == "Connecting to zk1:2181");
}

TEST_CASE("pattern: optional groups, level initials, thread ids (C client, glog, Bitnami)") {
  // %notEmpty{...}: the ZooKeeper C client prints "(0xthread)" only when built multi-threaded.
  auto zkc = Compile("%d{yyyy-MM-dd HH:mm:ss,SSS}:%pid%notEmpty{(%t)}:ZOO_%p@%M@%L: %m%n");
  Fields f = Read(*zkc,
                  "2015-08-10 12:46:00,473:47965(0x7f3d4a9d2700):ZOO_INFO@check_events@1703: "
                  "initiated connection to server [192.168.122.12:2181]");
  CHECK(f.level == "INFO");
  CHECK(f.thread == "0x7f3d4a9d2700");
  CHECK(f.code_line == 1703);
  CHECK(f.message == "initiated connection to server [192.168.122.12:2181]");
  f = Read(*zkc,
           "2014-05-02 15:49:02,864:17781:ZOO_ERROR@yield@213: yield:zookeeper_interest returned "
           "error: -7 - operation timeout");
  CHECK(f.level == "ERROR");
  CHECK(f.thread == "");  // the process id is not a thread
  CHECK(f.message == "yield:zookeeper_interest returned error: -7 - operation timeout");

  // %p{length=1}: glog's level initial glued to a date without a year; %tid is the thread.
  auto glog = Compile("%p{length=1}%d{MMdd HH:mm:ss.SSSSSS} %tid %F:%L] %m%n");
  f = Read(*glog, "F1117 16:08:19.983996     8 group.cpp:636] CHECK_SOME(sequence): Failed");
  CHECK(f.level == "FATAL");
  CHECK(f.thread == "8");
  CHECK(f.code_line == 636);
  CHECK(f.message == "CHECK_SOME(sequence): Failed");
  Header h;
  Miss miss;
  CHECK_FALSE(glog->Match("X1117 16:08:19.983996 8 group.cpp:636] x", &h, &miss));

  // A failed attempt at the group leaves no level behind.
  auto bitnami = Compile("%c %d{HH:mm:ss.SS} %notEmpty{%-5p ==> }%m%n");
  f = Read(*bitnami, "zookeeper 06:39:26.99 WARN  ==> You have set ALLOW_ANONYMOUS_LOGIN=yes.");
  CHECK(f.level == "WARN");
  CHECK(f.logger == "zookeeper");
  CHECK(f.message == "You have set ALLOW_ANONYMOUS_LOGIN=yes.");
  f = Read(*bitnami, "zookeeper 06:39:26.55 INFO Welcome");
  CHECK(f.level == "-");
  CHECK(f.message == "INFO Welcome");
  f = Read(*bitnami, "zookeeper 06:39:26.52 ");
  CHECK(f.message == "");
  // A logger does not start with a digit: a dated line is not a Bitnami one.
  CHECK_FALSE(bitnami->Match("2014-01-08 17:41:07,939 kazoo.client INFO Sending", &h, &miss));
}

TEST_CASE("pattern: servers' level words and librdkafka's syslog severity") {
  // PostgreSQL's "LOG" is INFO, nginx's "notice" too; as written only ("Log" begins prose).
  auto postgres = Compile("%d{yyyy-MM-dd HH:mm:ss.SSS Z} [%pid] %-5p: %m%n");
  Fields f = Read(*postgres, "2024-07-16 14:13:12.520 UTC [140] LOG:  received fast shutdown");
  CHECK(f.level == "INFO");
  CHECK(f.message == "received fast shutdown");
  Header h;
  Miss miss;
  CHECK_FALSE(postgres->Match("2024-07-16 14:13:12.520 UTC [140] Log:  x", &h, &miss));
  // librdkafka: a syslog severity after '%' (7 is debug, 3 error); 8 is none.
  auto rdkafka = Compile("%%%p|%d{UNIX}|%X{facility}|%X{logger}| [thrd:%t]: %m%n");
  f = Read(*rdkafka, "%3|1608570438.367|FAIL|rdkafka#consumer-1| [thrd:main]: Connect failed");
  CHECK(f.level == "ERROR");
  CHECK(f.time == "2020-12-21T17:07:18.367000");
  CHECK(f.logger == "rdkafka#consumer-1");
  CHECK(f.thread == "main");
  CHECK(f.message == "Connect failed");
  CHECK_FALSE(rdkafka->Match("%8|1608570438.367|FAIL|c| [thrd:main]: x", &h, &miss));
  // A digit is a level only after '%'.
  CHECK_FALSE(Compile("%p %m%n")->Match("7 Connect failed", &h, &miss));
  // Syslog's priority opening the line: facility * 8 + severity (<46> is syslogd's info, <187>
  // local7's error); 192 and up is no priority.
  auto rfc5424 = Compile("<%p>1 %d{yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX} %m%n");
  CHECK(Read(*rfc5424, "<46>1 2016-08-18T10:35:20.662120+00:00 start").level == "INFO");
  CHECK(Read(*rfc5424, "<187>1 2016-08-18T10:35:20.662120+00:00 x").level == "ERROR");
  CHECK_FALSE(rfc5424->Match("<192>1 2016-08-18T10:35:20.662120+00:00 x", &h, &miss));
}

TEST_CASE("pattern: level names and loggers of other writers (ClickHouse, Python, Storm)") {
  // ClickHouse: Poco's level names, a thread id, a logger with blanks before ": ".
  auto clickhouse = Compile("%d{yyyy.MM.dd HH:mm:ss.SSSSSS} [ %tid ] {%X{query_id}} <%p> %c: %m%n");
  Fields f = Read(*clickhouse,
                  "2018.11.02 01:03:32.655874 [ 22 ] {} <Information> SrcViews..inner.TTViewAdv "
                  "(StorageReplicatedMergeTree): void DB::StorageReplicatedMergeTree::queueTask(): "
                  "Code: 999");
  CHECK(f.time == "2018-11-02T01:03:32.655874");
  CHECK(f.level == "INFO");
  CHECK(f.thread == "22");
  CHECK(f.logger == "SrcViews..inner.TTViewAdv (StorageReplicatedMergeTree)");
  CHECK(f.message == "void DB::StorageReplicatedMergeTree::queueTask(): Code: 999");

  // Python names a level without a name "Level 5" (kazoo's BLATHER).
  auto oslo = Compile("(%(name)s): %(asctime)s %(levelname)s %(module)s %(funcName)s %(message)s",
                      PatternSyntax::kPython);
  f = Read(*oslo,
           "(kazoo.client): 2015-09-11 18:49:38,485 Level 5 connection _submit Sending "
           "request(xid=-2): Ping()");
  CHECK(f.level == "TRACE");
  CHECK(f.logger == "kazoo.client");
  CHECK(f.message == "Sending request(xid=-2): Ping()");

  // %c{1.} writes packages as initials: Storm 1's "logger thread" and Storm 2's "thread logger"
  // orders are told apart.
  auto storm1 = Compile("%d{yyyy-MM-dd HH:mm:ss.SSS} %c{1.} %t [%p] %msg%n");
  auto storm2 = Compile("%d{yyyy-MM-dd HH:mm:ss.SSS} %t %c{1.} [%p] %msg%n");
  std::string_view line = "2018-03-26 21:39:18.738 Refresh-TGT o.a.s.m.n.Login [INFO] TGT started";
  f = Read(*storm2, line);
  CHECK(f.thread == "Refresh-TGT");
  CHECK(f.logger == "o.a.s.m.n.Login");
  Header h;
  Miss miss;
  CHECK_FALSE(storm1->Match(line, &h, &miss));
  CHECK_FALSE(
      storm2->Match("2016-08-09 14:23:01.456 o.a.s.s.o.a.z.ClientCnxn main [WARN] x", &h, &miss));

  // A quoted 'Z' after the time is UTC.
  auto whisk = Compile("[%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}] [%p] %msg%n");
  CHECK(whisk->Match("[2018-07-24T13:32:42.600Z] [INFO] Default schema", &h, &miss));
  CHECK(h.has_offset);
  CHECK(h.utc_offset_us == 0);
}

TEST_CASE("pattern: a line of another layout is refused, and the miss says where") {
  auto zk = Compile("%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n");
  Header h;
  Miss miss;
  CHECK_FALSE(
      zk->Match("\tat org.apache.zookeeper.ClientCnxn.run(ClientCnxn.java:1061)", &h, &miss));
  CHECK(miss.column == 0);
  CHECK_FALSE(zk->Match("2019-09-17 05:04:12,043 [myid:3] - NOTALEVEL [main:A@1] - x", &h, &miss));
  CHECK(miss.column == 35);
  CHECK(std::string(miss.why) == "no level name here");
  // Many candidate ends cost a bounded number of steps.
  std::string hostile = "2019-09-17 05:04:12,043 [myid:3] - WARN  [";
  for (int i = 0; i < 2000; ++i) hostile += "a:(";
  CHECK_FALSE(zk->Match(hostile, &h, &miss));
}

TEST_CASE("pattern: compile errors name the column") {
  std::string error;
  CHECK(CompileLayout("%d %q %m", PatternSyntax::kLog4j, "", &error) == nullptr);
  CHECK(error == "column 4: unknown conversion %q");
  CHECK(CompileLayout("%d{yyyy-MM-dd 'T} %m", PatternSyntax::kLog4j, "", &error) == nullptr);
  CHECK(error.find("unterminated quote") != std::string::npos);
  CHECK(CompileLayout("%(asctime)s %(levelname)", PatternSyntax::kPython, "", &error) == nullptr);
  CHECK(error.find("type letter") != std::string::npos);
  CHECK(CompileLayout("%(asctime)s %(message)s", PatternSyntax::kPython, "%Y %Q", &error) ==
        nullptr);
  CHECK(error.find("%Q") != std::string::npos);
}

// The table's layouts: every pattern compiles, and reads every sample of the scanner that reads
// its layout to the same fields; so the table says what is parsed.
TEST_CASE("builtin layouts: patterns compile and agree with the hand-written scanners") {
  int checked = 0;
  for (const BuiltinLayout& layout : BuiltinLayouts()) {
    CAPTURE(layout.name);
    Compile(layout.pattern, layout.syntax, layout.datefmt);
    if (layout.parser.empty()) CHECK(!layout.samples.empty());
  }
  // Each sample of a scanner's variant is read, to the same fields, by a pattern listed for it.
  for (const Parser* parser : AllParsers()) {
    for (const Sample& sample : parser->Samples()) {
      std::string key = std::string(parser->Name()) + "/" + std::string(sample.variant);
      bool listed = false, read = false;
      for (const BuiltinLayout& layout : BuiltinLayouts()) {
        if (layout.parser != key) continue;
        listed = true;
        Header expected, got;
        Miss miss;
        REQUIRE(parser->ParseHeader(sample.line, &expected, &miss));
        auto compiled = Compile(layout.pattern, layout.syntax, layout.datefmt);
        if (!compiled->Match(sample.line, &got, &miss)) continue;
        read = read || (got.local == expected.local && got.level == expected.level &&
                        got.logger == expected.logger && got.thread == expected.thread &&
                        got.message == expected.message);
      }
      if (!listed) continue;  // timeless, generic and python/module: no pattern listed
      CAPTURE(key);
      CAPTURE(sample.line);
      CHECK(read);
      ++checked;
    }
  }
  CHECK(checked >= 20);
}

TEST_CASE("user layouts the table reads with a scanner use it, to the same fields") {
  std::string error;
  // ZooKeeper's default as a user writes it in log4j.properties, and spelt the logback way.
  for (std::string_view pattern : {"%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n",
                                   "%d{ISO8601} [myid:%X{myid}] - %-5level [%thread:%C{1}@%L] - "
                                   "%msg%n"}) {
    CAPTURE(pattern);
    auto with_scanner = MakePatternParser(pattern, PatternSyntax::kLog4j, "", "--layout", &error);
    REQUIRE(with_scanner != nullptr);
    CHECK(with_scanner->scanner() == &ZooKeeperLogParser());
  }
  CHECK(MakePatternParser("%d %p [%t] %c - %m%n", PatternSyntax::kLog4j, "", "--layout", &error)
            ->scanner() == nullptr);
  // Every table layout with a scanner: on the scanner's samples the pattern reads, the parser
  // that uses the scanner gives the fields the pattern alone gives.
  int compared = 0;
  int with_scanner = 0;
  for (const BuiltinLayout& layout : BuiltinLayouts()) {
    if (layout.parser.empty()) continue;
    CAPTURE(layout.name);
    auto fast = MakePatternParser(layout.pattern, layout.syntax, layout.datefmt, "t", &error);
    REQUIRE(fast != nullptr);
    if (fast->scanner() == nullptr) continue;  // a variant several patterns write
    ++with_scanner;
    auto slow = Compile(layout.pattern, layout.syntax, layout.datefmt);
    std::string_view variant = layout.parser.substr(layout.parser.find('/') + 1);
    for (const Sample& sample : fast->scanner()->Samples()) {
      Header expected, got;
      Miss miss;
      if (sample.variant != variant || !slow->Match(sample.line, &expected, &miss)) continue;
      CAPTURE(sample.line);
      REQUIRE(fast->ParseHeader(sample.line, &got, &miss));
      CHECK(got.local == expected.local);
      CHECK(got.level == expected.level);
      CHECK(got.logger == expected.logger);
      CHECK(got.thread == expected.thread);
      CHECK(got.message == expected.message);
      CHECK(got.myid == expected.myid);
      ++compared;
    }
  }
  CHECK(with_scanner >= 5);
  CHECK(compared >= 5);
}

TEST_CASE(
    "pattern_layout: an optional group ending in the pattern's trailing blanks ends in range") {
  // The blanks at the end are dropped after compiling; the group's end must move with them (it
  // pointed past the last token, and matching read beyond the token list: a fuzz_pattern find).
  std::string error;
  auto layout = CompileLayout("%d %t %notEmpty{%X{key} }", PatternSyntax::kLog4j, "", &error);
  REQUIRE(layout != nullptr);
  for (const CompiledLayout::Token& token : layout->tokens()) {
    if (token.kind == CompiledLayout::Kind::kOptional) CHECK(token.skip <= layout->tokens().size());
  }
  Header header;
  Miss miss;
  layout->Match("2024-01-01 00:00:00,000 main", &header, &miss);
  layout->Match("2024-01-01 00:00:00,000 main k ", &header, &miss);
}

}  // namespace
}  // namespace faultline

namespace faultline {
namespace {

TEST_CASE("pattern: a line that cannot start as the pattern does is refused at once") {
  std::string error;
  auto layout = CompileLayout("[%d] %p %m (%c)%n", PatternSyntax::kLog4j, "", &error);
  REQUIRE(layout != nullptr);
  Header h;
  Miss miss;
  CHECK_FALSE(layout->Match("2019-08-27 02:55:36,553 INFO x (y)", &h, &miss));
  CHECK(miss.column == 0);
  CHECK(layout->Match("[2019-08-27 02:55:36,553] INFO Connected. (kafka.zookeeper.ZooKeeperClient)",
                      &h, &miss));
  // A date first: digits (or a padded day); a level first: letters; a name first: anything.
  auto dated = CompileLayout("%d{HH:mm:ss.SSS} [%p] %m%n", PatternSyntax::kLog4j, "", &error);
  REQUIRE(dated != nullptr);
  CHECK_FALSE(dated->Match("[14:18:28.577] error x", &h, &miss));
  CHECK(dated->Match("14:18:28.577 [error] Connect fail", &h, &miss));
  auto thread_first = CompileLayout("%t %p %m%n", PatternSyntax::kLog4j, "", &error);
  REQUIRE(thread_first != nullptr);
  CHECK(thread_first->Match("[main] INFO started", &h, &miss));
}

}  // namespace
}  // namespace faultline
