// The java, logback and timeless parsers beyond their sample tables: what they must not take
// (other parsers' lines, prose), so detection keeps choosing the right parser.
#include <doctest/doctest.h>

#include <string_view>

#include "parsers/registry.h"

namespace faultline {
namespace {

TEST_CASE("java: a message merely ending in parentheses names no logger") {
  Header h;
  Miss miss;
  REQUIRE(JavaLogParser().ParseHeader(
      "[2017-10-24 12:49:53,840] INFO zookeeper state changed (SyncConnected)", &h, &miss));
  CHECK(h.logger == "");
  CHECK(h.message == "zookeeper state changed (SyncConnected)");
  CHECK_FALSE(JavaLogParser().ParseHeader(
      "2017-10-24 12:49:53,840 INFO zookeeper state changed (SyncConnected)", &h, &miss));
}

TEST_CASE("java: '(logger:thread)' at the end, the thread with parentheses of its own") {
  // Marathon through syslog (d2iq-archive/marathon#3331): "[%d] %p %m (%c:%t)".
  Header h;
  Miss miss;
  REQUIRE(JavaLogParser().ParseHeader(
      "[2016-02-24 14:45:24,925] INFO Opening socket connection to server 192.168.1.94/"
      "192.168.1.94:2181. Will not attempt to authenticate using SASL (unknown error) "
      "(org.apache.zookeeper.ClientCnxn:pool-1-thread-2-SendThread(192.168.1.94:2181))",
      &h, &miss));
  CHECK(h.logger == "org.apache.zookeeper.ClientCnxn");
  CHECK(h.thread == "pool-1-thread-2-SendThread(192.168.1.94:2181)");
  CHECK(h.message ==
        "Opening socket connection to server 192.168.1.94/192.168.1.94:2181. Will not attempt to "
        "authenticate using SASL (unknown error)");
  // "(logger:line)" stays a line number.
  REQUIRE(JavaLogParser().ParseHeader("[2016-02-24 14:45:24,925] INFO x (org.apache.Foo:52)", &h,
                                      &miss));
  CHECK(h.logger == "org.apache.Foo");
  CHECK(h.code_line == 52);
  CHECK(h.thread == "");
}

TEST_CASE("java: '(logger:thread)' with the exception printed after it on the header line") {
  // d2iq-archive/marathon#4266
  Header h;
  Miss miss;
  REQUIRE(JavaLogParser().ParseHeader(
      "[2016-10-11 08:39:31,629] ERROR Connection timed out for connection string "
      "(mesos-os-01:2181,mesos-os-02:2181,mesos-os-03:2181,mesos-os-04:2181) and timeout (15000) / "
      "elapsed (10005) (org.apache.curator.ConnectionState:Curator-Framework-0) "
      "org.apache.curator.CuratorConnectionLossException: KeeperErrorCode = ConnectionLoss",
      &h, &miss));
  CHECK(h.logger == "org.apache.curator.ConnectionState");
  CHECK(h.thread == "Curator-Framework-0");
  CHECK(
      h.message ==
      "Connection timed out for connection string "
      "(mesos-os-01:2181,mesos-os-02:2181,mesos-os-03:2181,mesos-os-04:2181) and timeout (15000) / "
      "elapsed (10005)");
  // Words after the parentheses that are not an exception leave the line as it was.
  REQUIRE(
      JavaLogParser().ParseHeader("[2016-10-11 08:39:31,629] INFO a (b:c) and more", &h, &miss));
  CHECK(h.logger == "");
  CHECK(h.message == "a (b:c) and more");
}

TEST_CASE("java: Kafka Connect's connector context is not the message") {
  // testdata/parsers/public-layouts/kafka-connect-mdc.log
  Header h;
  Miss miss;
  REQUIRE(JavaLogParser().ParseHeader(
      "[2026-06-18 20:32:09,613] INFO [hbase-sink|task-0] [Consumer clientId=c-0, groupId=g] "
      "Resetting generation (org.apache.kafka.clients.consumer.internals.ConsumerCoordinator:1052)",
      &h, &miss));
  CHECK(h.message == "[Consumer clientId=c-0, groupId=g] Resetting generation");
  REQUIRE(JavaLogParser().ParseHeader(
      "[2026-06-18 20:32:09,613] INFO [a b|task-0] kept (org.apache.Foo)", &h, &miss));
  CHECK(h.message == "[a b|task-0] kept");
}

TEST_CASE("java, logback, timeless: other layouts are not theirs") {
  const std::string_view lines[] = {
      "2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:"
      "LearnerHandler@702] - Closing connection to peer due to transaction timeout.",
      "2015-07-29 17:41:44,747 - INFO  [main:Foo@1] - m",
      "2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: Got a "
      "fatal error, exiting now",
      "2019-09-17 05:04:03,691 WARNING kazoo.client Connection dropped: socket connection broken",
      "2019-09-17 05:04:03,691 -connection:connection.py-L608-WARNING: Connection dropped",
      "WARNING:kazoo.client:Connection dropped",
      "2019-09-17T05:04:12.618+0000: 12.345: [GC pause (G1 Evacuation Pause) (young)]",
      "java.io.EOFException",
      "\tat java.io.DataInputStream.readInt(DataInputStream.java:392)",
      "Caused by: java.io.IOException: Unreasonable length = 6559049",
      "fsync-ing the write ahead log in SyncThread:3 took 1513ms",
      "",
  };
  for (std::string_view line : lines) {
    CAPTURE(line);
    Header h;
    Miss miss;
    CHECK_FALSE(JavaLogParser().ParseHeader(line, &h, &miss));
    CHECK_FALSE(LogbackLogParser().ParseHeader(line, &h, &miss));
    CHECK_FALSE(TimelessLogParser().ParseHeader(line, &h, &miss));
  }
}

TEST_CASE("timeless: prose starting with a level word is not a header") {
  Header h;
  Miss miss;
  CHECK_FALSE(
      TimelessLogParser().ParseHeader("ERROR happened while reading the snapshot", &h, &miss));
  CHECK(miss.column == 6);
  CHECK_FALSE(
      TimelessLogParser().ParseHeader("Info org.foo: lower-case is not pasted log4j", &h, &miss));
  CHECK_FALSE(
      TimelessLogParser().ParseHeader("Exception in thread main java.lang.Error: x", &h, &miss));
}

TEST_CASE("timeless: Rust tracing's span before the target is not the logger") {
  // public-layouts/tracing-span-target-rdkafka.log (fede1024/rust-rdkafka#663), its time taken off
  // as a wrapper's.
  Header h;
  Miss miss;
  REQUIRE(TimelessLogParser().ParseHeader("TRACE foo: rdkafka::util: Destroyed client: REDACTED",
                                          &h, &miss));
  CHECK(h.logger == "rdkafka::util");
  CHECK(h.message == "Destroyed client: REDACTED");
  REQUIRE(TimelessLogParser().ParseHeader("INFO vector: Healthcheck: Passed", &h, &miss));
  CHECK(h.logger == "vector");
  CHECK(h.message == "Healthcheck: Passed");
}

TEST_CASE("logback: a thread holding brackets and spaces") {
  Header h;
  Miss miss;
  REQUIRE(LogbackLogParser().ParseHeader(
      "2016-11-13 11:40:24.751 [pool-1 [x] thread] ERROR o.a.c.ConnectionState - Authentication "
      "failed",
      &h, &miss));
  CHECK(h.thread == "pool-1 [x] thread");
  CHECK(h.level == Level::kError);
  CHECK(h.logger == "o.a.c.ConnectionState");
  CHECK(h.message == "Authentication failed");
}

}  // namespace
}  // namespace faultline
