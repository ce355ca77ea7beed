#include "parsers/continuation.h"

#include <doctest/doctest.h>

#include <string_view>

namespace faultline {
namespace {

TEST_CASE("continuation: Java stack traces") {
  const std::string_view lines[] = {
      "\tat org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:228)",
      // Dropwizard prints its traces with "! " (dropwizard/dropwizard-discovery#11)
      "! java.lang.NullPointerException: null",
      "! at java.io.ByteArrayInputStream.<init>(ByteArrayInputStream.java:106) ~[na:1.8.0_65]",
      "at org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1144)",
      "    at java.lang.Thread.run(Thread.java:748)",
      "Caused by: java.net.ConnectException: Connection refused",
      "\t... 8 more",
      "... 8 more",
      "Suppressed: java.io.IOException: close failed",
      "\tSuppressed: java.io.IOException: close failed",
      "EndOfStreamException: Unable to read additional data from client sessionid "
      "0x16d3d3c5b1c0001, likely client has closed socket",
      "java.io.EOFException",
      "java.lang.RuntimeException: boom",
      "org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = "
      "ConnectionLoss for /hadoop-ha/ns1/ActiveStandbyElectorLock",
      "java.lang.OutOfMemoryError: Java heap space",
      "java.lang.Throwable",
      "org.apache.hadoop.ipc.RemoteException(java.io.IOException): IPC's epoch 15 is less than "
      "the last promised epoch 16",
      "GC pool 'ConcurrentMarkSweep' had collection(s): count=1 time=61024ms",
      "No GCs detected",
      // Frames that lost their "\tat " when pasted.
      "org.apache.zookeeper.server.quorum.Learner.connectToLeader(Learner.java:123)",
      "org.apache.zookeeper.ClientCnxn$SendThread.run(ClientCnxn.java:1144)",
      "java.base/java.lang.Thread.run(Thread.java:829)",
      "sun.nio.ch.FileDispatcherImpl.read0(Native Method)",
      "sun.reflect.GeneratedMethodAccessor1.invoke(Unknown Source)",
      "org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:228) "
      "~[zookeeper-3.4.6.jar:3.4.6-1569965]",
      "java.net.SocketTimeoutException: Read timed out",
  };
  for (std::string_view line : lines) {
    CAPTURE(line);
    CHECK(IsContinuationLine(line));
  }
}

TEST_CASE("continuation: Hadoop banners") {
  const std::string_view lines[] = {
      "/************************************************************",
      "STARTUP_MSG: Starting DFSZKFailoverController",
      "STARTUP_MSG:   host = nn1/10.0.0.1",
      "STARTUP_MSG:   args = []",
      "************************************************************/",
      "SHUTDOWN_MSG: Shutting down DFSZKFailoverController at nn1/10.0.0.1",
      "",
  };
  for (std::string_view line : lines) {
    CAPTURE(line);
    CHECK(IsContinuationLine(line));
  }
}

TEST_CASE("continuation: Python tracebacks") {
  const std::string_view lines[] = {
      "Traceback (most recent call last):",
      "  File \"x.py\", line 3, in f",
      "    raise ConnectionLoss()",
      "kazoo.exceptions.ConnectionLoss",
      "kazoo.exceptions.SessionExpiredError",
      "ValueError: bad value",
      "During handling of the above exception, another exception occurred:",
      "The above exception was the direct cause of the following exception:",
  };
  for (std::string_view line : lines) {
    CAPTURE(line);
    CHECK(IsContinuationLine(line));
  }
}

TEST_CASE("continuation: ordinary lines are not") {
  const std::string_view lines[] = {
      "Connection refused",
      "The server is shutting down.",
      "Exception handling is fine here",
      "java.io.EOFException occurred while reading",
      "ExceptionHandler: installed",
      "kazoo.client: connected",
      "WARNING:kazoo.client:Connection dropped",
      "ERROR:root:boom",
      "2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Foo@1] - m",
      "2019-09-17 05:04:12,618 FATAL org.apache.hadoop.ha.ZKFailoverController: x",
      "zk1  | 2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Foo@1] - m",
      "attempting reconnect",
      "/var/log/zookeeper",
      "**",
      "Caused",
      "STARTUP_MSG",
      "Traceback",
      "org.apache.zookeeper.server.quorum.Learner.connectToLeader() is slow",
      "foo.bar(Learner.java:123)",
      "org.apache.Foo.bar(Learner.java:123) and then more",
      "Started zk.service (ZooKeeper)",
  };
  for (std::string_view line : lines) {
    CAPTURE(line);
    CHECK_FALSE(IsContinuationLine(line));
  }
}

TEST_CASE("continuation: indented text is a message, an indented frame is not") {
  CHECK(IsIndentedText("  Running Payara Version: Payara Server  5.201]]"));
  CHECK(IsIndentedText("      Now listening on: http://localhost:5000"));
  CHECK_FALSE(IsIndentedText("Running Payara"));          // not indented
  CHECK_FALSE(IsIndentedText("\tat a.B.c(B.java:1)"));    // a frame
  CHECK_FALSE(IsIndentedText("    at a.B.c(B.java:1)"));  // a frame pasted with blanks
  CHECK_FALSE(IsIndentedText("    ... 8 more"));
  CHECK_FALSE(IsIndentedText("  java.io.IOException: x"));  // an exception
  CHECK_FALSE(IsIndentedText("   "));
}

}  // namespace
}  // namespace faultline
