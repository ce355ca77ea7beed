#include "src/base/input_set.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

TEST_CASE("input_set: IsLogFileName") {
  const char* yes[] = {
      "zookeeper.log",
      "x.log.1",
      "x.out",
      "x.log.2026-01-01",
      "x.log-20260101",
      "x.log.1.gz",
      "x.log.gz",
      "x.out.gz",
      "x.log.2026-01-01.gz",
      "x.log-20260101.gz",
      "hadoop-hdfs-zkfc-nn1.log.12",
      "zookeeper-zk-server-zk2.out",
      ".log",
      "hadoop-hdfs-namenode-nn1.out.1",
      "hadoop-hdfs-namenode-nn1.out.5.gz",
  };
  for (const char* name : yes) {
    CAPTURE(name);
    CHECK(IsLogFileName(name));
  }
  const char* no[] = {
      "zoo.cfg",
      "x.txt",
      "x.log.bak",
      "catalog",
      "x.log.",
      "x.log-",
      "x.log.1a",
      "x.logs",
      "x.log.2026-1-01",
      "x.log.2026_01_01",
      "x.gz",
      "x.log.gz.1",
      "x.out.1a",
      "x.out.",
      "x.log.20260101x",
      "",
      "x.log_1",
      "x.log.1.bz2",
      "log",
      "x.log.2026-01-01-1",
  };
  for (const char* name : no) {
    CAPTURE(name);
    CHECK_FALSE(IsLogFileName(name));
  }
}

using testing::TempDir;

TEST_CASE("input_set: ExpandInputs") {
  TempDir dir;
  dir.Touch("logs/zk2/zookeeper.log");
  dir.Touch("logs/zk1/zookeeper.log");
  dir.Touch("logs/zk1/zookeeper.log.1.gz");
  dir.Touch("logs/zk1/zoo.cfg");
  dir.Touch("logs/nn1/hadoop-hdfs-zkfc-nn1.out");
  dir.Touch("logs/notes.txt");
  dir.Touch("logs/monitor.log.bak");
  // Logs under other names, found by their lines; prose and a rule file are not.
  dir.Write("logs/pasted/zkfc.txt",
            "2019-09-17 05:04:13,122 FATAL ha.ZKFailoverController: Got a fatal error\n"
            "java.io.IOException: x\n\tat org.apache.hadoop.ha.ActiveStandbyElector.y\n");
  dir.Write("logs/pasted/README.txt", "Logs of the 17 September outage, as sent by ops.\n");
  dir.Write("logs/pasted/expect.toml", "primary = [] # 05:04:12\n");
  // Beside named logs, a text file quoting them is an output or a note, not one more log.
  dir.Write("logs/zk1/expected-timeline.txt", "2019-09-17 05:04:03.542 zk1 WARN x\n");
  dir.Touch("named.txt");
  fs::create_directories(dir.Path("logs/empty"));
  fs::create_directories(dir.Path("logs/dir.log"));  // a directory with a log-like name

  std::vector<InputProblem> problems;
  std::vector<InputFile> inputs = ExpandInputs(
      {dir.Path("named.txt"), dir.Path("logs"), "-", dir.Path("missing.log")}, &problems);

  REQUIRE(inputs.size() == 7);
  CHECK(inputs[0].path == dir.Path("named.txt"));
  CHECK(inputs[0].root == "");
  const std::string root = dir.Path("logs");
  CHECK(inputs[1].path == root + "/nn1/hadoop-hdfs-zkfc-nn1.out");
  CHECK(inputs[2].path == root + "/pasted/zkfc.txt");
  CHECK(inputs[3].path == root + "/zk1/zookeeper.log");
  CHECK(inputs[4].path == root + "/zk1/zookeeper.log.1.gz");
  CHECK(inputs[5].path == root + "/zk2/zookeeper.log");
  for (int i = 1; i <= 5; ++i) CHECK(inputs[i].root == root);
  CHECK(inputs[6].path == "-");
  CHECK(inputs[6].root == "");

  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == dir.Path("missing.log"));
  CHECK(problems[0].why == "No such file or directory");
}

TEST_CASE("input_set: empty directory gives nothing and no problem") {
  TempDir dir;
  std::vector<InputProblem> problems;
  CHECK(ExpandInputs({dir.Path()}, &problems).empty());
  CHECK(problems.empty());
}

}  // namespace
}  // namespace faultline
