#include "src/engine/config_values.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "src/base/reporter.h"
#include "src/base/test_temp_dir.h"

namespace faultline {
namespace {

// A directory of its own under the system temp directory, removed at the end of the test.
using testing::TempDir;

// Whatever is written to standard error (fd 2) while it lives. The Reporter does not count
// warnings, so this is how a test sees them.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    saved_ = ::dup(2);
    file_ = std::tmpfile();
    ::dup2(::fileno(file_), 2);
  }
  ~StderrCapture() { Restore(); }
  std::string Take() {
    Restore();
    std::string out;
    std::rewind(file_);
    char buffer[512];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) out.append(buffer, n);
    std::fclose(file_);
    file_ = nullptr;
    return out;
  }

 private:
  void Restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  int saved_ = -1;
  std::FILE* file_ = nullptr;
};

TEST_CASE("config_values: defaults are flagged is_default") {
  ConfigValues config;
  const ConfigValue* tick = config.Find("tickTime");
  REQUIRE(tick != nullptr);
  CHECK(tick->text == "2000");
  CHECK(tick->number == 2000.0);
  CHECK(tick->unit == ConfigUnit::kMillis);
  CHECK(tick->is_default);
  CHECK(tick->origin == "default of zoo_sample.cfg");

  const ConfigValue* sync = config.Find("syncLimit");
  REQUIRE(sync != nullptr);
  CHECK(sync->text == "5");
  CHECK(sync->number == 5.0);
  CHECK(sync->unit == ConfigUnit::kCount);
  CHECK(sync->is_default);

  const ConfigValue* session = config.Find("ha.zookeeper.session-timeout.ms");
  REQUIRE(session != nullptr);
  CHECK(session->number == 5000.0);
  CHECK(session->unit == ConfigUnit::kMillis);
  CHECK(session->is_default);
  CHECK(session->origin == "default of Hadoop core-default.xml");

  const ConfigValue* failover = config.Find("dfs.ha.automatic-failover.enabled");
  REQUIRE(failover != nullptr);
  CHECK(failover->text == "false");
  CHECK(failover->unit == ConfigUnit::kText);
  CHECK(failover->is_default);

  // Known but without a default: not set.
  CHECK(ConfigValues::IsKnown("ha.zookeeper.quorum"));
  CHECK(config.Find("ha.zookeeper.quorum") == nullptr);
  // Neither known nor set.
  CHECK_FALSE(ConfigValues::IsKnown("dataDir"));
  CHECK(config.Find("dataDir") == nullptr);
  // Names are case-sensitive, as in ZooKeeper and Hadoop.
  CHECK_FALSE(ConfigValues::IsKnown("ticktime"));
  CHECK(config.Find("ticktime") == nullptr);

  std::vector<std::string> names = ConfigValues::KnownNames();
  CHECK(names.size() == 15);
  for (const std::string& name : names) {
    CAPTURE(name);
    CHECK(ConfigValues::IsKnown(name));
  }
  CHECK(std::find(names.begin(), names.end(), "dfs.qjournal.write-txns.timeout.ms") != names.end());
}

TEST_CASE("config_values: zoo.cfg values carry their file and line") {
  TempDir dir;
  std::string path = dir.Write("zk1/zoo.cfg",
                               "# The number of milliseconds of each tick\n"  // 1
                               "tickTime=3000\n"                              // 2
                               "\n"                                           // 3
                               "   # an indented comment: syncLimit=99\n"     // 4
                               "initLimit = 20\n"                             // 5
                               "syncLimit=10\r\n"                             // 6
                               "dataDir=/var/lib/zookeeper\n"                 // 7
                               "server.1=zk1:2888:3888\n"                     // 8
                               "maxSessionTimeout=60000");                    // 9, no newline
  Reporter reporter;
  reporter.set_quiet(true);
  ConfigValues config;
  config.LoadFile(path, &reporter);
  CHECK(reporter.errors() == 0);
  CHECK(reporter.input_problems() == 0);

  const ConfigValue* tick = config.Find("tickTime");
  REQUIRE(tick != nullptr);
  CHECK(tick->text == "3000");
  CHECK(tick->number == 3000.0);
  CHECK(tick->unit == ConfigUnit::kMillis);
  CHECK(tick->origin == path + ":2");
  CHECK_FALSE(tick->is_default);

  const ConfigValue* init = config.Find("initLimit");
  REQUIRE(init != nullptr);
  CHECK(init->text == "20");
  CHECK(init->number == 20.0);
  CHECK(init->unit == ConfigUnit::kCount);
  CHECK(init->origin == path + ":5");

  const ConfigValue* sync = config.Find("syncLimit");
  REQUIRE(sync != nullptr);
  CHECK(sync->text == "10");  // not the commented-out 99, and without the \r
  CHECK(sync->number == 10.0);
  CHECK(sync->origin == path + ":6");

  const ConfigValue* data = config.Find("dataDir");
  REQUIRE(data != nullptr);
  CHECK(data->text == "/var/lib/zookeeper");
  CHECK(data->unit == ConfigUnit::kText);
  CHECK(data->origin == path + ":7");

  const ConfigValue* server = config.Find("server.1");
  REQUIRE(server != nullptr);
  CHECK(server->text == "zk1:2888:3888");  // split at the first '=' only

  const ConfigValue* max = config.Find("maxSessionTimeout");
  REQUIRE(max != nullptr);
  CHECK(max->number == 60000.0);
  CHECK(max->origin == path + ":9");

  // Not in the file: still the default.
  const ConfigValue* min = config.Find("minSessionTimeout");
  REQUIRE(min != nullptr);
  CHECK(min->number == 4000.0);
  CHECK(min->is_default);
}

TEST_CASE("config_values: a line that is not key=value is skipped with a warning") {
  TempDir dir;
  std::string path = dir.Write("zoo.cfg", "tickTime=3000\nthis is not a setting\nsyncLimit=7\n");
  {
    Reporter reporter;
    reporter.set_quiet(true);
    ConfigValues config;
    config.LoadFile(path, &reporter);
    // A warning, not an error: the rest of the file is read.
    CHECK(reporter.errors() == 0);
    CHECK(reporter.input_problems() == 0);
    REQUIRE(config.Find("tickTime") != nullptr);
    CHECK(config.Find("tickTime")->number == 3000.0);
    REQUIRE(config.Find("syncLimit") != nullptr);
    CHECK(config.Find("syncLimit")->number == 7.0);
    CHECK(config.Find("syncLimit")->origin == path + ":3");
    CHECK(config.Find("this is not a setting") == nullptr);
  }
  {
    Reporter reporter;
    ConfigValues config;
    StderrCapture capture;
    config.LoadFile(path, &reporter);
    CHECK(capture.Take() == "faultline: warning: " + path +
                                ":2: not a key=value line, ignored: this is not a setting\n");
  }
}

TEST_CASE("config_values: a non-number for a numeric key is a warning and kept as text") {
  TempDir dir;
  std::string path = dir.Write("zoo.cfg", "tickTime=2s\nsyncLimit=5\n");
  std::string warnings;
  ConfigValues config;
  {
    Reporter reporter;
    StderrCapture capture;
    config.LoadFile(path, &reporter);
    warnings = capture.Take();
    CHECK(reporter.errors() == 0);
  }
  CHECK(warnings == "faultline: warning: " + path + ":1: tickTime = '2s' is not a number\n");
  const ConfigValue* tick = config.Find("tickTime");
  REQUIRE(tick != nullptr);
  CHECK(tick->text == "2s");
  CHECK(tick->unit == ConfigUnit::kText);
  CHECK_FALSE(tick->is_default);
  CHECK(tick->origin == path + ":1");
  // A trailing unit on a count is not a number either.
  std::string other = dir.Write("b/zoo.cfg", "syncLimit=5x\n");
  Reporter quiet;
  quiet.set_quiet(true);
  ConfigValues second;
  second.LoadFile(other, &quiet);
  REQUIRE(second.Find("syncLimit") != nullptr);
  CHECK(second.Find("syncLimit")->unit == ConfigUnit::kText);
}

TEST_CASE("config_values: hdfs-site.xml and core-site.xml properties carry their line") {
  TempDir dir;
  std::string hdfs =
      dir.Write("nn1/hdfs-site.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                       // 1
                "<?xml-stylesheet type=\"text/xsl\" href=\"configuration.xsl\"?>\n"  // 2
                "<configuration>\n"                                                  // 3
                "  <property>\n"                                                     // 4
                "    <name>dfs.nameservices</name>\n"                                // 5
                "    <value>mycluster</value>\n"                                     // 6
                "  </property>\n"                                                    // 7
                "  <property>\n"                                                     // 8
                "    <name>dfs.qjournal.write-txns.timeout.ms</name>\n"              // 9
                "    <value>\n      60000\n    </value>\n"                           // 10-12
                "    <final>true</final>\n"                                          // 13
                "  </property>\n"                                                    // 14
                "  <property><name>dfs.ha.automatic-failover.enabled</name>"
                "<value>true</value></property>\n"  // 15
                "</configuration>\n");
  std::string core = dir.Write("nn1/core-site.xml",
                               "<configuration>\n"                                    // 1
                               "\n"                                                   // 2
                               "<property>\n"                                         // 3
                               "  <name>ha.zookeeper.quorum</name>\n"                 // 4
                               "  <value>zk1:2181,zk2:2181,zk3:2181</value>\n"        // 5
                               "</property>\n"                                        // 6
                               "<property>\n"                                         // 7
                               "  <name>ha.zookeeper.session-timeout.ms</name>\n"     // 8
                               "  <value>10000</value>\n"                             // 9
                               "  <description>ZKFC session timeout</description>\n"  // 10
                               "</property>\n"                                        // 11
                               "</configuration>\n");
  Reporter reporter;
  reporter.set_quiet(true);
  ConfigValues config;
  config.LoadFile(hdfs, &reporter);
  config.LoadFile(core, &reporter);
  CHECK(reporter.errors() == 0);
  CHECK(reporter.input_problems() == 0);

  const ConfigValue* ns = config.Find("dfs.nameservices");
  REQUIRE(ns != nullptr);
  CHECK(ns->text == "mycluster");
  CHECK(ns->unit == ConfigUnit::kText);
  CHECK(ns->origin == hdfs + ":4");

  const ConfigValue* txns = config.Find("dfs.qjournal.write-txns.timeout.ms");
  REQUIRE(txns != nullptr);
  CHECK(txns->text == "60000");  // surrounding whitespace trimmed
  CHECK(txns->number == 60000.0);
  CHECK(txns->unit == ConfigUnit::kMillis);
  CHECK_FALSE(txns->is_default);
  CHECK(txns->origin == hdfs + ":8");

  const ConfigValue* failover = config.Find("dfs.ha.automatic-failover.enabled");
  REQUIRE(failover != nullptr);
  CHECK(failover->text == "true");
  CHECK_FALSE(failover->is_default);
  CHECK(failover->origin == hdfs + ":15");

  const ConfigValue* quorum = config.Find("ha.zookeeper.quorum");
  REQUIRE(quorum != nullptr);
  CHECK(quorum->text == "zk1:2181,zk2:2181,zk3:2181");
  CHECK(quorum->unit == ConfigUnit::kText);
  CHECK(quorum->origin == core + ":3");

  const ConfigValue* session = config.Find("ha.zookeeper.session-timeout.ms");
  REQUIRE(session != nullptr);
  CHECK(session->number == 10000.0);
  CHECK(session->unit == ConfigUnit::kMillis);
  CHECK(session->origin == core + ":7");
  CHECK_FALSE(session->is_default);

  // Untouched keys keep their defaults.
  const ConfigValue* rpc = config.Find("ha.health-monitor.rpc-timeout.ms");
  REQUIRE(rpc != nullptr);
  CHECK(rpc->is_default);
  CHECK(rpc->number == 45000.0);
}

TEST_CASE("config_values: a commented-out property is not read") {
  TempDir dir;
  std::string core = dir.Write("core-site.xml",
                               "<configuration>\n"
                               "<!--\n"
                               "<property>\n"
                               "  <name>ha.zookeeper.session-timeout.ms</name>\n"
                               "  <value>1000</value>\n"
                               "</property>\n"
                               "-->\n"
                               "</configuration>\n");
  Reporter reporter;
  reporter.set_quiet(true);
  ConfigValues config;
  config.LoadFile(core, &reporter);
  const ConfigValue* session = config.Find("ha.zookeeper.session-timeout.ms");
  REQUIRE(session != nullptr);
  CHECK(session->number == 5000.0);
  CHECK(session->is_default);
}

TEST_CASE("config_values: unreadable and foreign files are warnings") {
  TempDir dir;
  std::string missing = dir.Path("nowhere/zoo.cfg");
  std::string foreign = dir.Write("hdfs-site.xml", "<html><body>not hadoop</body></html>\n");
  ConfigValues config;
  std::string warnings;
  Reporter reporter;
  {
    StderrCapture capture;
    config.LoadFile(missing, &reporter);
    config.LoadFile(foreign, &reporter);
    warnings = capture.Take();
  }
  CHECK(reporter.errors() == 0);
  CHECK(reporter.input_problems() == 0);
  CHECK(warnings == "faultline: warning: " + missing +
                        ": cannot read configuration file; using defaults\n"
                        "faultline: warning: " +
                        foreign +
                        ": no <configuration> element; not a Hadoop configuration file\n");
  REQUIRE(config.Find("tickTime") != nullptr);
  CHECK(config.Find("tickTime")->is_default);
}

}  // namespace
}  // namespace faultline
