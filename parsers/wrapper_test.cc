#include "parsers/wrapper.h"

#include <doctest/doctest.h>

#include "parsers/detect.h"
#include "parsers/registry.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

constexpr YearHint kMay2024{2024, 5};

int64_t Micros(int y, unsigned mo, unsigned d, int h, int mi, int s, int64_t us = 0) {
  return CivilToMicros(y, mo, d, h, mi, s, us);
}

TEST_CASE("wrapper: Kibana's Discover table copied as text") {
  // public-layouts/kibana-table-stunnel.log (strimzi/strimzi-kafka-operator#2916)
  Wrapper w;
  REQUIRE(
      StripWrapper("Apr 29, 2020 @ 08:53:07.641\tcluster-zookeeper-0\t2020-04-29 "
                   "11:53:07,641 WARN Unable to read (org.apache.zookeeper.server.NIOServerCnxn) "
                   "[NIOWorkerThread-2]",
                   kMay2024, &w));
  CHECK(w.kind == WrapperKind::kUiCopy);
  CHECK(w.in_ui_copy);
  CHECK(w.local == Micros(2020, 4, 29, 8, 53, 7, 641000));
  CHECK_FALSE(w.has_offset);
  CHECK(w.inner.substr(0, 24) == "2020-04-29 11:53:07,641 ");
  // A one-digit day; no column; a column with a blank is the line itself, tabs and all.
  REQUIRE(StripWrapper("Apr 9, 2020 @ 08:53:07.641\tsome message\twith a tab", kMay2024, &w));
  CHECK(w.local == Micros(2020, 4, 9, 8, 53, 7, 641000));
  CHECK(w.inner == "some message\twith a tab");
  // Not Kibana's: no tab after the time, or no " @ ".
  CHECK_FALSE(StripWrapper("Apr 29, 2020 @ 08:53:07.641 message", kMay2024, &w));
  CHECK_FALSE(StripWrapper("Apr 29, 2020 08:53:07.641\tmessage after it", kMay2024, &w));
}

TEST_CASE("wrapper: docker logs --timestamps (RFC 3339, nanoseconds, Z)") {
  Wrapper w;
  REQUIRE(
      StripWrapper("2024-05-02T10:11:12.123456789Z 2024-05-02 10:11:12,123 [myid:1] - WARN  "
                   "[main:Foo@1] - msg",
                   kMay2024, &w));
  CHECK(w.kind == WrapperKind::kDocker);
  CHECK(w.local == Micros(2024, 5, 2, 10, 11, 12, 123456));
  CHECK(w.has_offset);
  CHECK(w.offset_us == 0);
  CHECK(w.host.empty());
  CHECK(w.inner == "2024-05-02 10:11:12,123 [myid:1] - WARN  [main:Foo@1] - msg");
  // kubectl trims trailing zeros of the fraction.
  REQUIRE(StripWrapper("2024-05-02T10:11:12.5Z \tat org.Foo.bar(Foo.java:1)", kMay2024, &w));
  CHECK(w.kind == WrapperKind::kDocker);
  CHECK(w.inner == "\tat org.Foo.bar(Foo.java:1)");
  // A docker line whose inner line looks like "host ident:" is still docker (Z is docker's).
  REQUIRE(StripWrapper("2024-05-02T10:11:12.1Z INFO org.apache.hadoop.ha.NodeFencer: ====== x",
                       kMay2024, &w));
  CHECK(w.kind == WrapperKind::kDocker);
  // log4j2's ISO8601_OFFSET_DATE_TIME_HHMM is not RFC 3339 (comma, "+0800"): the layout's own
  // time, not docker's (public-layouts/pulsar-log4j2-offset.log).
  CHECK_FALSE(
      StripWrapper("2022-06-17T13:27:17,331+0800 [pulsar-timer-52-1] INFO  "
                   "org.apache.pulsar.client.impl.ConnectionHandler - Reconnecting",
                   kMay2024, &w));
  CHECK_FALSE(StripWrapper("2022-06-17T13:27:17.331+0800 [main] INFO  a.B - x", kMay2024, &w));
}

TEST_CASE("wrapper: docker's json-file log driver") {
  Wrapper w;
  // public-layouts/docker-json-file-klog.log (kubernetes/kubernetes issue #74223).
  REQUIRE(StripWrapper(
      R"j({"log":"E0218 03:22:53.751888       1 leaderelection.go:224] error retrieving resource lock kube-system/kube-controller-manager\n","stream":"stderr","time":"2019-02-18T03:22:53.752513991Z"})j",
      kMay2024, &w));
  CHECK(w.kind == WrapperKind::kDocker);
  CHECK(w.local == Micros(2019, 2, 18, 3, 22, 53, 752513));
  CHECK(w.has_offset);
  CHECK(w.inner ==
        "E0218 03:22:53.751888       1 leaderelection.go:224] error retrieving resource lock "
        "kube-system/kube-controller-manager");
  // Made up: escapes stay as written; the quote inside the line does not end it.
  REQUIRE(StripWrapper(
      R"j({"log":"\tat \"x\" org.Foo.bar(Foo.java:1)\n","stream":"stdout","time":"2024-05-02T10:11:12Z"})j",
      kMay2024, &w));
  CHECK(w.inner == R"j(\tat \"x\" org.Foo.bar(Foo.java:1))j");
  // Other JSON lines are no wrapper: no "log" first, or no time.
  CHECK_FALSE(
      StripWrapper(R"j({"level":"info","time":"2024-05-02T10:11:12Z","msg":"x"})j", kMay2024, &w));
  CHECK_FALSE(StripWrapper(R"j({"log":"x\n","stream":"stdout","attrs":{}})j", kMay2024, &w));
}

TEST_CASE("wrapper: a time column before a dated line, after a tab or a label") {
  Wrapper w;
  // Made up: a cloud console's time column copied with a tab, the line with its own time.
  REQUIRE(
      StripWrapper("2021-03-04T12:11:12.345+02:00\t2021-03-04 10:11:12,345 [myid:1] - WARN  "
                   "[main:QuorumPeer@1164] - x",
                   kMay2024, &w));
  CHECK(w.kind == WrapperKind::kDocker);
  CHECK(w.offset_us == 2LL * 3600 * 1000000);
  CHECK(w.inner == "2021-03-04 10:11:12,345 [myid:1] - WARN  [main:QuorumPeer@1164] - x");
  // Made up: "aws logs tail": the log stream's name between the time and the line.
  REQUIRE(
      StripWrapper("2021-03-04T10:11:12.345000+00:00 zookeeper/ecs/abc123 2021-03-04 "
                   "10:11:12,345 WARN x",
                   kMay2024, &w));
  CHECK(w.inner == "2021-03-04 10:11:12,345 WARN x");
  // zap's console encoder writes its own time and a tab: no dated line after it, no wrapper.
  CHECK_FALSE(
      StripWrapper("2019-06-27T10:45:49.713Z\tINFO\tcluster\tReconciling Cluster", kMay2024, &w));
  // journalctl -o short-iso still reads a host and a program.
  REQUIRE(StripWrapper("2024-05-02T10:11:12+0000 zk1 zookeeper[42]: 2024-05-02 10:11:12,123 x",
                       kMay2024, &w));
  CHECK(w.kind == WrapperKind::kJournald);
  // A level-first layout under kubectl --timestamps: the level is the line's, not a label.
  for (std::string_view line :
       {"2024-03-17T03:14:10.834000000Z DEBUG 2024-03-17 03:14:10,834 [main] o.a.z.X: x",
        "2024-03-17T03:14:10.834000000Z [INFO] 2024-03-17 03:14:10,834 o.a.z.X run - x"}) {
    REQUIRE(StripWrapper(line, kMay2024, &w));
    CHECK(w.kind == WrapperKind::kDocker);
    CHECK(w.inner == line.substr(31));
  }
}

TEST_CASE("wrapper: the CRI format of /var/log/containers (containerd, CRI-O)") {
  Wrapper w;
  REQUIRE(
      StripWrapper("2024-05-02T10:11:12.123456789Z stdout F 2024-05-02 10:11:12,123 [myid:1] - "
                   "WARN  [main:Foo@1] - msg",
                   kMay2024, &w));
  CHECK(w.kind == WrapperKind::kDocker);
  CHECK(w.inner == "2024-05-02 10:11:12,123 [myid:1] - WARN  [main:Foo@1] - msg");
  REQUIRE(StripWrapper("2024-05-02T10:11:12.5+00:00 stderr P \tat org.Foo.bar(Foo.java:1)",
                       kMay2024, &w));
  CHECK(w.inner == "\tat org.Foo.bar(Foo.java:1)");
  // A message that merely starts with "stdout" keeps it.
  REQUIRE(StripWrapper("2024-05-02T10:11:12.5Z stdout Flushed", kMay2024, &w));
  CHECK(w.inner == "stdout Flushed");
}

TEST_CASE("wrapper: Docker Desktop's copy (weak)") {
  Wrapper w;
  REQUIRE(StripWrapper("2024-07-04 19:23:40 2024-07-04 23:23:40,924 - WARN  [x:y@1] - m", kMay2024,
                       &w));
  CHECK(w.kind == WrapperKind::kDockerDesktop);
  CHECK(w.weak());
  CHECK_FALSE(w.has_offset);
  CHECK(w.local == Micros(2024, 7, 4, 19, 23, 40));
  CHECK(w.inner == "2024-07-04 23:23:40,924 - WARN  [x:y@1] - m");
  CHECK_FALSE(StripWrapper("2024-07-04 19:23:40,924 - WARN  [x:y@1] - m", kMay2024, &w));
}

TEST_CASE("wrapper: journalctl short-iso, short-precise, syslog") {
  Wrapper w;
  REQUIRE(StripWrapper("2024-05-02T10:11:12+0000 zk1 zookeeper[1234]: WARN  [x:y@1] - m", kMay2024,
                       &w));
  CHECK(w.kind == WrapperKind::kJournald);
  CHECK(w.host == "zk1");
  CHECK(w.ident == "zookeeper");
  CHECK(w.has_offset);
  CHECK(w.inner == "WARN  [x:y@1] - m");
  REQUIRE(StripWrapper("2024-05-02T12:11:12+02:00 zk1 java[1]: x", kMay2024, &w));
  CHECK(w.offset_us == 2 * 3600 * 1'000'000LL);
  REQUIRE(StripWrapper("May 02 10:11:12.123456 zk2 zookeeper[1234]: inner", kMay2024, &w));
  CHECK(w.kind == WrapperKind::kSyslog);
  CHECK(w.local == Micros(2024, 5, 2, 10, 11, 12, 123456));
  CHECK(w.precision == 6);
  CHECK(w.host == "zk2");
  CHECK(w.inner == "inner");
  REQUIRE(StripWrapper("May  2 10:11:12 nn1 java[99]: inner", kMay2024, &w));
  CHECK(w.local == Micros(2024, 5, 2, 10, 11, 12));
  REQUIRE(StripWrapper("Sep 17 05:04:12 nn1 kernel: eth0 link down", kMay2024, &w));
  CHECK(w.ident == "kernel");
  // A month after the hint's is the year before (a December line in a log last written in May).
  CHECK(w.local == Micros(2023, 9, 17, 5, 4, 12));
  CHECK_FALSE(StripWrapper("Caused by: java.io.EOFException", kMay2024, &w));
  CHECK_FALSE(StripWrapper("May the fourth be with you, always and forever", kMay2024, &w));
  CHECK_FALSE(StripWrapper("WARN  [main:QuorumPeer@400] - Unable to load database", kMay2024, &w));
  // HashiCorp's hclog (hashicorp/nomad#11353): a level in brackets is no host.
  CHECK_FALSE(
      StripWrapper("2021-10-20T14:38:51.181-0400 [DEBUG] agent.plugin_loader.docker: using "
                   "client connection initialized from environment",
                   kMay2024, &w));
}

TEST_CASE("wrapper: a syslog Feb 29 is in the leap year at or before the hint's") {
  Wrapper w;
  REQUIRE(StripWrapper("Feb 29 10:11:12 zk1 zookeeper[1]: inner", YearHint{2026, 3, 1}, &w));
  CHECK(w.local == Micros(2024, 2, 29, 10, 11, 12));
  CHECK(w.year_guessed);
  REQUIRE(StripWrapper("Feb 29 10:11:12 zk1 zookeeper[1]: inner", YearHint{2024, 3, 1}, &w));
  CHECK(w.local == Micros(2024, 2, 29, 10, 11, 12));
  REQUIRE(StripWrapper("Feb 28 10:11:12 zk1 zookeeper[1]: inner", YearHint{2026, 3, 1}, &w));
  CHECK(w.local == Micros(2026, 2, 28, 10, 11, 12));
  CHECK_FALSE(StripWrapper("Feb 30 10:11:12 zk1 zookeeper[1]: inner", YearHint{2026, 3, 1}, &w));
}

TEST_CASE("wrapper: journalctl's header names the date of its last entry") {
  YearHint hint;
  REQUIRE(ReadJournalHeader(
      "-- Logs begin at Mon 2020-01-06 10:00:00 UTC, end at Sat 2020-02-29 12:00:00 UTC. --",
      &hint));
  CHECK(hint.year == 2020);
  CHECK(hint.month == 2);
  CHECK(hint.day == 29);
  REQUIRE(ReadJournalHeader(
      "-- Journal begins at Tue 2021-06-01 08:00:01 CEST, ends at Thu 2022-01-13 09:15:42 CET. --",
      &hint));
  CHECK(hint.year == 2022);
  CHECK(hint.month == 1);
  CHECK(hint.day == 13);
  CHECK_FALSE(ReadJournalHeader("-- Reboot --", &hint));
  CHECK_FALSE(ReadJournalHeader("-- No entries --", &hint));
  CHECK_FALSE(ReadJournalHeader("-- Logs begin at Mon 2020-01-06 10:00:00 UTC. --", &hint));
}

TEST_CASE("wrapper: a UI's time column glued to the line (Graylog)") {
  Wrapper w;
  // Graylog2/graylog2-server#3837
  REQUIRE(
      StripWrapper("2017-5-17 15:28:402017-05-17 07:28:40,818 WARN : kafka.consumer."
                   "RangeAssignor - No broker partitions consumed by consumer thread x",
                   kMay2024, &w));
  CHECK(w.kind == WrapperKind::kUiCopy);
  CHECK(w.local == Micros(2017, 5, 17, 15, 28, 40));
  CHECK(w.inner.starts_with("2017-05-17 07:28:40,818 WARN : kafka"));
  // A log line's own time is followed by a fraction's separator or a blank, never a digit.
  CHECK_FALSE(StripWrapper("2017-05-17 07:28:40,818 WARN : kafka.consumer.RangeAssignor - x",
                           kMay2024, &w));
}

TEST_CASE("wrapper: a UI's copy (Rancher), alone and around another wrapper") {
  Wrapper w;
  // testdata/parsers/public-layouts/rancher-ui-copy.log: the time glued to the line.
  REQUIRE(StripWrapper("4/12/2016 12:43:31 PMtail: can't open '/opt/zk/logs/zookeeper.out'",
                       kMay2024, &w));
  CHECK(w.kind == WrapperKind::kUiCopy);
  CHECK(w.in_ui_copy);
  CHECK(w.local == Micros(2016, 4, 12, 12, 43, 31));
  CHECK_FALSE(w.has_offset);
  CHECK(w.inner == "tail: can't open '/opt/zk/logs/zookeeper.out'");
  REQUIRE(StripWrapper("12/1/2016 12:05:00 AM Starting", kMay2024, &w));
  CHECK(w.local == Micros(2016, 12, 1, 0, 5, 0));  // 12 AM is midnight
  CHECK(w.inner == "Starting");
  // The line inside names its zone: its time is the record's.
  REQUIRE(
      StripWrapper("4/12/2016 12:43:31 PM2016-04-12T10:43:31Z 9d8e625ad063 /usr/bin/confd[25]: "
                   "INFO Backend set to rancher",
                   kMay2024, &w));
  CHECK(w.kind == WrapperKind::kJournald);
  CHECK(w.in_ui_copy);
  CHECK(w.has_offset);
  CHECK(w.local == Micros(2016, 4, 12, 10, 43, 31));
  CHECK(w.host == "9d8e625ad063");
  CHECK(w.inner == "INFO Backend set to rancher");
  CHECK_FALSE(StripWrapper("4/12/2016 13:43:31 PM not a 12-hour time", kMay2024, &w));
  CHECK_FALSE(StripWrapper("1/2 of the followers did not answer in time", kMay2024, &w));
  CHECK_FALSE(StripWrapper("15/12/05 15:08:06 WARN ha.HealthMonitor: x", kMay2024, &w));
  // A separator after the time: the line's own (Python's datefmt "%m/%d/%Y %I:%M:%S %p").
  CHECK_FALSE(
      StripWrapper("03/17/2024 03:14:07 AM - kazoo.client - INFO - Zookeeper connection "
                   "established, state: CONNECTED",
                   kMay2024, &w));
}

// A line `line` that StripWrapper unwraps as `kind`, with the time `local`, around a line that
// starts with `inner_start`.
void CheckUnwrapped(std::string_view line, WrapperKind kind, int64_t local,
                    std::string_view inner_start) {
  Wrapper w;
  REQUIRE(StripWrapper(line, kMay2024, &w));
  CHECK(w.kind == kind);
  CHECK(w.local == local);
  CHECK(w.inner.starts_with(inner_start));
}

TEST_CASE("wrapper: a console's time of day before a dated line") {
  // public-layouts/jenkins-timeofday-heron-jul.log, consul0-journal-timeofday.log; a time of
  // day names no date: the line's own time is the one
  CheckUnwrapped(
      "11:02:36 [2016-11-09 19:02:30 +0000] org.apache.zookeeper.ZooKeeper INFO:  Client "
      "environment:host.name=xxxx  ",
      WrapperKind::kUiCopy, kNoInstant, "[2016-11-09 19:02:30 +0000] org.apache");
  Wrapper w;
  REQUIRE(
      StripWrapper("00:23:08 node-3 consul[4204]:     2017/07/04 00:23:08 [INFO] agent: "
                   "Synced service 'consul'",
                   kMay2024, &w));
  CHECK(w.host == "node-3");
  CHECK(w.inner.starts_with("2017/07/04 00:23:08 [INFO] agent:"));  // the indent dropped
  // A layout that starts with a time of day is no wrapper (made-up line).
  CHECK_FALSE(StripWrapper("10:17:00.406 [info] [supervisor: {:local, :brod_sup}]", kMay2024, &w));
}

TEST_CASE("wrapper: a CI's bracketed RFC 3339 time, and lines that only look wrapped") {
  // public-layouts/jenkins-timestamper-kafka.log
  CheckUnwrapped(
      "[2022-01-27T20:20:42.174Z] [2022-01-27 20:20:39,870] INFO Purge task is not "
      "scheduled. (org.apache.zookeeper.server.DatadirCleanupManager)",
      WrapperKind::kDocker, Micros(2022, 1, 27, 20, 20, 42, 174000),
      "[2022-01-27 20:20:39,870] INFO");
  Wrapper w;
  // MySQL's own RFC 3339 time, then its thread and a bracketed level: no docker prefix.
  CHECK_FALSE(StripWrapper(
      "2019-05-20T05:32:23.776629Z 0 [Warning] InnoDB: New log files created, LSN=45790", kMay2024,
      &w));
  // A level in capitals is no syslog host (Rust's tracing with a local time).
  CHECK_FALSE(StripWrapper(
      "Feb 25 12:52:13.342 TRACE rdkafka::client: Create new librdkafka client 0x5572f1014f40",
      kMay2024, &w));
}

TEST_CASE("wrapper: Kibana's table copied with blanks and ' | ' columns") {
  // public-layouts/kibana-spaces-pipe-fields.log
  CheckUnwrapped(
      "Oct 20, 2023 @ 17:40:51.333 learn | 2023-10-20 17:40:51,325 | INFO | "
      "c.z.l.s.a.LogPrinter - hehehe1697794851325",
      WrapperKind::kUiCopy, Micros(2023, 10, 20, 17, 40, 51, 333000),
      "2023-10-20 17:40:51,325 | INFO |");
}

TEST_CASE("wrapper: a UI's weekday and 12-hour time before ' | ' (Rancher 2)") {
  // rancher-ui-klog-reflector.log (kyverno/policy-reporter-kyverno-plugin#32)
  CheckUnwrapped(
      "Mon, May 12 2025 10:14:57 am | W0512 02:14:57.340185 1 reflector.go:539] pkg/mod/k8s.io/"
      "client-go@v0.29.0/tools/cache/reflector.go:229: failed to list",
      WrapperKind::kUiCopy, Micros(2025, 5, 12, 10, 14, 57), "W0512 02:14:57.340185 1");
  // A made-up line: noon is 12 pm.
  CheckUnwrapped("Tue, Jan 7 2025 12:01:02 pm | 2025-01-07 12:01:02,003 INFO x",
                 WrapperKind::kUiCopy, Micros(2025, 1, 7, 12, 1, 2), "2025-01-07 12:01:02,003");
  Wrapper w;
  // RFC 1123's "Thu, 31 Jan 2013" is a line's own time (node-zookeeper), not this column.
  CHECK_FALSE(StripWrapper("Thu, 31 Jan 2013 12:00:54 GMT, Zookeeper Connecting", kMay2024, &w));
}

TEST_CASE("wrapper: a one-word label before a dated line") {
  // rabbitmq39-name-prefix-offset.log (bitnami/containers#35729)
  CheckUnwrapped(
      "rabbitmq 2023-06-02 09:00:17.677216+00:00 [info] <0.230.0> Successfully synced "
      "tables from a peer",
      WrapperKind::kUiCopy, kNoInstant, "2023-06-02 09:00:17.677216+00:00 [info]");
  Wrapper w;
  // A level word first is the line's own layout, a stack frame no label (made-up lines).
  CHECK_FALSE(StripWrapper("warn [2021-03-04 10:00:00,123] main - o.a.c.Foo x", kMay2024, &w));
  CHECK_FALSE(StripWrapper("java.lang.IllegalStateException: 2021-03-04 x", kMay2024, &w));
}

TEST_CASE("wrapper: detection reads the lines inside") {
  std::string_view docker[] = {
      "2024-05-02T10:11:12.123456789Z 2024-05-02 10:11:12,123 [myid:1] - WARN  [main:Foo@1] - a",
      "2024-05-02T10:11:12.123456790Z java.io.EOFException",
      "2024-05-02T10:11:12.123456791Z \tat org.Foo.bar(Foo.java:1)",
      "2024-05-02T10:11:12.123456792Z \tat org.Foo.bar(Foo.java:2)",
      "2024-05-02T10:11:13.123456789Z 2024-05-02 10:11:13,123 [myid:1] - INFO  [main:Foo@1] - b"};
  Detection d = DetectFormat(docker, kMay2024);
  CHECK(d.parser == &ZooKeeperLogParser());
  CHECK(d.wrapper == WrapperKind::kDocker);
  CHECK(d.continuation_lines == 3);
  std::string_view journal[] = {
      "May 02 10:11:12.000001 zk1 systemd[1]: Started ZooKeeper.",
      "May 02 10:11:12.000002 zk1 zookeeper[12]: 2024-05-02 10:11:12,123 [myid:1] - WARN  "
      "[main:Foo@1] - a",
      "May 02 10:11:12.000003 zk1 zookeeper[12]: 2024-05-02 10:11:12,124 [myid:1] - INFO  "
      "[main:Foo@1] - b"};
  d = DetectFormat(journal, kMay2024);
  CHECK(d.parser == &ZooKeeperLogParser());
  CHECK(d.wrapper == WrapperKind::kSyslog);
  // Lines of some other daemon in docker: still the generic fallback, as before.
  std::string_view plain[] = {"2024-05-02T10:11:12.1Z server started", "2024-05-02T10:11:13.1Z ok"};
  d = DetectFormat(plain, kMay2024);
  CHECK(d.parser == &GenericLogParser());
  // A Python layout without a fraction is not Docker Desktop's copy.
  std::string_view python[] = {"2024-01-01 10:00:00 WARNING kazoo.client: Connection dropped: x",
                               "2024-01-01 10:00:01 INFO kazoo.client: Connecting to zk1:2181"};
  d = DetectFormat(python, kMay2024);
  CHECK(d.parser == &PythonLogParser());
  CHECK(d.wrapper == WrapperKind::kNone);
}

}  // namespace
}  // namespace faultline
