#include "src/base/log_sniff.h"

#include <doctest/doctest.h>

#include <string>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

TEST_CASE("log_sniff: names that are never logs are not opened") {
  for (const char* name : {"README.md", "expect.toml", "monitor.py", "hdfs-site.xml", "state.json",
                           "logs.tar", "zk.txt.gz", ".zk.txt.swp", ".hidden", "shot.PNG"}) {
    CAPTURE(name);
    CHECK_FALSE(MayHoldLogLines(name));
  }
  for (const char* name : {"zk.txt", "zookeeper", "namenode.log.txt", "gc.log.0.current",
                           "zkfc-nn1.err", "syslog", "messages.1", "kibana-export.csv"}) {
    CAPTURE(name);
    CHECK(MayHoldLogLines(name));
  }
}

TEST_CASE("log_sniff: log lines in any layout, and what is not a log") {
  // The seed incident's ZKFC lines, a kazoo line, a timeless paste and a trace without its header.
  CHECK(SampleLooksLikeLog(
      "2019-09-17 05:04:12,622 INFO org.apache.zookeeper.ClientCnxn: Client session timed out\n"
      "2019-09-17 05:04:13,122 FATAL org.apache.hadoop.ha.DFSZKFailoverController: Got a fatal\n",
      true));
  CHECK(
      SampleLooksLikeLog("WARNING:kazoo.client:Connection dropped: socket connection error\n"
                         "INFO:kazoo.client:Zookeeper connection lost\n",
                         true));
  CHECK(
      SampleLooksLikeLog("INFO org.apache.hadoop.ha.NodeFencer: ====== Beginning Service "
                         "Fencing Process... ======\n",
                         true));
  CHECK(
      SampleLooksLikeLog("java.net.SocketTimeoutException: connect timed out\n"
                         "\tat java.net.PlainSocketImpl.socketConnect(Native Method)\n"
                         "\tat org.apache.zookeeper.ClientCnxnSocketNIO.registerAndConnect\n",
                         true));
  // A few prose lines among many log lines still read as a log.
  CHECK(
      SampleLooksLikeLog("zk1 log, as asked:\n\n"
                         "Nov 02 10:11:12 zk1 java[811]: Established session 0x1\n"
                         "Nov 02 10:11:13 zk1 java[811]: Closed socket connection\n",
                         true));
  // Prose, a table of numbers, a config, an empty file, binary.
  CHECK_FALSE(
      SampleLooksLikeLog("The outage began after the switch was replaced.\n"
                         "We restarted zk2 at noon and it came back.\n",
                         true));
  CHECK_FALSE(SampleLooksLikeLog("tickTime=2000\ninitLimit=10\nsyncLimit=5\n", true));
  CHECK_FALSE(SampleLooksLikeLog("", true));
  CHECK_FALSE(SampleLooksLikeLog(std::string("\x7f"
                                             "ELF\x02\x01\x01\0\0\0 10:11:12",
                                             19),
                                 true));
  // One log line in a one-line file is enough; one in ten lines of prose is not.
  CHECK(SampleLooksLikeLog("2020-01-01 10:11:12 ERROR x\n", true));
  std::string prose;
  for (int i = 0; i < 9; ++i) prose += "we looked at the dashboards again\n";
  CHECK_FALSE(SampleLooksLikeLog(prose + "2020-01-01 10:11:12 ERROR x\n", true));
  // "INFORMATION" and "ERRORS" are words, not levels.
  CHECK_FALSE(SampleLooksLikeLog("INFORMATION ABOUT ERRORS\nSEE BELOW\n", true));
}

TEST_CASE("log_sniff: escaped newlines in tool output hold several log lines") {
  // Ansible prints a failed command's output as one line with its newlines escaped: one line
  // with a time and level would be too few to count, its three escaped lines are enough.
  std::string ansible =
      "TASK [hadoop : init secondary instance] ****\n"
      "fatal: [nn2]: FAILED! =>\n"
      "\n"
      "INFO namenode.NameNode: registered\\n17/04/28 18:37:43 INFO namenode.NameNode: created"
      "\\n17/04/28 18:37:43 ERROR namenode.NameNode: Failed to start namenode.\n";
  CHECK(SampleLooksLikeLog(ansible, true));
  // Prose that mentions the escape once is still prose.
  CHECK_FALSE(SampleLooksLikeLog("use \\n to split lines\nthen join them again\n", true));
}

TEST_CASE("log_sniff: a UTF-16 log and a sample cut inside a line") {
  std::string utf16 = "\xff\xfe";
  for (char c : std::string("2020-01-01 10:11:12 WARN zk lost\r\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  CHECK(SampleLooksLikeLog(utf16, true));
  // The cut-off last line is not counted: here the only log-like text sits in it.
  CHECK_FALSE(SampleLooksLikeLog("just words here\nmore words\n2020-01-01 10:11:12 WA", false));
}

TEST_CASE("log_sniff: files") {
  testing::TempDir dir;
  CHECK(LooksLikeLogText(dir.Write("zk.txt", "2020-01-01 10:11:12,123 [myid:1] - WARN x\n")));
  CHECK_FALSE(LooksLikeLogText(dir.Write("notes.txt", "call the network team\n")));
  // Unreadable (here: missing): nothing says it is a log, so it is not taken.
  CHECK_FALSE(LooksLikeLogText(dir.Path("gone.txt")));
}

TEST_CASE("log_sniff: plain text, the last resort of a directory") {
  testing::TempDir dir;
  CHECK(IsPlainText(
      dir.Write("reply.txt", "conf is not executed because it is not in the whitelist\n")));
  CHECK_FALSE(IsPlainText(dir.Write("blank.txt", " \n\n")));
  CHECK_FALSE(IsPlainText(dir.Write("core", std::string("ELF\0\0\1", 6))));
  CHECK(IsPlainText(dir.Write("win.txt", std::string("\xff\xfeW\0A\0R\0N\0", 10))));
  CHECK_FALSE(IsPlainText(dir.Path("gone.txt")));
}

}  // namespace
}  // namespace faultline
