#include "src/store/mail_fold.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace faultline {
namespace {

// The bundled incident's first ZooKeeper records as `fold -s -w 76` leaves them.
const std::vector<std::string_view> kFolded = {
    "2019-09-17 04:30:01,207 [myid:3] - INFO  ",
    "[SessionTracker:ZooKeeperServer@355] - Expiring session 0x3007672f800f9a2, ",
    "timeout of 5000ms exceeded",
    "2019-09-17 04:30:01,208 [myid:3] - INFO  [ProcessThread(sid:3 ",
    "cport:-1)::PrepRequestProcessor@487] - Processed session termination for ",
    "sessionid: 0x3007672f800f9a2",
    "2019-09-17 04:30:01,967 [myid:3] - INFO  ",
    "[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@215] - ",
    "Accepted socket connection from /10.0.0.4:38416",
    "2019-09-17 04:30:02,044 [myid:3] - WARN  ",
    "[NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxn@376] - Unable to ",
    "read additional data from client sessionid 0x3007672f801a2b9, likely client ",
    "has closed socket",
};

TEST_CASE("mail fold: the width and the fragments of a folded log, joined as they were") {
  REQUIRE(DetectFoldWidth(kFolded) == 76);
  std::vector<std::string> lines = UnfoldLines(kFolded, 76);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "2019-09-17 04:30:01,207 [myid:3] - INFO  [SessionTracker:ZooKeeperServer@355] - "
        "Expiring session 0x3007672f800f9a2, timeout of 5000ms exceeded");
  CHECK(lines[1] ==
        "2019-09-17 04:30:01,208 [myid:3] - INFO  [ProcessThread(sid:3 "
        "cport:-1)::PrepRequestProcessor@487] - Processed session termination for sessionid: "
        "0x3007672f800f9a2");
  CHECK(lines[3].ends_with("likely client has closed socket"));
}

TEST_CASE("mail fold: an archive that trimmed the blank at each break gets it back") {
  std::vector<std::string> trimmed;
  for (std::string_view line : kFolded) {
    trimmed.emplace_back(line.substr(0, line.find_last_not_of(' ') + 1));
  }
  std::vector<std::string_view> views(trimmed.begin(), trimmed.end());
  size_t width = DetectFoldWidth(views);
  REQUIRE(width > 0);
  std::vector<std::string> lines = UnfoldLines(views, width);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].ends_with("INFO  [SessionTracker:ZooKeeperServer@355] - Expiring session "
                           "0x3007672f800f9a2, timeout of 5000ms exceeded") == false);
  // Two blanks before '[' came out as one: only the one the break took is known.
  CHECK(
      lines[0].ends_with("INFO [SessionTracker:ZooKeeperServer@355] - Expiring session "
                         "0x3007672f800f9a2, timeout of 5000ms exceeded"));
}

TEST_CASE("mail fold: a word longer than a line is cut inside, and joined without a blank") {
  std::string above(40, 'x');
  CHECK(ContinuesFolded(above, "yyyy tail", 40));
  std::string joined = above;
  JoinFolded(above, "yyyy tail", 40, &joined);
  CHECK(joined == above + "yyyy tail");
}

TEST_CASE("mail fold: record starts, trace lines and indented frames are never fragments") {
  // The full width (76 bytes): no word would have fitted after it.
  std::string_view full =
      "2019-09-17 04:30:01,207 [myid:3] - WARN  [Thread:Class@1] - Closing the way ";
  for (std::string_view own :
       {"2019-09-17 04:30:02,000 INFO x", "[2021-04-02 01:33:58,687] INFO",
        "Sep 17 04:30:01 host zk[1]: x", "INFO org.apache.hadoop.ha.X: y",
        "04:30:01.123 [main] INFO x", "081109 203615 148 INFO dfs.X: y",
        "I0917 04:30:01.123456 1 zk.go:12] x", "java.net.ConnectException: Connection refused",
        "Caused by: java.io.EOFException", "\tat org.apache.Foo.bar(Foo.java:1)",
        "    at org.apache.Foo.bar(Foo.java:1)",
        "Traceback (most recent call "
        "last):",
        "KeyError: 'x'", "STARTUP_MSG: Starting NameNode",
        "************************************************************/"}) {
    CAPTURE(own);
    CHECK_FALSE(ContinuesFolded(full, own, 76));
  }
  // A message's own words stay fragments, upper-case levels only are levels.
  CHECK(ContinuesFolded(full, "Fatal error occurred:Received stat error", 76));
  CHECK(ContinuesFolded(full, "Exception causing close of session 0x1", 76));
  CHECK(ContinuesFolded(full, "connection to 10.0.0.3:2181", 76));
  // A word that would have fitted on the line above was not pushed down by folding.
  CHECK_FALSE(ContinuesFolded("2019-09-17 04:30:01,207 - INFO short", "word", 76));
}

TEST_CASE("mail fold: logs that were not folded are left alone") {
  // Lines wider than 80 bytes: not a mail client's width.
  std::vector<std::string> wide(10, "2019-09-17 04:30:01,207 INFO " + std::string(60, 'x'));
  CHECK(DetectFoldWidth(std::vector<std::string_view>(wide.begin(), wide.end())) == 0);
  // Short records with indented frames and exception lines under them.
  const std::vector<std::string_view> traces = {
      "2019-09-17 04:30:01,207 ERROR Foo: failed to connect to the server, retrying",
      "java.net.ConnectException: Connection refused",
      "\tat sun.nio.ch.SocketChannelImpl.checkConnect(Native Method)",
      "\tat org.apache.zookeeper.ClientCnxnSocketNIO.doTransport(ClientCnxnSocketNIO.java:361)",
      "2019-09-17 04:30:02,207 ERROR Foo: failed to connect to the server, retrying",
      "java.net.ConnectException: Connection refused",
      "\tat sun.nio.ch.SocketChannelImpl.checkConnect(Native Method)",
      "2019-09-17 04:30:03,207 INFO Foo: connected",
      "2019-09-17 04:30:04,207 INFO Foo: session established, negotiated timeout 4000",
      "2019-09-17 04:30:05,207 INFO Foo: done",
  };
  CHECK(DetectFoldWidth(traces) == 0);
  CHECK(DetectFoldWidth({"a", "b"}) == 0);
}

}  // namespace
}  // namespace faultline
