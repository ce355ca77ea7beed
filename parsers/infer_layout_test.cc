#include "parsers/infer_layout.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parsers/date_shapes.h"
#include "parsers/infer_words.h"
#include "parsers/pattern_layout.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using infer::IsClassDotMethod;
using infer::IsClassHashMethod;
using infer::IsClassMethodLine;
using infer::NamedBracketsEnd;
using infer::ThreadIdKeyLength;

// The lines are real ones from testdata/parsers/public-layouts (their sources are in its README).

// What a file's inferred layout must be, and how it must read one of the lines.
struct Want {
  std::string_view pattern;
  size_t line;  ///< the index of the line to read
  Level level;
  std::string_view logger, thread, message;
  bool timed = true;  ///< whether the lines carry a time
};

std::string_view TrimmedMessage(const Header& h) {
  std::string_view m = h.message;
  while (!m.empty() && m.back() == ' ') m.remove_suffix(1);
  return m;
}

void CheckInferred(const std::vector<std::string_view>& lines, const Want& want) {
  InferredLayout inferred = InferLayout(lines);
  CHECK(inferred.pattern == want.pattern);
  REQUIRE(inferred.parser != nullptr);
  CHECK(inferred.lines_read == static_cast<int>(lines.size()));
  Header h;
  Miss miss;
  REQUIRE(inferred.parser->ParseHeader(lines[want.line], &h, &miss));
  CHECK((h.local != kNoInstant) == want.timed);
  CHECK(h.level == want.level);
  CHECK(h.logger == want.logger);
  CHECK(h.thread == want.thread);
  CHECK(h.message == want.message);
}

TEST_CASE("infer: Rust's env_logger, the module path as the logger") {
  CheckInferred(
      {
          "[2023-09-16T21:35:53Z TRACE mio_extras::timer] triggering; token=Token(0)",
          "[2023-09-16T21:35:53Z TRACE zookeeper::io] handle ping timeout",
          "[2023-09-16T21:35:53Z TRACE zookeeper::io] Pinging [::1]:2181",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %-1X{logger}] %m%n", 2, Level::kTrace, "zookeeper::io",
       "", "Pinging [::1]:2181"});
}

TEST_CASE("infer: a bracketed level glued to a logger padded inside parentheses") {
  CheckInferred(
      {
          "2018-07-27 17:19:31 [WARN ](o.a.z.ClientCnxn                   ) Session 0x0 for server "
          "null, unexpected error, closing socket connection and attempting reconnect",
          "2018-07-27 17:19:31 [WARN ](c.n.p.c.c.z.ZookeeperJobWorker     ) handleUpdate failed. "
          "caused:Instance must be connected., jobSize:1",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%-5p](%-1c) %m%n", 1, Level::kWarn,
       "c.n.p.c.c.z.ZookeeperJobWorker", "",
       "handleUpdate failed. caused:Instance must be "
       "connected., jobSize:1"});
}

TEST_CASE("infer: a class name in parentheses after the thread is the logger") {
  CheckInferred({"INFO 09:50:17.659 [main] (Server) Started @72398ms"},
                {"%-5p %d{HH:mm:ss.SSS} [%t] (%c) %m%n", 0, Level::kInfo, "Server", "main",
                 "Started @72398ms"});
}

TEST_CASE("infer: librdkafka's thread marker, whatever client prints its lines") {
  // The thread without librdkafka's "thrd:"; no time in these lines.
  CheckInferred(
      {
          "INFO  -  [thrd:ssl://dev-kafka-vm-1.:9093/bootstr]: ssl://dev-kafka-vm-1.:9093/1: "
          "Connected (#6)",
          "INFO  -  [thrd:ssl://dev-kafka-vm-1.:9093/bootstr]: ssl://dev-kafka-vm-1.:9093/1: "
          "Broker "
          "changed state APIVERSION_QUERY -> UP",
      },
      {"%-5p- [thrd:%t]: %m%n", 1, Level::kInfo, "", "ssl://dev-kafka-vm-1.:9093/bootstr",
       "ssl://dev-kafka-vm-1.:9093/1: Broker changed state APIVERSION_QUERY -> UP", false});
}

TEST_CASE("infer: ZooKeeper's [myid:%X{myid}] in a layout an image wrote") {
  // A ZooKeeper image's "%d{ISO8601} [myid:%X{myid}] %-5p [%C{2}] %m%n" (pattern-zoo): the MDC
  // bracket, empty or not, is the server's id, and the bracket after the level the logger.
  std::vector<std::string_view> lines = {
      "2024-03-17 03:14:07,123 [myid:] INFO  [quorum.QuorumPeer] LOOKING",
      "2024-03-17 03:14:08,360 [myid:3] INFO  [quorum.FastLeaderElection] New election. My id = "
      "3, proposed zxid=0x100000003",
  };
  CheckInferred(lines, {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [myid:%X{myid}] %-5p [%c] %m%n", 1,
                        Level::kInfo, "quorum.FastLeaderElection", "",
                        "New election. My id = 3, proposed zxid=0x100000003"});
  Header h;
  Miss miss;
  REQUIRE(InferLayout(lines).parser->ParseHeader(lines[1], &h, &miss));
  CHECK(h.myid == 3);
}

TEST_CASE("infer: an arrow after the logger, a dash glued to a location, a bracketed time of day") {
  // Spring Boot's "logging.pattern.console=%d %-5level [%thread] %logger{15} ===> %msg%n"
  // (pattern-zoo): the arrow is pattern text.
  CheckInferred(
      {
          "2024-03-17 03:14:07 INFO  [main] o.a.z.s.q.QuorumPeer ===> LOOKING",
          "2024-03-17 03:14:09 WARN  [LearnerHandler-/10.0.0.3:45316] o.a.z.s.q.LearnerHandler "
          "===> "
          "Closing connection to peer due to transaction timeout.",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p [%t] %-1c ===> %m%n", 1, Level::kWarn,
       "o.a.z.s.q.LearnerHandler", "LearnerHandler-/10.0.0.3:45316",
       "Closing connection to peer due to transaction timeout."});
  // "[%d{HH:mm:ss}][%-5p](%F:%L)-%m%n": a time of day in brackets before a bracketed level, and a
  // dash glued to the location's parenthesis.
  std::vector<std::string_view> glued = {
      "[03:14:07][INFO ](QuorumPeer.java:1409)-LOOKING",
      "[03:14:09][WARN ](LearnerHandler.java:737)-Closing connection to peer due to transaction "
      "timeout.",
  };
  InferredLayout inferred = InferLayout(glued);
  REQUIRE(inferred.parser != nullptr);
  Header h;
  Miss miss;
  REQUIRE(inferred.parser->ParseHeader(glued[1], &h, &miss));
  CHECK(h.level == Level::kWarn);
  CHECK(h.message == "Closing connection to peer due to transaction timeout.");
}

TEST_CASE("infer: %d(%r), log4j's %l, a method after the logger, an MDC of empty values") {
  // "[%-5p] %d(%r) --> [%t] %l: %m %x %n", a layout of Chinese log4j tutorials (pattern-zoo).
  CheckInferred(
      {
          "[INFO ] 2024-03-17 03:14:07,123(41) --> [main] "
          "org.apache.zookeeper.server.quorum.QuorumPeer.run(QuorumPeer.java:1409): LOOKING  ",
          "[WARN ] 2024-03-17 03:14:09,597(2515) --> [LearnerHandler-/10.0.0.3:45316] "
          "org.apache.zookeeper.server.quorum.LearnerHandler.run(LearnerHandler.java:737): Closing "
          "connection to peer due to transaction timeout.  ",
      },
      {"[%-5p] %d{yyyy-MM-dd HH:mm:ss.SSSXXX}(%pid) --> [%t] %l: %m%n", 1, Level::kWarn,
       "org.apache.zookeeper.server.quorum.LearnerHandler", "LearnerHandler-/10.0.0.3:45316",
       "Closing connection to peer due to transaction timeout."});
  // Hadoop's "%d{ISO8601} [%t] %-5p %c{2} %M - %m%n": with the thread read, the word before " - "
  // is the method.
  CheckInferred(
      {
          "2024-03-17 03:14:08,360 [main] INFO  quorum.FastLeaderElection lookForLeader - New "
          "election. My id = 2, proposed zxid=0x100000003",
          "2024-03-17 03:14:09,597 [LearnerHandler-/10.0.0.3:45316] WARN  quorum.LearnerHandler "
          "run "
          "- Closing connection to peer due to transaction timeout.",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%t] %-5p %-1c %M - %m%n", 1, Level::kWarn,
       "quorum.LearnerHandler", "LearnerHandler-/10.0.0.3:45316",
       "Closing connection to peer due to transaction timeout."});
  // "[%X{orgId};%X{userId};%X{ip}]" with nothing in the MDC: "[;;]".
  CheckInferred(
      {
          "2024-03-17 03:14:07,123 INFO  (main) [;;] org.apache.zookeeper.server.quorum.QuorumPeer "
          "- LOOKING",
          "2024-03-17 03:14:09,597 WARN  (LearnerHandler-/10.0.0.3:45316) [;;] "
          "org.apache.zookeeper.server.quorum.LearnerHandler - Closing connection to peer due to "
          "transaction timeout.",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p (%t) [%X] %-1c- %m%n", 1, Level::kWarn,
       "org.apache.zookeeper.server.quorum.LearnerHandler", "LearnerHandler-/10.0.0.3:45316",
       "Closing connection to peer due to transaction timeout."});
}

TEST_CASE("infer: a line number right-aligned after the class's colon") {
  // "%d{yyyy-MM-dd HH:mm:ss} [%-5p] %c{1}:%4L - %m%n" (pattern-zoo): lines whose number fills the
  // width and lines padded before it are one field.
  CheckInferred(
      {
          "2024-03-17 03:14:07 [INFO ] QuorumPeer:1409 - LOOKING",
          "2024-03-17 03:14:08 [INFO ] FastLeaderElection: 979 - New election. My id = 2",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%-5p] %c:%1L - %m%n", 1, Level::kInfo, "FastLeaderElection",
       "", "New election. My id = 2"});
}

TEST_CASE("infer: a source path and line after the level is a location, not message") {
  // Beats' zap console lines (elastic/beats#13479), their tabs turned to blanks by the page.
  CheckInferred(
      {
          "2019-08-01T20:31:02.479+0200    INFO    kafka/log.go:53 Connected to broker at "
          "localhost:9093 (unregistered)",
          "2019-08-01T20:31:02.731+0200    INFO    module/wrapper.go:244   Error fetching data for "
          "metricset kafka.consumergroup: error in connect: EOF",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %X{file}:%L %m%n", 1, Level::kInfo, "", "",
       "Error fetching data for metricset kafka.consumergroup: error in connect: EOF"});
}

TEST_CASE("infer: procrun's padded location and bracketed number") {
  // The number after the location is read as a process id: it is not the message.
  CheckInferred(
      {
          "[2020-05-11 20:48:48] [debug] ( prunsrv.c:1448) [ 6104] Inside ServiceMain...",
          "[2020-05-11 20:48:48] [debug] ( prunsrv.c:910 ) [ 6104] reportServiceStatusE: "
          "dwCurrentState = 2, dwWin32ExitCode = 0, dwWaitHint = 3000, dwServiceSpecificExitCode "
          "= 0.",
          "[2020-05-11 20:48:48] [info]  ( prunsrv.c:1203) [ 6104] Starting service...",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}] [%-5p] (%-1F:%-1L) [%-1pid] %m%n", 2, Level::kInfo, "", "",
       "Starting service..."});
}

TEST_CASE("infer: a class name and a colon after the bracketed thread") {
  CheckInferred(
      {
          "INFO  2015-09-24 06:22:04,585 [main] FlinkScheduler$:  Current user: vagrant",
          "INFO  2015-09-24 06:22:04,588 [main] FlinkScheduler$:  Hadoop version: 2.3.0",
          "INFO  2015-09-24 06:22:04,588 [main] FlinkScheduler$:  JVM Options:",
      },
      {"%-5p %d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%t] %-1c: %m%n", 1, Level::kInfo, "FlinkScheduler$",
       "main", "Hadoop version: 2.3.0"});
}

TEST_CASE("infer: zap's console encoder with a named logger and fields") {
  // The name between tabs may hold a blank; the {fields} after the message are not message.
  CheckInferred(
      {
          "2020-11-02T10:11:35.207Z\tINFO\tpackage environments\tDetect if openshift is running",
          "2020-11-02T10:11:35.221Z\tINFO\tcmd\tenvironment is not openshift",
          "2020-11-02T10:11:35.221Z\tDEBUG\tk8sutil\tFound namespace\t{\"Namespace\": \"default\"}",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX}\t%-5p\t%X{logger}\t%m%notEmpty{\t%X{fields}}%n", 2,
       Level::kDebug, "k8sutil", "", "Found namespace"});
}

TEST_CASE("infer: a thread in brackets, a source file and line in parentheses") {
  // The file is not a logger.
  CheckInferred(
      {
          "16/12/02 00:38:21  INFO [Test worker] (ZkServer.java:155) - Shutting down ZkServer...",
          "16/12/02 00:38:21  INFO [ZkClient-EventThread-532-localhost:4700] "
          "(ZkEventThread.java:65) - Starting ZkClient event thread.",
      },
      {"%d{yy/MM/dd HH:mm:ss.SSS} %-5p [%t] (%F:%L) - %m%n", 1, Level::kInfo, "",
       "ZkClient-EventThread-532-localhost:4700", "Starting ZkClient event thread."});
}

TEST_CASE("infer: a name in brackets without a thread's marks is the logger") {
  // Only one line has a second bracket: it stays in the message.
  CheckInferred(
      {
          "2016-09-06T11:10:19.480Z INFO  [Periodicals] Starting "
          "[org.graylog.plugins.usagestatistics.UsageStatsNodePeriodical] periodical in [300s], "
          "polling every [21600s].",
          "2016-09-06T11:10:22.648Z INFO  [node] [graylog-215f232f-550f-48ad-8dea-18a6ab8c91dc] "
          "started",
          "2016-09-06T11:10:19.919Z INFO  [JerseyService] Enabling CORS for HTTP endpoint",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p [%c] %m%n", 1, Level::kInfo, "node", "",
       "[graylog-215f232f-550f-48ad-8dea-18a6ab8c91dc] started"});
}

TEST_CASE("infer: a thread before the level, a logger before ': '") {
  CheckInferred(
      {
          "[19/09/22 09:22:11:636 CST] Curator-Framework-0  WARN utils.ZKPaths: The version of "
          "ZooKeeper being used doesn't support Container nodes.",
          "[19/09/22 09:22:12:629 CST] main  INFO imps.CuratorFrameworkImpl: Starting",
      },
      {"[%d{dd/MM/yy HH:mm:ss:SSS z}] %t %-5p %-1c: %m%n", 0, Level::kWarn, "utils.ZKPaths",
       "Curator-Framework-0",
       "The version of ZooKeeper being used doesn't support Container nodes."});
}

TEST_CASE("infer: a quoted export keeps its quotes out of the fields") {
  // java.util.logging's FINE is DEBUG.
  CheckInferred(
      {
          "\"2025-09-09 18:06:28,097 FINE  [org.pos.jdb.PgConnection] (Transaction Reaper Worker "
          "0)   setAutoCommit = true\"\t",
          "\"2025-09-09 18:06:28,095 WARN  [com.arj.ats.arjuna] (Transaction Reaper Worker 0) "
          "ARJUNA012108: CheckedAction::check - atomic action 0:ffff0af4004b:a695:68bf2b16:727 "
          "aborting with 1 threads active!\"\t",
      },
      {"\"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p [%c] (%t) %m\"%n", 0, Level::kDebug,
       "org.pos.jdb.PgConnection", "Transaction Reaper Worker 0", "setAutoCommit = true"});
}

TEST_CASE("infer: what only a few lines have is not a field") {
  // "Authenticated:" looks like a logger before ': ' on one line of three.
  CheckInferred(
      {
          "2019-06-17 15:12:09.290788 I | Connected to 10.20.192.1:2181",
          "2019-06-17 15:12:09.300161 I | Authenticated: id=72075502460731408, timeout=4000",
          "2019-06-17 15:12:09.307160 I | Re-submitting `0` credentials after reconnect",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %p{length=1} | %m%n", 1, Level::kInfo, "", "",
       "Authenticated: id=72075502460731408, timeout=4000"});
}

TEST_CASE("infer: fields joined by colons, a process id among them") {
  // dpkp/kafka-python#1858
  CheckInferred(
      {
          "2019-07-03 16:57:40,126:kafka.conn:ERROR:16470:Connect attempt to <BrokerConnection "
          "node_id=1 host=172.17.0.3:9092 <connecting> [IPv4 ('172.17.0.3', 9092)]> returned error "
          "60. Disconnecting.",
          "2019-07-03 16:57:40,131:kafka.client:WARNING:16470:Node 1 connection failed -- "
          "refreshing metadata",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX}:%-1c:%-5p:%pid:%m%n", 1, Level::kWarn, "kafka.client", "",
       "Node 1 connection failed -- refreshing metadata"});
}

TEST_CASE("infer: a source file and line in brackets is a location") {
  // jubatus/jubatus#913: no time at all.
  std::vector<std::string_view> lines = {
      "INFO  [zk.cpp:577] ZooKeeper session lost",
      "WARN  [zk.cpp:591] ZooKeeper session recovered before timeout",
  };
  InferredLayout inferred = InferLayout(lines);
  CHECK(inferred.pattern == "%-5p [%F:%L] %m%n");
  REQUIRE(inferred.parser != nullptr);
  Header h;
  Miss miss;
  REQUIRE(inferred.parser->ParseHeader(lines[1], &h, &miss));
  CHECK(h.level == Level::kWarn);
  CHECK(h.thread == "");
  CHECK(h.logger == "");
  CHECK(h.message == "ZooKeeper session recovered before timeout");
}

TEST_CASE("infer: a time and prose, or no header at all, give no layout") {
  std::vector<std::string_view> prose = {
      "2014-05-16 09:37:35 Bootstrap task 0 of zookeeper on 10.38.11.59(0) success",
      "2014-05-16 09:37:35 Start task 0 of zookeeper on 10.38.11.59(0) success",
  };
  CHECK(InferLayout(prose).pattern == "");
  CHECK(InferLayout(prose).parser == nullptr);
  std::vector<std::string_view> trace = {
      "org.apache.zookeeper.KeeperException$SessionExpiredException: KeeperErrorCode = Session "
      "expired",
      "\tat org.apache.zookeeper.KeeperException.create(KeeperException.java:127)",
  };
  CHECK(InferLayout(trace).pattern == "");
}

TEST_CASE("infer: the pattern of one line") {
  CHECK(InferLinePattern("WARN : org.apache.zookeeper.ClientCnxn - Unable to reconnect to "
                         "ZooKeeper service, session 0x169561caf4a0000 has expired") ==
        "%-5p: %-1c- %m%n");
  CHECK(InferLinePattern("2016-02-16 01:46:56 +0000 Puppet (err): Could not start "
                         "Service[zookeeper]") ==
        "%d{yyyy-MM-dd HH:mm:ss.SSS Z} %-1c (%-5p): %m%n");
  CHECK(InferLinePattern("Connected to 10.20.192.1:2181") == "");
}

TEST_CASE("infer: Akka's default logger, its log source a path after the thread") {
  CheckInferred(
      {
          "[INFO] [02/14/2015 13:30:53.858] "
          "[kafka-manager-system-akka.actor.default-dispatcher-161] "
          "[akka://kafka-manager-system/user/kafka-manager/<cluster>/broker-view] Cancelling "
          "updater...",
          "[INFO] [02/14/2015 13:30:53.859] "
          "[kafka-manager-system-akka.actor.default-dispatcher-161] "
          "[akka://kafka-manager-system/user/kafka-manager/<cluster>/broker-view] Updating broker "
          "view...",
      },
      {"[%-5p] [%d{MM/dd/yyyy HH:mm:ss.SSS}] [%t] [%X{logger}] %m%n", 1, Level::kInfo,
       "akka://kafka-manager-system/user/kafka-manager/<cluster>/broker-view",
       "kafka-manager-system-akka.actor.default-dispatcher-161", "Updating broker view..."});
}

TEST_CASE("infer: TTCC's milliseconds since start after the time are no field of ours") {
  CheckInferred(
      {
          "2020-11-11 16:02:31 19006 [main] [WARN ] "
          "org.apache.hadoop.hbase.client.ConnectionImplementation [] - Retrieve cluster id failed",
          "2020-11-11 16:02:31 19005 [ReadOnlyZKClient-192.168.0.146:60010@0x75459c75] [WARN ] "
          "org.apache.hadoop.hbase.zookeeper.ReadOnlyZKClient [] - 0x75459c75 failed for get of "
          "/hbase/hbaseid, code = CONNECTIONLOSS, retries = 3, give up",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %r [%t] [%-5p] %-1c [%X] - %m%n", 0, Level::kWarn,
       "org.apache.hadoop.hbase.client.ConnectionImplementation", "main",
       "Retrieve cluster id failed"});
}

TEST_CASE("infer: Salt's logger and line padded in one bracket, brackets glued") {
  // The process id after the level is not a thread.
  CheckInferred(
      {
          "2018-03-28 17:05:14,773 [salt.cli.daemons :293 ][INFO    ][12550] Setting up the Salt "
          "Minion \"devops-mq01.us-east-1a.test.MYDOMAIN.com\"",
          "2018-03-28 17:05:14,780 [salt.cli.daemons :82  ][INFO    ][12550] Starting up the Salt "
          "Minion",
          "2018-03-28 17:05:14,780 [salt.utils.event :1016][INFO    ][12550] Starting pull socket "
          "on /var/run/salt/minion/minion_event_689b972413_pull.ipc",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%-1c:%-1L][%-5p][%pid] %m%n", 2, Level::kInfo,
       "salt.utils.event", "",
       "Starting pull socket on /var/run/salt/minion/minion_event_689b972413_pull.ipc"});
}

TEST_CASE("infer: brackets padded with blanks inside, a thread with blanks") {
  CheckInferred(
      {
          "2019-09-12 16:19:59.246 [ HikariPool-2 housekeeper ] - [ WARN  ] [ "
          "com.zaxxer.hikari.pool.HikariPool : 668 ] - HikariPool-2 - Thread starvation or clock "
          "leap detected (housekeeper delta=54s154ms717\u03bcs822ns).",
          "2019-09-12 16:20:06.183 [ ShardingSphere-Command-2 ] - [ INFO  ] [ ShardingSphere-SQL : "
          "71 ] - Rule Type: master-slave",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%-1t] - [%-5p] [%-1c:%-1L] - %m%n", 1, Level::kInfo,
       "ShardingSphere-SQL", "ShardingSphere-Command-2", "Rule Type: master-slave"});
}

TEST_CASE("infer: Consul 0.x, a lower-case subsystem after a bracketed level") {
  CheckInferred(
      {
          "2015/02/16 09:21:53 [INFO] consul: New leader elected: node1",
          "2015/02/16 09:21:53 [ERR] agent: failed to sync remote state: No cluster leader",
      },
      {"%d{yyyy/MM/dd HH:mm:ss.SSS} [%-5p] %-1c: %m%n", 1, Level::kError, "agent", "",
       "failed to sync remote state: No cluster leader"});
}

TEST_CASE("infer: Monolog's channel and level, Ruby's Logger") {
  CheckInferred({"[2021-01-26 04:18:00] local.ERROR: Use of undefined constant xxx - assumed 'xx"},
                {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}] %c.%p: %m%n", 0, Level::kError, "local", "",
                 "Use of undefined constant xxx - assumed 'xx"});
  CheckInferred(
      {
          "I, [2021-04-05T07:55:56.937224 #1]  INFO -- : Oxidized starting, running as pid 1",
          "D, [2021-04-05T07:55:56.938546 #1] DEBUG -- : resolving DNS for xe-02...",
      },
      {"%X, [%d{yyyy-MM-dd HH:mm:ss.SSSXXX} #%pid] %-5p-- : %m%n", 1, Level::kDebug, "", "",
       "resolving DNS for xe-02..."});
}

TEST_CASE("infer: PostgreSQL's zone, process id and LOG level") {
  // "LOG" is PostgreSQL's INFO; the number in brackets is a process id, not a thread.
  CheckInferred(
      {
          "2024-07-16 14:13:12.520 UTC [140] LOG:  received fast shutdown request",
          "2024-07-16 14:13:12.528 UTC [1794] FATAL:  terminating connection due to administrator "
          "command",
          "2024-07-16 14:13:12.539 UTC [143] LOG:  shutting down",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSS Z} [%pid] %-5p: %m%n", 0, Level::kInfo, "", "",
       "received fast shutdown request"});
}

TEST_CASE("infer: nginx's lower-case notice and its pid#tid before the message") {
  CheckInferred(
      {
          "2024/03/26 15:40:58 [notice] 3291#3291: using inherited sockets from \"6;7;\"",
          "2024/03/26 16:06:56 [notice] 3963#3963: signal process started",
          "2024/03/26 16:06:59 [error] 3964#3964: *1 connect() failed (111: Unknown error) while "
          "connecting to upstream",
      },
      {"%d{yyyy/MM/dd HH:mm:ss.SSS} [%-5p] %pid#%t: %m%n", 2, Level::kError, "", "3964",
       "*1 connect() failed (111: Unknown error) while connecting to upstream"});
}

TEST_CASE("infer: a level's initial before a component and a bracketed thread") {
  // MongoDB 3.x-4.2: the component is the logger; a bracketed name after it is the thread.
  CheckInferred(
      {
          "2019-10-30T12:52:56.489+0000 I REPL     [replexec-0] transition to STARTUP2 from "
          "STARTUP",
          "2019-10-30T12:52:56.489+0000 I NETWORK  [LogicalSessionCacheReap] Starting new replica "
          "set monitor for replicaset/172.18.0.2:27017",
          "2019-10-30T12:52:56.490+0000 I NETWORK  [listener] connection accepted from "
          "172.18.0.2:45106 #2 (1 connection now open)",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %p{length=1} %-1c [%t] %m%n", 2, Level::kInfo, "NETWORK",
       "listener", "connection accepted from 172.18.0.2:45106 #2 (1 connection now open)"});
  // A capital alone before prose is a word of it.
  CHECK(InferLinePattern("2019-10-30T12:52:56.489+0000 I think REPL [x] is down") == "");
}

TEST_CASE("infer: an epoch time at the start of the line") {
  // Go's UnixNano (19 digits) with a bracketed level (Burrow 0.x).
  CheckInferred(
      {
          "1434495090171073998 [Info] Starting Kafka client for cluster main",
          "1434495090186517134 [Info] Starting consumers for 50 partitions of __consumer_offsets "
          "in cluster main",
          "1434495106251738523 [Info] Acquired Zookeeper notifier lock",
      },
      {"%d{UNIX_MILLIS} [%-5p] %m%n", 2, Level::kInfo, "", "", "Acquired Zookeeper notifier lock"});
  // A number that is no time of these years is no date, nor a thread.
  CHECK(InferLinePattern("946684799 [Info] Starting") == "");
  CHECK(InferLinePattern("12345678901234567 [Info] Starting") == "");
}

TEST_CASE("infer: a hexadecimal thread id in brackets") {
  // Boost.Log's default; "Kafka:" after the level is the message's own prefix, not a logger.
  CheckInferred(
      {
          "[2018-02-01 14:32:10.238659] [0x00007ff435c4f700] [debug]   Kafka: 7 TOPPAR "
          "[thrd:10.148.0.101:29092/2]: 10.148.0.101:29092/2: session.error [0] 0+0 msgs",
          "[2018-02-01 14:32:10.313289] [0x00007ff436c50700] [debug]   Kafka: 7 FETCH "
          "[thrd:10.148.0.101:39092/3]: 10.148.0.101:39092/3: Fetch 1/1/1 toppar(s)",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}] [%t] [%-5p] %m%n", 1, Level::kDebug, "",
       "0x00007ff436c50700",
       "Kafka: 7 FETCH [thrd:10.148.0.101:39092/3]: 10.148.0.101:39092/3: Fetch 1/1/1 toppar(s)"});
}

TEST_CASE("infer: the JVM's unified logging tags are the logger") {
  // A tag set has commas, which no thread name has; the padded ones inside their bracket too.
  CheckInferred(
      {
          "[2017-07-20T14:35:37.812+0800][gc,heap] Heap region size: 1M",
          "[2017-07-20T14:35:37.822+0800][gc,heap,coops] Heap address: 0x0000000780000000, size: "
          "1024 MB, Compressed Oops mode: Zero based, Oop shift amount: 3",
          "[2017-07-20T14:35:38.820+0800][gc,start     ] GC(0) Pause Initial Mark (Metadata GC "
          "Threshold)",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}][%-1X{logger}] %m%n", 2, Level::kUnknown, "gc,start", "",
       "GC(0) Pause Initial Mark (Metadata GC Threshold)"});
}

TEST_CASE("infer: a name joined by '/' before ': ' after the level") {
  CheckInferred(
      {
          "[2018-02-28T09:51:41.185Z] INFO  localservices/BROKER: Moleculer v0.12.0-rc1 is "
          "starting...",
          "[2018-02-28T09:51:41.190Z] INFO  localservices/REGISTRY: Strategy: RoundRobinStrategy",
          "[2018-02-28T09:51:41.378Z] WARN  localservices/TRANSPORTER: Kafka Transporter is an "
          "EXPERIMENTAL transporter. Do NOT use it in production yet!",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}] %-5p %-1c: %m%n", 1, Level::kInfo,
       "localservices/REGISTRY", "", "Strategy: RoundRobinStrategy"});
  // Without the colon a path is the message's first word (sarama's "client/metadata got ...").
  CHECK(InferLinePattern("2022/04/15 19:31:59 INFO client/metadata got error from broker -1") ==
        "%d{yyyy/MM/dd HH:mm:ss.SSS} %-5p %m%n");
}

TEST_CASE("infer: after the logger, a word before ' - ' is the thread") {
  // Hazelcast's tests (their lines shortened): an empty MDC between the pipes, the logger in
  // brackets, then the thread.
  CheckInferred(
      {
          "14:19:02,290  INFO || - [ConvenientSourceP] hz.unruffled_thompson.jet.blocking.thread-0 "
          "- [127.0.0.1]:5702 [dev] Output to ordinal 0: 86",
          "14:19:02,295  INFO || - [ConvenientSourceP] hz.unruffled_thompson.jet.blocking.thread-0 "
          "- [127.0.0.1]:5702 [dev] Output to ordinal 0: 87",
      },
      {"%d{HH:mm:ss.SSS} %-5p|| - [%c] %t - %m%n", 1, Level::kInfo, "ConvenientSourceP",
       "hz.unruffled_thompson.jet.blocking.thread-0",
       "[127.0.0.1]:5702 [dev] Output to ordinal 0: 87"});
}

TEST_CASE("infer: an Erlang process id after the level is the thread") {
  CheckInferred(
      {
          "2021-10-11 10:13:09.220 [info] <0.13712.6846> accepting AMQP connection <0.13712.6846> "
          "(10.200.25.18:20936 -> 10.200.25.7:5672)",
          "2021-10-11 10:13:18.000 [warning] <0.32.0> lager_error_logger_h dropped 228 messages",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%-5p] <%t> %m%n", 1, Level::kWarn, "", "0.32.0",
       "lager_error_logger_h dropped 228 messages"});
}

TEST_CASE("infer: a module and its level in one bracket") {
  CheckInferred(
      {
          "[Fri Mar 30 02:02:21.786655 2018] [mpm_event:notice] [pid 1:tid 139730366576512] "
          "AH00489: Apache/2.4.25 (Unix) configured -- resuming normal operations",
          "[Fri Mar 30 02:02:21.786830 2018] [core:notice] [pid 1:tid 139730366576512] AH00094: "
          "Command line: 'httpd -D FOREGROUND'",
      },
      {"[%d{EEE MMM dd HH:mm:ss.SSS yyyy}] [%c:%p] [%t] %m%n", 1, Level::kInfo, "core",
       "pid 1:tid 139730366576512", "AH00094: Command line: 'httpd -D FOREGROUND'"});
}

TEST_CASE("infer: fields joined by bare colons end at the thread") {
  CheckInferred(
      {
          "2017-08-06 17:53:51.062:DBUG:oejx.XmlConfiguration:main: XML call setOut",
          "2017-08-06 17:53:51.133:INFO:oejs.Server:main: jetty-9.4.6.v20170531",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX}:%-5p:%-1c:%t: %m%n", 0, Level::kDebug,
       "oejx.XmlConfiguration", "main", "XML call setOut"});
}

TEST_CASE("infer: a plain word after the level is a logger where other lines have a::b") {
  CheckInferred(
      {
          "Feb 25 12:52:13.339  INFO vector: Log level \"info\" is enabled.",
          "Feb 25 12:52:13.342 TRACE rdkafka::client: Create new librdkafka client 0x5572f1014f40",
          "Feb 25 12:52:13.342  INFO vector::topology: Running healthchecks.",
      },
      {"%d{MMM dd HH:mm:ss.SSS} %-5p %-1X{logger}: %m%n", 0, Level::kInfo, "vector", "",
       "Log level \"info\" is enabled."});
  // Without such lines, a word before a colon stays the message's (made-up lines).
  InferredLayout prose = InferLayout(std::vector<std::string_view>{
      "2020-01-01 10:00:00,000 INFO error: connection refused",
      "2020-01-01 10:00:01,000 WARN retry: 3 attempts left",
  });
  CHECK(prose.pattern == "%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %m%n");
}

TEST_CASE("infer: Rust tracing's spans before the target are neither logger nor message") {
  // The first line is rust-rdkafka#663's (public-layouts/tracing-span-target-rdkafka.log); the
  // others are made up in tracing-subscriber's format: spans with fields, nested spans, none.
  std::vector<std::string_view> lines = {
      "2024-03-27T20:00:42.645780Z TRACE foo: rdkafka::util: Destroyed client: REDACTED",
      "2024-03-27T20:00:42.645790Z DEBUG consumer{topic=\"orders\" group=g1}:poll: "
      "rdkafka::consumer::stream_consumer: Polling base consumer",
      "2024-03-27T20:00:42.645800Z  WARN my_app::consumer: lag is high: 1200",
      "2024-03-27T20:00:42.645810Z  INFO my_app: started",
  };
  InferredLayout inferred = InferLayout(lines);
  CHECK(inferred.pattern ==
        "%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %notEmpty{%X{spans}: }%-1X{logger}: %m%n");
  REQUIRE(inferred.parser != nullptr);
  const std::vector<std::pair<std::string_view, std::string_view>> want = {
      {"rdkafka::util", "Destroyed client: REDACTED"},
      {"rdkafka::consumer::stream_consumer", "Polling base consumer"},
      {"my_app::consumer", "lag is high: 1200"},
      {"my_app", "started"},
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    Header h;
    Miss miss;
    REQUIRE(inferred.parser->ParseHeader(lines[i], &h, &miss));
    CHECK(h.logger == want[i].first);
    CHECK(h.message == want[i].second);
  }
  // "vector: Healthcheck: Passed" has no span: a target without "::" needs a span with fields
  // before it to be one.
  CHECK(scan::TracingSpansEnd("vector: Healthcheck: Passed", 0) == std::string_view::npos);
  CHECK(scan::TracingSpansEnd("conn{id=7}:poll: a::b: m", 0) == 15);
  CHECK(scan::TracingSpansEnd("a::b: m", 0) == std::string_view::npos);
}

TEST_CASE("infer: a plain word after the level is a logger where most lines repeat one") {
  // etcd 2's capnslog ("N" is its notice): the package names repeat, as loggers do.
  CheckInferred(
      {
          "2015-09-08 20:21:32.210455 I | etcdmain: etcd Version: 2.2.0-rc.0+git",
          "2015-09-08 20:21:32.210508 I | etcdmain: Git SHA: a44da0b",
          "2015-09-08 20:21:32.210645 N | etcdmain: the server is already initialized as member "
          "before, starting as etcd member...",
          "2015-09-08 20:21:34.981527 I | etcdserver: recovered store from snapshot at index "
          "1204949",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %p{length=1} | %-1X{logger}: %m%n", 2, Level::kInfo,
       "etcdmain", "",
       "the server is already initialized as member before, starting as etcd member..."});
  // Words that do not repeat are the messages' own (made-up lines).
  InferredLayout prose = InferLayout(std::vector<std::string_view>{
      "2020-01-01 10:00:00,000 INFO error: connection refused",
      "2020-01-01 10:00:01,000 WARN retry: 3 attempts left",
      "2020-01-01 10:00:02,000 INFO done: 4 files",
  });
  CHECK(prose.pattern == "%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %m%n");
}

TEST_CASE("infer: a quoted message in brackets, fields after it") {
  CheckInferred(
      {
          "[2025/12/01 05:56:35.653 +00:00] [INFO] [sarama.go:129] [\"Closed connection to broker "
          "10.2.7.5:9094\"] [component=sarama]",
          "[2025/12/01 05:56:37.487 +00:00] [INFO] [persist_storage.go:621] [\"gc is disabled\"] "
          "[gcTs=462570834164449280]",
      },
      {"[%d{yyyy/MM/dd HH:mm:ss.SSS Z}] [%-5p] [%F:%L] [\"%m\"]%notEmpty{ %X{fields}}%n", 1,
       Level::kInfo, "", "", "gc is disabled"});
}

TEST_CASE("infer: glued brackets, the number after the time is the thread") {
  CheckInferred(
      {
          "[2021-07-12 03:46:47.089][33078][info][main] [source/server/server.cc:342]   "
          "envoy.bootstrap: envoy.bootstrap.wasm",
          "[2021-07-12 03:46:47.089][33078][info][main] [source/server/server.cc:342]   "
          "envoy.dubbo_proxy.protocols: dubbo",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}][%t][%-5p][%c] [%X{file}:%L] %m%n", 1, Level::kInfo, "main",
       "33078", "envoy.dubbo_proxy.protocols: dubbo"});
}

TEST_CASE("infer: a component with colons after a bracketed level is the logger") {
  CheckInferred(
      {
          "[2020/06/16 17:19:32] [ info] [storage] in-memory",
          "[2020/06/16 17:19:32] [ info] [engine] started (pid=1)",
          "[2020/06/16 17:19:32] [ info] [output:kafka:kafka.1] brokers='172.16.1.3:9092' "
          "topics='testacl'",
      },
      {"[%d{yyyy/MM/dd HH:mm:ss.SSS}] [%-5p] [%X{logger}] %m%n", 2, Level::kInfo,
       "output:kafka:kafka.1", "", "brokers='172.16.1.3:9092' topics='testacl'"});
}

TEST_CASE("infer: a number before a bracketed level is the thread, the JVM's uptime no message") {
  CheckInferred(
      {
          "2019-05-20T05:32:23.776629Z 0 [Warning] InnoDB: New log files created, LSN=45790",
          "2019-05-20T05:32:23.854559Z 1 [Warning] root@localhost is created with an empty "
          "password",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %t [%-5p] %m%n", 1, Level::kWarn, "", "1",
       "root@localhost is created with an empty password"});
  CheckInferred(
      {
          "2016-10-25T22:49:14.772+0000: 16443.545: [CMS-concurrent-mark-start]",
          "2016-10-25T22:49:16.705+0000: 16445.478: [CMS-concurrent-mark: 1.933/1.933 secs]",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX}: %X{uptime}: %m%n", 0, Level::kUnknown, "", "",
       "[CMS-concurrent-mark-start]"});
}

TEST_CASE("infer: a file, a method in brackets and a line in parentheses is a location") {
  CheckInferred(
      {
          "28 Nov 2016 04:00:19,684 [main] INFO  (JettyStart.java [lifeCycleStarting]:416) - "
          "Jetty server starting... ",
          "28 Nov 2016 04:00:20,737 [main] WARN  (JettyStart.java [run]:224) - Could not find "
          "OpenID extension. OpenID will be disabled! ",
      },
      {"%d{dd MMM yyyy HH:mm:ss.SSS} [%t] %-5p (%F [%M]:%L) - %m%n", 1, Level::kWarn, "", "main",
       "Could not find OpenID extension. OpenID will be disabled!"});
}

TEST_CASE("infer: a class and its line in one bracket is the logger, not a thread") {
  CheckInferred(
      {
          "[2017-08-08 20:31:00,005][INFO][com.dangdang.ddframe.job.event.log.LogJobEventListener:"
          "72] - Elastic-Job execution start => jobName: 'clinicExceptionOrderHandlerJob'",
          "[2017-08-08 20:32:00,005][INFO][com.dangdang.ddframe.job.event.log.LogJobEventListener:"
          "54] - Elastic-Job tracing => jobName: 'clinicExceptionOrderHandlerJob'",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}][%-5p][%c:%L] - %m%n", 1, Level::kInfo,
       "com.dangdang.ddframe.job.event.log.LogJobEventListener", "",
       "Elastic-Job tracing => jobName: 'clinicExceptionOrderHandlerJob'"});
  // Made up: a host and its port are lower-case throughout, no class with its line.
  CHECK(InferLinePattern("[2017-08-08 20:31:00,005][INFO][zk1.example.com:2181] - connected")
            .find("%c:%L") == std::string::npos);
}

TEST_CASE("infer: digits and punctuation at the line's start are no thread") {
  // A time the table lacks (majordodo's "yy-MM-dd-HH-mm-ss", unread-layouts/) is left unread,
  // not taken for a thread before the level.
  CHECK(InferLinePattern("18-03-02-11-44-29       SEVERE setting watch at /majordodo/leader") ==
        "");
}

TEST_CASE("infer: logrus on a terminal, the seconds since start glued to the level") {
  CheckInferred(
      {
          "INFO[0038] [Connecting to broker]                        "
          "remote_addr=\"pulsar+ssl://pulsar-aws-useast1.staging.streaming.datastax.com:6651\"",
          "WARN[0039] [Failed to lookup topic]                      error=ServiceNotReady "
          "producerID=1 producer_name=pulsar-aws-useast1-staging-137-34 "
          "topic=\"persistent://mingawsuseast1/default/topic2\"",
      },
      {"%p[%r] %m%notEmpty{  %X{fields}}%n", 1, Level::kWarn, "", "", "[Failed to lookup topic]",
       false});
  // Made up: a message longer than the padding, a field value with blanks, no fields at all.
  InferredLayout inferred = InferLayout(std::vector<std::string_view>{
      "ERRO[0001] the broker closed the connection while the producer was sending  error=\"read "
      "tcp: connection reset\"",
      "DEBU[0002] done                                        "});
  REQUIRE(inferred.parser != nullptr);
  Header h;
  Miss miss;
  REQUIRE(inferred.parser->ParseHeader(
      "ERRO[0001] the broker closed the connection while the producer was sending  error=\"read "
      "tcp: connection reset\"",
      &h, &miss));
  CHECK(h.level == Level::kError);
  CHECK(h.message == "the broker closed the connection while the producer was sending");
  REQUIRE(inferred.parser->ParseHeader("DEBU[0002] done                                        ",
                                       &h, &miss));
  CHECK(h.level == Level::kDebug);
  CHECK(TrimmedMessage(h) == "done");
}

TEST_CASE("infer: a CamelCase name with padding after the level is the logger") {
  CheckInferred(
      {
          "[2015-07-28 15:40:07,298] ERROR - KAFKAMessageListener  Error in Creating Kafka "
          "Consumer Connector | ZkTimeoutUnable to connect to zookeeper server within timeout: "
          "6000",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}] %-5p- %-1c %m%n", 0, Level::kError, "KAFKAMessageListener",
       "",
       "Error in Creating Kafka Consumer Connector | ZkTimeoutUnable to connect to zookeeper "
       "server within timeout: 6000"});
  // Made up: a word of prose has no capital inside it; two blanks after it do not make it a name.
  CHECK(InferLinePattern("[2015-07-28 15:40:07,298] ERROR - Connection  refused twice")
            .find("%-1c") == std::string::npos);
}

TEST_CASE("infer: locations after a logger, a class and a process are not thread or message") {
  // Made up, in the shapes the layouts write. loguru's "{name}:{function}:{line} - ":
  CheckInferred(
      {
          "2019-06-27 10:45:49.713 | INFO     | kazoo.client:_connect:512 - Connecting to zk1",
          "2019-06-27 10:45:50.002 | WARNING  | kazoo.client:_session_callback:647 - Lost",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} | %-5p| %-1c:%M:%L - %m%n", 1, Level::kWarn, "kazoo.client",
       "", "Lost"});
  // log4j's "%c{1} (%F:%L) - ": the class before its file and line is the logger.
  CheckInferred(
      {
          "2019-06-27 10:45:49,713 INFO [main] ZooKeeper (ZooKeeper.java:438) - Initiating client",
          "2019-06-27 10:45:49,801 WARN [main-SendThread(zk1:2181)] ClientCnxn (ClientCnxn.java:1"
          "102) - Session 0x0 for server null",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p [%t] %-1c (%F:%L) - %m%n", 1, Level::kWarn,
       "ClientCnxn", "main-SendThread(zk1:2181)", "Session 0x0 for server null"});
  // lager's process with its module, function and line glued on.
  CheckInferred(
      {
          "2019-06-27 10:45:49.713 [info] <0.1087.0>@brod_client:handle_info:280 Connected",
          "2019-06-27 10:45:50.713 [error] <0.1087.0>@brod_client:handle_info:301 Lost",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%-5p] <%t>@%X{location} %m%n", 1, Level::kError, "",
       "0.1087.0", "Lost"});
}

TEST_CASE("infer: logback's status lines, a dash glued to the bar and the origin after in") {
  CheckInferred(
      {
          "13:32:18,096 |-INFO in ch.qos.logback.classic.LoggerContext[default] - Could NOT find "
          "resource [logback.groovy]",
          "13:32:18,273 |-INFO in ch.qos.logback.classic.joran.action.ConfigurationAction - debug "
          "attribute not set",
          "13:32:18,315 |-ERROR in ch.qos.logback.core.joran.spi.Interpreter@6:20 - no applicable "
          "action for [configuration], current ElementPath  is [[configuration][configuration]]",
      },
      {"%d{HH:mm:ss.SSS} |-%-5p in %X{logger} - %m%n", 2, Level::kError,
       "ch.qos.logback.core.joran.spi.Interpreter@6:20", "",
       "no applicable action for [configuration], current ElementPath  is "
       "[[configuration][configuration]]"});
  // "in" is the origin's only where " - " follows the next word (a made-up line): prose stays.
  InferredLayout prose = InferLayout(std::vector<std::string_view>{
      "13:32:18,096 |-INFO in the morning the job starts", "13:32:18,097 |-INFO in a minute"});
  CHECK(prose.pattern.find("%X{logger}") == std::string::npos);
}

TEST_CASE("infer: a table row's source between bars after the level, its own level words") {
  // STATUS is the Tanuki wrapper's level; "wrapper" and "jvm 1" are the same column, so a single
  // word there is read as the name with a number is, and the lines agree on one layout.
  CheckInferred(
      {
          "STATUS | wrapper  | 2019/05/23 15:01:26 | --> Wrapper Started as Daemon",
          "INFO   | jvm 1    | 2019/05/23 15:01:31 | Wrapper (Version 3.2.3) "
          "http://wrapper.tanukisoftware.org",
          "ERROR  | wrapper  | 2019/05/23 15:01:43 | JVM exited unexpectedly.",
          "INFO   | jvm 2    | 2019/05/23 15:01:58 | Wrapper (Version 3.2.3) "
          "http://wrapper.tanukisoftware.org",
      },
      {"%-5p| %-1X{logger}| %d{yyyy/MM/dd HH:mm:ss.SSS} | %m%n", 1, Level::kInfo, "jvm 1", "",
       "Wrapper (Version 3.2.3) http://wrapper.tanukisoftware.org"});
  Level level;
  CHECK(ParseServerLevelWord("STATUS", &level));
  CHECK(level == Level::kInfo);
  CHECK_FALSE(ParseServerLevelWord("Status", &level));  // a capitalised word begins prose
}

TEST_CASE("infer: a source file and line after the logger are an optional location") {
  // Redpanda's lines inside their journald prefix; the first puts a raft context where the others
  // have their location, and is read all the same.
  std::vector<std::string_view> lines = {
      "INFO  2020-11-16 18:12:56,362 [shard 0] raft - [group_id:0, {redpanda/controller/0}] "
      "consensus.cc:614 - Recovered, log offsets: {start_offset:-9223372036854775808}, term:0",
      "INFO  2020-11-16 18:12:56,373 [shard 0] storage - segment.cc:594 - Creating new segment "
      "/var/lib/redpanda/data/redpanda/kvstore/0_0/0-0-v1.log",
      "INFO  2020-11-16 18:12:56,393 [shard 0] cluster - state_machine.cc:20 - Starting state "
      "machine",
  };
  CheckInferred(lines, {"%-5p %d{yyyy-MM-dd HH:mm:ss.SSSXXX} [%t] %-1c- %notEmpty{%F:%L - }%m%n", 2,
                        Level::kInfo, "cluster", "shard 0", "Starting state machine"});
  InferredLayout inferred = InferLayout(lines);
  REQUIRE(inferred.parser != nullptr);
  Header h;
  Miss miss;
  REQUIRE(inferred.parser->ParseHeader(lines[0], &h, &miss));
  CHECK(h.logger == "raft");
  CHECK(h.message.starts_with("[group_id:0, {redpanda/controller/0}] consensus.cc:614 - "));
}

TEST_CASE("infer: name/pid on host is the logger, a process id and a host, not a thread") {
  CheckInferred(
      {
          "[1566941229752] INFO  (mock-api/68093 on QL000000870): Before Start",
          "[1566941229753] INFO  (mock-api/68093 on QL000000870): starting consumer: products",
          "[1566941230762] INFO  (mock-api/68093 on QL000000870): kafkajs: Connection timeout",
      },
      {"[%d{UNIX_MILLIS}] %-5p (%c/%pid on %X{host}): %m%n", 2, Level::kInfo, "mock-api", "",
       "kafkajs: Connection timeout"});
  // bunyan's CLI writes the same without the parentheses (made-up lines in its documented form).
  CheckInferred(
      {
          "[2012-02-08T22:56:52.856Z]  INFO: myservice/123 on example.com: hello world",
          "[2012-02-08T22:56:53.856Z]  WARN: myservice/123 on example.com: slow response",
      },
      {"[%d{yyyy-MM-dd HH:mm:ss.SSSXXX}] %-5p: %c/%pid on %X{host}: %m%n", 1, Level::kWarn,
       "myservice", "", "slow response"});
}

TEST_CASE("infer: Django's date with a blank, its zone empty inside the bracket") {
  CheckInferred(
      {
          "[08/Feb/2021 00:31:29 ] settings     INFO     Welcome to Hue 4.5.0",
          "[07/Feb/2021 08:31:31 -0800] decorators   INFO     AXES: BEGIN LOG",
          "[07/Feb/2021 08:31:33 -0800] __init__     INFO     Couldn't import snappy. Support for "
          "snappy compression disabled.",
      },
      {"[%d{dd/MMM/yyyy HH:mm:ss.SSS Z}] %-1c %-5p %m%n", 0, Level::kInfo, "settings", "",
       "Welcome to Hue 4.5.0"});
  ScannedTime t;
  size_t end = 0;
  // The empty zone is read only before the closing bracket: elsewhere the blank is a separator.
  int shape = ReadDateShape("08/Feb/2021 00:31:29 ] x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(end == 21);
  CHECK(DateShapeFormat(shape) == "dd/MMM/yyyy HH:mm:ss.SSS Z");
  shape = ReadDateShape("08/Feb/2021 00:31:29 settings x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(end == 20);
  CHECK(DateShapeFormat(shape) == "dd/MMM/yyyy HH:mm:ss.SSS");
  // Windows' Event Viewer: US order with AM or PM, one-digit month and day.
  shape = ReadDateShape("3/1/2021 10:05:00 PM\tService Control Manager", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(end == 20);
  CHECK(t.local == CivilToMicros(2021, 3, 1, 22, 5, 0, 0));
}

TEST_CASE("infer: fields joined by bare bars, the dotted name after the level a logger") {
  // NLog's default layout (made-up lines in its documented form).
  CheckInferred(
      {
          "2020-01-01 10:00:00.1234|INFO|App.Kafka.Consumer|Consumer started",
          "2020-01-01 10:00:02.1234|ERROR|App.Zk.Client|Session expired|retrying",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX}|%-5p|%-1c|%m%n", 1, Level::kError, "App.Zk.Client", "",
       "Session expired|retrying"});
  // A bar inside the message after a plain word is not a field.
  InferredLayout plain = InferLayout(std::vector<std::string_view>{
      "2020-01-01 10:00:00.1234|INFO|started|ok", "2020-01-01 10:00:01.1234|INFO|stopped|ok"});
  CHECK(plain.pattern.find("%-1c") == std::string::npos);
}

TEST_CASE("infer: a field of digits between tabs after the level is no logger") {
  // Windows' Event Viewer saved as text (made-up lines in its form): the time after the level is
  // read as a time, never as zap's named logger between tabs.
  InferredLayout inferred = InferLayout(std::vector<std::string_view>{
      "Information\t3/1/2021 10:00:00 AM\tService Control Manager\t7036\tNone\tThe service "
      "entered the running state.",
      "Error\t3/1/2021 10:05:00 PM\tService Control Manager\t7034\tNone\tThe service terminated.",
  });
  CHECK(inferred.pattern == "%-5p\t%d{M/d/yyyy h:mm:ss a}\t%m%n");
  CHECK(inferred.pattern.find("logger") == std::string::npos);
}

TEST_CASE("date shapes: day first with dashes or dots, digits run together, CLF, AM and PM") {
  // Made up: each shape in a line as a layout would write it.
  struct Case {
    std::string_view line, format;
    size_t end;
  };
  for (const Case& c : {
           Case{"27-06-2019 10:45:49.713 INFO x", "dd-MM-yyyy HH:mm:ss.SSS", 23},
           Case{"27.06.2019 10:45:49,713 INFO x", "dd.MM.yyyy HH:mm:ss.SSS", 23},
           Case{"20190627 10:45:49.713 INFO x", "yyyyMMdd HH:mm:ss.SSS", 21},
           Case{"27/Jun/2019:10:45:49 +0000] GET /", "dd/MMM/yyyy:HH:mm:ss.SSS Z", 26},
           Case{"Jun 27, 2019 10:45:49 AM INFO [main] x", "MMM dd, yyyy h:mm:ss a", 24},
       }) {
    ScannedTime t;
    size_t end = 0;
    int shape = ReadDateShape(c.line, 0, &t, &end);
    REQUIRE(shape >= 0);
    CHECK(DateShapeFormat(shape) == c.format);
    CHECK(end == c.end);
    CHECK(DateShapeHasYear(shape));
  }
  // Dashes with the year last: month first (Splunk's) unless the month would be past 12.
  ScannedTime t;
  size_t end = 0;
  int shape = ReadDateShape("06-27-2019 10:45:49.713 INFO x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(DateShapeFormat(shape) == "MM-dd-yyyy HH:mm:ss.SSS");
  // The CLF time's zone names its offset.
  shape = ReadDateShape("27/Jun/2019:10:45:49 -0700] x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(t.has_offset);
  CHECK(t.offset_us == -7LL * 3600 * 1000000);
  // A number of eight digits before a word is no date.
  CHECK(ReadDateShape("20190627 records read", 0, &t, &end) == -1);
}

TEST_CASE("date shapes: the longest read wins, a level is not a zone") {
  ScannedTime t;
  size_t end = 0;
  std::string_view graylog = "2015-02-09 22:19:15,426 INFO : org.graylog2.Main - x";
  REQUIRE(ReadDateShape(graylog, 0, &t, &end) >= 0);
  CHECK(end == 23);
  std::string_view puppet = "2016-02-16 01:46:56 +0000 Puppet (debug): x";
  int shape = ReadDateShape(puppet, 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(DateShapeFormat(shape) == "yyyy-MM-dd HH:mm:ss.SSS Z");
  CHECK(end == 25);
  CHECK(t.has_offset);
  std::string_view js = "Thu, 31 Jan 2013 12:00:54 GMT, Zookeeper Connecting";
  REQUIRE(ReadDateShape(js, 0, &t, &end) >= 0);
  CHECK(end == 29);
  // A time of day needs its fraction; uptime's output is prose.
  CHECK(ReadDateShape("12:40:01 up 3 days", 0, &t, &end) == -1);
  shape = ReadDateShape("14:18:28.577 [error] Connect fail", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK_FALSE(DateShapeHasYear(shape));
  // Without its fraction, a time of day only before a level word.
  CHECK(ReadDateShape("[10:00:01 WRN] Slow response", 1, &t, &end) >= 0);
  CHECK(end == 9);
  // The blank before a zone that is not there is not part of the time.
  shape = ReadDateShape("2019-01-01 10:00:00.123 | INFO | main | x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(end == 23);
  CHECK(DateShapeFormat(shape) == "yyyy-MM-dd HH:mm:ss.SSSXXX");
  // Slashes with the year last: month first (US, Akka) unless the month would be past 12.
  shape = ReadDateShape("02/14/2015 13:30:53.858 x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(DateShapeFormat(shape) == "MM/dd/yyyy HH:mm:ss.SSS");
  shape = ReadDateShape("14/02/2015 13:30:53.858 x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(DateShapeFormat(shape) == "dd/MM/yyyy HH:mm:ss.SSS");
  // Dates without a year, month or day first: no year to read.
  for (std::string_view yearless :
       {"Feb 25 12:52:13.339  INFO vector: x", "06 Aug 19:51:49 DEBUG x"}) {
    shape = ReadDateShape(yearless, 0, &t, &end);
    REQUIRE(shape >= 0);
    CHECK_FALSE(DateShapeHasYear(shape));
  }
  // ctime's order with a fraction (Apache httpd).
  shape = ReadDateShape("Fri Mar 30 02:02:21.786655 2018] x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(end == 31);
  CHECK(DateShapeHasYear(shape));
  // Epoch seconds with a fraction (librdkafka), milliseconds, micro- and nanoseconds.
  shape = ReadDateShape("1608570438.367 x", 0, &t, &end);
  REQUIRE(shape >= 0);
  CHECK(DateShapeFormat(shape) == "UNIX");
  CHECK(t.local == 1'608'570'438'367'000);
  for (std::string_view epoch :
       {"1608570438367 x", "1608570438367123 x", "1608570438367123456 x"}) {
    shape = ReadDateShape(epoch, 0, &t, &end);
    REQUIRE(shape >= 0);
    CHECK(DateShapeFormat(shape) == "UNIX_MILLIS");
    CHECK(t.local / 1000 == 1'608'570'438'367);
  }
}

TEST_CASE("infer: three cells between bars, the file tells the message from the thread") {
  // ActiveMQ 5's "%d | %-5p | %m | %c | %t%n" (unread-layouts/, apache/activemq#943).
  CheckInferred(
      {
          "2022-10-24 12:33:01,972 | INFO  | Using Persistence Adapter: "
          "KahaDBPersistenceAdapter[/data/kahadb] | org.apache.activemq.broker.BrokerService | "
          "main",
          "2022-10-24 13:06:23,710 | INFO  | KahaDB is version 6 | "
          "org.apache.activemq.store.kahadb.MessageDatabase | main",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} | %-5p| %m | %-1c | %-1t%n", 1, Level::kInfo,
       "org.apache.activemq.store.kahadb.MessageDatabase", "main", "KahaDB is version 6"});
  // The same cells the other way round (made-up lines): the thread first, read per line once
  // the word before the dotted logger is no longer taken for a Tanuki source cell.
  CheckInferred(
      {
          "2022-10-24 12:33:01,972 | INFO  | main | org.example.broker.Service | Broker started",
          "2022-10-24 12:33:02,100 | WARN  | pool-1 | org.example.store.Journal | Journal is "
          "slow",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} | %-5p| %t | %-1c| %m%n", 1, Level::kWarn,
       "org.example.store.Journal", "pool-1", "Journal is slow"});
  // Blanks in both end cells: no cell is surely the thread, the rest stays the message.
  std::vector<std::string_view> unsure = {
      "2022-10-24 12:33:01,972 | INFO  | a b | org.example.A | c d",
      "2022-10-24 12:33:02,100 | INFO  | e f | org.example.B | g h",
  };
  CHECK(InferLayout(unsure).pattern == "%d{yyyy-MM-dd HH:mm:ss.SSSXXX} | %-5p| %m%n");
}

TEST_CASE("infer: Go's kitchen clock before a level (zerolog's console writer)") {
  // Made-up lines in zerolog's ConsoleWriter default ("3:04PM INF msg key=value").
  CheckInferred({"3:04PM INF Starting server addr=:8080", "3:05PM WRN slow request took=2s"},
                {"%d{h:mma} %-5p %m%n", 1, Level::kWarn, "", "", "slow request took=2s"});
  // A kitchen time before prose is no header.
  std::vector<std::string_view> prose = {"3:04PM meeting with the team", "4:00PM lunch"};
  CHECK(InferLayout(prose).pattern.empty());
}

TEST_CASE("infer: a class, its method and line as the location; a thread with its id") {
  // Doris FE's "(%t|%tid) [%C{1}.%M():%L]": the thread's name has blanks and parentheses, the id
  // after the bar is no part of it; the class in the location is the logger.
  CheckInferred(
      {
          "2021-02-23 19:58:13,992 WARN (UNKNOWN 10.157.102.41_9010_1614081490712(-1)|1) "
          "[Catalog.notifyNewFETypeTransfer():2359] notify new FE type transfer: UNKNOWN",
          "2021-02-23 19:58:14,054 WARN (REPLICA 10.157.102.41_9010_1614081490712(-1)|45) "
          "[BDBStateChangeListener.stateChange():59] this node is DETACHED",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p (%t|%tid) [%C.%M():%L] %m%n", 1, Level::kWarn,
       "BDBStateChangeListener", "REPLICA 10.157.102.41_9010_1614081490712(-1)",
       "this node is DETACHED"});
  // Doris 0.x: the thread's id alone after the level, before such a bracket.
  CheckInferred({"2020-08-21 02:05:41,172 WARN 35 [TabletStatMgr.runAfterCatalogReady():69] "
                 "task exec error. backend[10007]"},
                {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %t [%C.%M():%L] %m%n", 0, Level::kWarn,
                 "TabletStatMgr", "35", "task exec error. backend[10007]"});
  // A constructor is a method too; a source file before the line is no class.
  CHECK(IsClassDotMethod("BDBJournalCursor.<init>"));
  bool parens = false;
  CHECK_FALSE(IsClassMethodLine("ZkServer.java:155", &parens));
  CHECK(IsClassMethodLine("org.apache.flume.node.Application.start:61", &parens));
  CHECK_FALSE(parens);
}

TEST_CASE("infer: Flume's level and full location in one bracket, or glued to the thread") {
  CheckInferred(
      {
          "2016-07-20 00:23:25,631 (lifecycleSupervisor-1-0-EventThread) [INFO - "
          "org.I0Itec.zkclient.ZkClient.processStateChanged(ZkClient.java:449)] zookeeper state "
          "changed (Disconnected)",
          "2016-07-20 00:23:26,343 (lifecycleSupervisor-1-0-SendThread(10-5-2-11:2181)) [INFO - "
          "org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1094)] Unable to "
          "reconnect to ZooKeeper service",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} (%t) [%p - %l] %m%n", 1, Level::kInfo,
       "org.apache.zookeeper.ClientCnxn$SendThread",
       "lifecycleSupervisor-1-0-SendThread(10-5-2-11:2181)",
       "Unable to reconnect to ZooKeeper service"});
  CheckInferred(
      {
          "07 Jul 2014 14:41:02,966 INFO  [agent-shutdown-hook](org.apache.flume.node."
          "PollingPropertiesFileConfigurationProvider.stop:83)  - Configuration provider stopping",
          "07 Jul 2014 14:41:08,138 INFO  [conf-file-poller-0](org.apache.flume.conf."
          "FlumeConfiguration$AgentConfiguration.addProperty:930)  - Added sinks: Console Agent: "
          "agent",
      },
      {"%d{dd MMM yyyy HH:mm:ss.SSS} %-5p [%t](%C.%M:%L) - %m%n", 1, Level::kInfo,
       "org.apache.flume.conf.FlumeConfiguration$AgentConfiguration", "conf-file-poller-0",
       "Added sinks: Console Agent: agent"});
}

TEST_CASE("infer: Oozie's context of upper-case names in brackets is not message") {
  CheckInferred(
      {
          "2021-12-25 05:07:03,969  WARN ActionStartXCommand:523 - SERVER[6debda8a5ccc] "
          "USER[root] GROUP[-] TOKEN[] APP[map-reduce-wf] JOB[0000001-oozie-oozi-W] "
          "ACTION[0000001-oozie-oozi-W@mr-node] Failing Job due to failed action [mr-node]",
          "2021-12-25 05:07:05,233  WARN ParameterVerifier:523 - SERVER[6debda8a5ccc] USER[-] "
          "GROUP[-] TOKEN[-] APP[-] JOB[-] ACTION[-] The application does not define formal "
          "parameters in its XML definition",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p %c:%L - SERVER[%X{SERVER}] USER[%X{USER}] "
       "GROUP[%X{GROUP}] TOKEN[%X{TOKEN}] APP[%X{APP}] JOB[%X{JOB}] ACTION[%X{ACTION}] %m%n",
       1, Level::kWarn, "ParameterVerifier", "",
       "The application does not define formal parameters in its XML definition"});
  // One such bracket is a message's own word.
  std::string key;
  CHECK(NamedBracketsEnd("GET[/a] done", 0, &key) == std::string_view::npos);
  CHECK(NamedBracketsEnd("A[1] B[2] msg", 0, &key) == std::string_view::npos);  // one letter
}

TEST_CASE("infer: a constant capitalised word before the time is pattern text") {
  // Doris FE 2.1's console writes "RuntimeLogger " before each line.
  CheckInferred(
      {
          "RuntimeLogger 2024-12-07 09:31:44,863 INFO (main|1) [DorisFE.start():167] Doris FE "
          "starting...",
          "RuntimeLogger 2024-12-07 09:31:46,376 ERROR (main|1) [Util.report():128] SLF4J: Class "
          "path contains multiple SLF4J bindings.",
      },
      {"RuntimeLogger %d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p (%t|%tid) [%C.%M():%L] %m%n", 1,
       Level::kError, "Util", "main", "SLF4J: Class path contains multiple SLF4J bindings."});
}

TEST_CASE("infer: a thread id after its key, a Class#method source naming the logger") {
  // Jenkins' own log (jenkinsci/helm-charts#104): "[id=1]" is the thread, not an MDC block, and
  // "Class#method: " the record's source.
  CheckInferred(
      {
          "2020-11-10 08:35:04.894+0000 [id=1]\tINFO\torg.eclipse.jetty.util.log.Log#initialized: "
          "Logging initialized @896ms to org.eclipse.jetty.util.log.JavaUtilLog",
          "2020-11-10 08:35:07.470+0000 [id=1]\tWARNING\to.e.j.s.handler.ContextHandler#"
          "setContextPath: Empty contextPath",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} [id=%t]\t%-5p\t%C#%M: %m%n", 1, Level::kWarn,
       "o.e.j.s.handler.ContextHandler", "1", "Empty contextPath"});
  CHECK(ThreadIdKeyLength("id=34") == 2);
  CHECK(ThreadIdKeyLength("tid=7") == 3);
  CHECK(ThreadIdKeyLength("id=abc") == 0);  // a request's id, an MDC value
  CHECK(ThreadIdKeyLength("user=1") == 0);  // another key
  CHECK(IsClassHashMethod("jenkins.InitReactorRunner$1#onAttained"));
  CHECK_FALSE(IsClassHashMethod("issue#42"));  // prose: no class
  CHECK_FALSE(IsClassHashMethod("a.B#"));
}

TEST_CASE("infer: a level padded before ' : ' alone at the line's start (beeline)") {
  // Hive's operation log as beeline prints it (apache/hive#6452): "%-5p : %m", no time.
  CheckInferred(
      {
          "INFO  : Semantic Analysis Completed (retrial = false)",
          "INFO  : Concurrency mode is disabled, not creating a lock manager",
          "ERROR : FAILED: Execution Error, return code 1 from "
          "org.apache.hadoop.hive.ql.exec.tez.TezTask",
      },
      {"%-5p: %m%n", 2, Level::kError, "", "",
       "FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.tez.TezTask",
       false});
  // "LEVEL: msg" unpadded is prose's as well: no layout of its own.
  CHECK(InferLinePattern("WARNING: COMPAT locale provider will be removed").empty());
}

TEST_CASE(
    "infer: HBase 2.5's thread with its MDC, its keyed RPC handlers, a logger with its line") {
  // apache/hbase#5145: "[%t%notEmpty{ (%X)}] %c{2}(%L): ".
  CheckInferred(
      {
          "2023-03-27T15:46:01,930 INFO  [RS_CLAIM_REPLICATION_QUEUE-regionserver/scipio:0-0 "
          "({event_type=RS_CLAIM_REPLICATION_QUEUE, pid=33})] replication.ZKReplicationQueueStorage"
          "(391): Atomically moving scipio,51464,1679924724756/region_replica_replication's WALs "
          "to scipio,51466,1679924724781",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p [%t%notEmpty{ (%X)}] %c(%L): %m%n", 0, Level::kInfo,
       "replication.ZKReplicationQueueStorage",
       "RS_CLAIM_REPLICATION_QUEUE-regionserver/scipio:0-0",
       "Atomically moving scipio,51464,1679924724756/region_replica_replication's WALs to "
       "scipio,51466,1679924724781"});
  // HBase names its RPC handlers with keys and values: a thread, not an MDC block; where some
  // lines have an MDC after the thread, the others' bare thread is the same field.
  CheckInferred(
      {
          "2023-03-27T15:46:01,930 INFO  "
          "[RpcServer.default.FPBQ.Fifo.handler=29,queue=2,port=16020]"
          " regionserver.HRegion(2000): Flushing 1/1 column families",
          "2023-03-27T15:46:02,930 INFO  [main] master.HMaster(500): STARTING service HMaster",
          "2023-03-27T15:46:03,930 INFO  [RS_OPEN_REGION-regionserver/scipio:0-0 ({pid=33})] "
          "handler.AssignRegionHandler(101): Open t1",
      },
      {"%d{yyyy-MM-dd HH:mm:ss.SSSXXX} %-5p [%t%notEmpty{ (%X)}] %c(%L): %m%n", 0, Level::kInfo,
       "regionserver.HRegion", "RpcServer.default.FPBQ.Fifo.handler=29,queue=2,port=16020",
       "Flushing 1/1 column families"});
  CHECK(infer::IsKeyedThreadName("RpcServer.default.FPBQ.Fifo.handler=29,queue=2,port=16020"));
  CHECK_FALSE(infer::IsKeyedThreadName("user=bob"));    // an MDC key
  CHECK_FALSE(infer::IsKeyedThreadName("a.b=1, c=2"));  // pairs apart by blanks
  CHECK(infer::ThreadBeforeContext("main ({pid=33})") == 4);
  CHECK(infer::ThreadBeforeContext("main (worker)") == 0);  // no MDC in it
  CHECK(infer::IsLoggerWithLine("replication.ZKReplicationQueueStorage(391)"));
  CHECK_FALSE(infer::IsLoggerWithLine("Cluster(akka://app)"));
}

}  // namespace
}  // namespace faultline
