#include "parsers/logging_config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#ifndef FAULTLINE_TESTDATA
#define FAULTLINE_TESTDATA "testdata"  // when compiled by hand from the source root
#endif

namespace faultline {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ConfigPath(std::string_view name) {
  return std::string(FAULTLINE_TESTDATA) + "/configs/" + std::string(name);
}

// Detects and reads a file of testdata/configs, requiring it to be read without problems.
LoggingConfig ReadConfig(std::string_view name, ConfigKind expected) {
  std::string path = ConfigPath(name);
  std::string text = ReadFile(path);
  REQUIRE_MESSAGE(!text.empty(), path);
  REQUIRE(DetectLoggingConfig(path, std::string_view(text).substr(0, 4096)) == expected);
  LoggingConfig config = ReadLoggingConfig(name, text, expected);
  CHECK(config.kind == expected);
  for (const std::string& p : config.problems) MESSAGE(p);
  return config;
}

const ConfiguredLayout& Layout(const LoggingConfig& config, std::string_view appender) {
  for (const ConfiguredLayout& l : config.layouts) {
    if (l.appender == appender) return l;
  }
  FAIL("no layout for appender " << appender);
  return config.layouts.front();
}

bool HasAppender(const LoggingConfig& config, std::string_view appender) {
  for (const ConfiguredLayout& l : config.layouts) {
    if (l.appender == appender) return true;
  }
  return false;
}

constexpr std::string_view kZkPattern = "%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n";

// ---- detection ----

TEST_CASE("logging config: detected by name") {
  CHECK(DetectLoggingConfig("conf/log4j.properties", "") == ConfigKind::kLog4jProperties);
  CHECK(DetectLoggingConfig("config/connect-log4j.properties", "") == ConfigKind::kLog4jProperties);
  CHECK(DetectLoggingConfig("log4j2-test.properties", "") == ConfigKind::kLog4j2Properties);
  CHECK(DetectLoggingConfig("/etc/app/log4j2.xml", "") == ConfigKind::kLog4j2Xml);
  CHECK(DetectLoggingConfig("src/main/resources/log4j2-spring.xml", "") == ConfigKind::kLog4j2Xml);
  CHECK(DetectLoggingConfig("conf\\logback.xml", "") == ConfigKind::kLogbackXml);
  CHECK(DetectLoggingConfig("logback-spring.xml", "") == ConfigKind::kLogbackXml);
  CHECK(DetectLoggingConfig("logging.conf", "") == ConfigKind::kPythonIni);
  CHECK(DetectLoggingConfig("etc/logging.conf.sample", "") == ConfigKind::kPythonIni);
  CHECK(DetectLoggingConfig("logging.ini", "") == ConfigKind::kPythonIni);
  CHECK(DetectLoggingConfig("logging.yml", "") == ConfigKind::kPythonDictYaml);
  CHECK(DetectLoggingConfig("log_config.yaml", "") == ConfigKind::kPythonDictYaml);
  CHECK(DetectLoggingConfig("logging.json", "") == ConfigKind::kPythonDictJson);
  // Formats this module does not read.
  CHECK(DetectLoggingConfig("config/log4j2.yaml", "") == ConfigKind::kNone);
  CHECK(DetectLoggingConfig("log4j.xml", "") == ConfigKind::kNone);
  CHECK(DetectLoggingConfig("logback.groovy", "") == ConfigKind::kNone);
  CHECK(DetectLoggingConfig("pom.xml", "<project>") == ConfigKind::kNone);
  CHECK(ConfigKindName(ConfigKind::kLog4j2Xml) == "log4j2.xml");
  CHECK(ConfigKindName(ConfigKind::kPythonDictYaml) == "dictConfig YAML");
}

TEST_CASE("logging config: detected by content under other names") {
  CHECK(DetectLoggingConfig("zk.cfg", "# zk\nlog4j.rootLogger=INFO, C\nlog4j.appender.C=x\n") ==
        ConfigKind::kLog4jProperties);
  CHECK(DetectLoggingConfig("custom.properties",
                            "appender.c.type = Console\nappender.c.layout.pattern = %m%n\n") ==
        ConfigKind::kLog4j2Properties);
  CHECK(DetectLoggingConfig("settings",
                            "[loggers]\nkeys=root\n[handlers]\nkeys=h\n"
                            "[formatters]\nkeys=f\n") == ConfigKind::kPythonIni);
  CHECK(DetectLoggingConfig("app.yaml", "version: 1\nformatters:\n  f:\n    format: x\n") ==
        ConfigKind::kPythonDictYaml);
  CHECK(DetectLoggingConfig("app.json", "{\"version\": 1, \"formatters\": {}}") ==
        ConfigKind::kPythonDictJson);
  CHECK(DetectLoggingConfig("config.xml",
                            "<?xml version=\"1.0\"?>\n<Configuration><Appenders><Console/>") ==
        ConfigKind::kLog4j2Xml);
  CHECK(DetectLoggingConfig("x.xml", "<configuration>\n<appender name=\"A\" class=\"B\">") ==
        ConfigKind::kLogbackXml);
  // A config named log4j.properties but written in log4j2 syntax.
  CHECK(DetectLoggingConfig("log4j.properties",
                            "appender.c.type = Console\nappender.c.layout.type = PatternLayout\n"
                            "rootLogger.level = INFO\n") == ConfigKind::kLog4j2Properties);
}

TEST_CASE("logging config: ordinary logs are not configs") {
  const std::string_view logs[] = {
      "2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:Learner@702] - "
      "Closing connection\n2019-09-17 05:04:12,051 [myid:3] - INFO  [main:QuorumPeer@1] - x\n",
      "log4j:WARN No appenders could be found for logger (org.apache.zookeeper.ZooKeeper).\n"
      "log4j:WARN Please initialize the log4j system properly.\n",
      "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"log.level\":\"INFO\",\"message\":\"version "
      "1\"}\n",
      "INFO:kazoo.client:Connecting to zk1:2181\nversion: 1\nhandlers:\n",
      "<134>Oct 11 22:14:15 host app: <configuration> <appender> reloaded\n",
      "[2024-01-01 00:00:00,000] INFO [formatters] loaded (kafka.Kafka$)\n",
  };
  for (std::string_view head : logs) {
    CAPTURE(head);
    CHECK(DetectLoggingConfig("", head) == ConfigKind::kNone);
    CHECK(DetectLoggingConfig("stdin", head) == ConfigKind::kNone);
    CHECK(DetectLoggingConfig("zookeeper.log", head) == ConfigKind::kNone);
  }
  // Log names are never sniffed, whatever their first bytes say.
  std::string config = ReadFile(ConfigPath("zookeeper-3.4.14-log4j.properties"));
  for (std::string_view name : {"zookeeper.log", "zookeeper.log.2.gz", "app.out", "x.log.1"})
    CHECK(DetectLoggingConfig(name, config) == ConfigKind::kNone);
  // Real logs in the tree.
  for (std::string_view file :
       {"real-zk38/zookeeper.log", "real-zk38/kazoo-module.log",
        "field-layouts/hadoop-hdfs-zkfc-console.log", "field-layouts/strimzi-zookeeper.log"}) {
    std::string path = std::string(FAULTLINE_TESTDATA) + "/parsers/" + std::string(file);
    std::string head = ReadFile(path).substr(0, 4096);
    CAPTURE(path);
    REQUIRE(!head.empty());
    CHECK(DetectLoggingConfig(path, head) == ConfigKind::kNone);
    CHECK(DetectLoggingConfig("stdin", head) == ConfigKind::kNone);
  }
}

// ---- real configuration files ----

TEST_CASE("logging config: ZooKeeper 3.4 log4j.properties") {
  LoggingConfig c = ReadConfig("zookeeper-3.4.14-log4j.properties", ConfigKind::kLog4jProperties);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 3);
  const ConfiguredLayout& console = Layout(c, "CONSOLE");
  CHECK(console.pattern == kZkPattern);
  CHECK(console.file.empty());
  CHECK(console.syntax == PatternSyntax::kLog4j);
  const ConfiguredLayout& rolling = Layout(c, "ROLLINGFILE");
  CHECK(rolling.pattern == kZkPattern);
  CHECK(rolling.file == "./zookeeper.log");
  CHECK(rolling.file_template == "${zookeeper.log.dir}/${zookeeper.log.file}");
  CHECK(rolling.origin == "zookeeper-3.4.14-log4j.properties:46");
  const ConfiguredLayout& trace = Layout(c, "TRACEFILE");
  CHECK(trace.pattern == "%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L][%x] - %m%n");
  CHECK(trace.file == "./zookeeper_trace.log");
}

TEST_CASE("logging config: ZooKeeper 3.6 log4j.properties resolves chained variables") {
  LoggingConfig c = ReadConfig("zookeeper-3.6.4-log4j.properties", ConfigKind::kLog4jProperties);
  CHECK(c.problems.empty());
  CHECK(Layout(c, "ROLLINGFILE").file == "./zookeeper.log");
  // zookeeper.tracelog.dir=${zookeeper.log.dir}
  CHECK(Layout(c, "TRACEFILE").file == "./zookeeper_trace.log");
  CHECK(Layout(c, "RFAAUDIT").pattern == "%d{ISO8601} %p %c{2}: %m%n");
  CHECK(Layout(c, "RFAAUDIT").file == "./zookeeper_audit.log");
}

TEST_CASE("logging config: ZooKeeper 3.9 logback.xml") {
  LoggingConfig c = ReadConfig("zookeeper-3.9.3-logback.xml", ConfigKind::kLogbackXml);
  CHECK(c.problems.empty());
  // ROLLINGFILE, TRACEFILE and RFAAUDIT are commented out in the shipped file.
  REQUIRE(c.layouts.size() == 1);
  CHECK(c.layouts[0].appender == "CONSOLE");
  CHECK(c.layouts[0].pattern == kZkPattern);
  CHECK(c.layouts[0].file.empty());
  CHECK(c.layouts[0].origin == "zookeeper-3.9.3-logback.xml:40");
}

TEST_CASE("logging config: ZooKeeper master logback.xml with an <if> around two encoders") {
  LoggingConfig c = ReadConfig("zookeeper-master-logback.xml", ConfigKind::kLogbackXml);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 1);
  CHECK(c.layouts[0].pattern == kZkPattern);  // the text encoder of the <else> branch
}

TEST_CASE("logging config: Hadoop log4j.properties") {
  LoggingConfig c = ReadConfig("hadoop-log4j.properties", ConfigKind::kLog4jProperties);
  CHECK(c.problems.empty());
  CHECK(!HasAppender(c, "NullAppender"));
  CHECK(!HasAppender(c, "EventCounter"));
  const ConfiguredLayout& rfa = Layout(c, "RFA");
  CHECK(rfa.pattern == "%d{ISO8601} %p %c: %m%n");
  CHECK(rfa.file == "./hadoop.log");
  CHECK(rfa.file_template == "${hadoop.log.dir}/${hadoop.log.file}");
  CHECK(Layout(c, "DRFA").file == "./hadoop.log");
  CHECK(Layout(c, "console").pattern == "%d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n");
  CHECK(Layout(c, "console").file.empty());
  CHECK(Layout(c, "RFAAUDIT").file == "./hdfs-audit.log");
  // ${user.name} is a system property: it stays open.
  CHECK(Layout(c, "RFAS").file == "./SecurityAuth-${user.name}.audit");
  CHECK(Layout(c, "JSA").file == "./hadoop-mapreduce.jobsummary.log");
  CHECK(Layout(c, "TLA").file.empty());
}

TEST_CASE("logging config: Kafka log4j.properties and log4j2.properties") {
  LoggingConfig v1 = ReadConfig("kafka-3.8.0-log4j.properties", ConfigKind::kLog4jProperties);
  CHECK(v1.problems.empty());
  CHECK(v1.layouts.size() == 7);
  CHECK(Layout(v1, "stdout").pattern == "[%d] %p %m (%c)%n");
  CHECK(Layout(v1, "kafkaAppender").file == "${kafka.logs.dir}/server.log");

  LoggingConfig v2 = ReadConfig("kafka-log4j2.properties", ConfigKind::kLog4j2Properties);
  CHECK(v2.problems.empty());
  CHECK(v2.layouts.size() == 7);
  CHECK(Layout(v2, "STDOUT").pattern == "[%d] %p %m (%c)%n");
  CHECK(Layout(v2, "STDOUT").file.empty());
  const ConfiguredLayout& server = Layout(v2, "KafkaAppender");
  CHECK(server.file == "${kafka.logs.dir}/server.log");
  CHECK(server.rolled_file == "${kafka.logs.dir}/server.log.%d{yyyy-MM-dd-HH}");
  CHECK(server.origin == "kafka-log4j2.properties:32");
}

TEST_CASE("logging config: HBase log4j2.properties with ${sys:x:-default}") {
  LoggingConfig c = ReadConfig("hbase-log4j2.properties", ConfigKind::kLog4j2Properties);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 4);  // NullAppender has no layout
  CHECK(Layout(c, "console").pattern == "%d{ISO8601} %-5p [%t (%X)] %c{2}: %.1000m%n");
  const ConfiguredLayout& rfa = Layout(c, "RFA");
  CHECK(rfa.file == "./hbase.log");
  CHECK(rfa.rolled_file == "./hbase.log.%i");
  CHECK(Layout(c, "DRFA").rolled_file == "./hbase.log.%d{yyyy-MM-dd}");
  CHECK(Layout(c, "RFAS").file == "./SecurityAuth.audit");
}

TEST_CASE("logging config: BookKeeper log4j2.xml") {
  LoggingConfig c = ReadConfig("bookkeeper-log4j2.xml", ConfigKind::kLog4j2Xml);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 3);
  CHECK(Layout(c, "CONSOLE").pattern == "%d{ISO8601} - %-5p - [%t:%C{1}@%L] %X - %m%n");
  // ${sys:bookkeeper.log.dir} falls back to the <Properties> of the file.
  CHECK(Layout(c, "TRACEFILE").file == "./bookkeeper-trace.log");
  const ConfiguredLayout& rolling = Layout(c, "ROLLINGFILE");
  CHECK(rolling.pattern == "%d{ISO8601} - %-5p [%t:%C{1}@%L] %X - %m%n");
  CHECK(rolling.file == "./bookkeeper-server.log");
  CHECK(rolling.rolled_file == "./bookkeeper-server.log%d{.yyyy-MM-dd}");
  CHECK(rolling.origin == "bookkeeper-log4j2.xml:44");
}

TEST_CASE("logging config: Strimzi ZooKeeper and Kafka console configs") {
  LoggingConfig zk =
      ReadConfig("strimzi-ZookeeperCluster.properties", ConfigKind::kLog4jProperties);
  REQUIRE(zk.layouts.size() == 1);
  CHECK(zk.layouts[0].pattern == "%d{ISO8601} %p %m (%c) [%t]%n");
  CHECK(zk.layouts[0].file.empty());
  LoggingConfig kafka =
      ReadConfig("strimzi-KafkaCluster.properties", ConfigKind::kLog4j2Properties);
  REQUIRE(kafka.layouts.size() == 1);
  CHECK(kafka.layouts[0].appender == "STDOUT");
  CHECK(kafka.layouts[0].pattern == "%d{yyyy-MM-dd HH:mm:ss} %-5p [%t] %c{1}:%L - %m%n");
}

TEST_CASE("logging config: keystone logging.conf") {
  LoggingConfig c = ReadConfig("keystone-logging.conf.sample", ConfigKind::kPythonIni);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 4);
  const ConfiguredLayout& file = Layout(c, "file");
  CHECK(file.syntax == PatternSyntax::kPython);
  CHECK(file.pattern == "(%(name)s): %(asctime)s %(levelname)s %(message)s");
  CHECK(file.file == "error.log");
  CHECK(file.python_style == '%');
  CHECK(Layout(c, "access_file").pattern == "%(message)s");
  CHECK(Layout(c, "access_file").file == "access.log");
  CHECK(Layout(c, "production").file.empty());  // syslog: the address is not a file
  CHECK(Layout(c, "devel").pattern ==
        "(%(name)s): %(asctime)s %(levelname)s %(module)s %(funcName)s %(message)s");
  CHECK(Layout(c, "devel").origin == "keystone-logging.conf.sample:65");
}

TEST_CASE("logging config: gunicorn logging.conf with a datefmt") {
  LoggingConfig c = ReadConfig("gunicorn-26.1.0-logging.conf", ConfigKind::kPythonIni);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 3);
  const ConfiguredLayout& error = Layout(c, "error_file");
  CHECK(error.pattern == "%(asctime)s [%(process)d] [%(levelname)s] %(message)s");
  CHECK(error.datefmt == "%Y-%m-%d %H:%M:%S");
  CHECK(error.file == "/tmp/gunicorn.error.log");
  CHECK(Layout(c, "console").file.empty());
}

TEST_CASE("logging config: Synapse dictConfig YAML") {
  LoggingConfig c = ReadConfig("synapse-sample_log_config.yaml", ConfigKind::kPythonDictYaml);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 2);  // the MemoryHandler writes nothing itself
  const ConfiguredLayout& file = Layout(c, "file");
  CHECK(file.pattern ==
        "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s");
  CHECK(file.file == "/var/log/matrix-synapse/homeserver.log");
  CHECK(file.syntax == PatternSyntax::kPython);
  CHECK(file.origin == "synapse-sample_log_config.yaml:12");
  CHECK(Layout(c, "console").file.empty());
}

TEST_CASE("logging config: SScanSS-2 dictConfig JSON") {
  LoggingConfig c = ReadConfig("sscanss2-logging.json", ConfigKind::kPythonDictJson);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 2);
  const ConfiguredLayout& file = Layout(c, "file_handler");
  CHECK(file.pattern == "%(asctime)s - %(threadName)s -  %(name)s - %(levelname)s - %(message)s");
  CHECK(file.file == "info.log");
  CHECK(file.origin == "sscanss2-logging.json:6");
}

// ---- syntax details, on small inline files ----

TEST_CASE("logging config: java.util.Properties syntax") {
  constexpr std::string_view kText =
      "! bang comment\n"
      "   # indented comment\n"
      "base.dir : /var/log\n"
      "log.name  zk\\u002Dserver.log\n"
      "log4j.appender.R=org.apache.log4j.RollingFileAppender\n"
      "log4j.appender.R.file=${base.dir}/${log.name}\n"
      "log4j.appender.R.layout=org.apache.log4j.EnhancedPatternLayout\n"
      "log4j.appender.R.layout.ConversionPattern=%d{ISO8601} \\\n"
      "    %-5p \\\\ %c\\t%m%n\n"
      "log4j.appender.D=org.apache.log4j.FileAppender\n"
      "log4j.appender.D.File=${missing:-fallback}.log\n"
      "log4j.appender.D.layout=org.apache.log4j.PatternLayout\n"
      "log4j.appender.J=org.apache.log4j.FileAppender\n"
      "log4j.appender.J.layout=org.apache.log4j.xml.XMLLayout\n";
  LoggingConfig c = ReadLoggingConfig("p.properties", kText, ConfigKind::kLog4jProperties);
  REQUIRE(c.layouts.size() == 2);
  CHECK(c.layouts[0].appender == "R");
  CHECK(c.layouts[0].file == "/var/log/zk-server.log");
  CHECK(c.layouts[0].pattern == "%d{ISO8601} %-5p \\ %c\t%m%n");
  CHECK(c.layouts[0].origin == "p.properties:8");
  CHECK(c.layouts[1].file == "fallback.log");
  CHECK(c.layouts[1].pattern == "%m%n");  // PatternLayout's default
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0] ==
        "p.properties:14: appender J uses org.apache.log4j.xml.XMLLayout, "
        "which has no conversion pattern");
}

TEST_CASE("logging config: variables that refer to themselves stay bounded") {
  LoggingConfig c = ReadLoggingConfig(
      "loop.properties",
      "a=${b}${b}\nb=${a}${a}\nlog4j.appender.X=FileAppender\nlog4j.appender.X.File=${a}\n"
      "log4j.appender.X.layout=PatternLayout\n",
      ConfigKind::kLog4jProperties);
  REQUIRE(c.layouts.size() == 1);
  CHECK(c.layouts[0].file.size() < 100000);
}

TEST_CASE("logging config: log4j2.xml properties, nested Pattern, CDATA and entities") {
  constexpr std::string_view kText = R"(<?xml version="1.0"?>
<!DOCTYPE Configuration [ <!ENTITY x "y"> ]>
<Configuration>
  <Properties>
    <Property name="dir">/var/log/app</Property>
    <Property name="layout" value="%d [%t] %-5level: %msg%n"/>
  </Properties>
  <Appenders>
    <RollingRandomAccessFile name="R" fileName="${dir}/app.log"
                             filePattern="${dir}/$${date:yyyy-MM}/app-%d{yyyy-MM-dd}-%i.log.gz">
      <PatternLayout>
        <Pattern><![CDATA[%d <%p> &amp; %m%n]]></Pattern>
      </PatternLayout>
    </RollingRandomAccessFile>
    <Console name="C"><PatternLayout pattern="${layout}"/></Console>
    <File name="E" fileName="x.log"><PatternLayout pattern="&lt;%p&gt; &#x41;&#66; %m%n"/></File>
    <Console name="J"><JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/></Console>
    <Console name="D"/>
    <Async name="A"><AppenderRef ref="R"/></Async>
  </Appenders>
</Configuration>
)";
  LoggingConfig c = ReadLoggingConfig("l.xml", kText, ConfigKind::kLog4j2Xml);
  REQUIRE(c.layouts.size() == 4);
  const ConfiguredLayout& r = Layout(c, "R");
  CHECK(r.pattern == "%d <%p> &amp; %m%n");  // CDATA is not decoded
  CHECK(r.file == "/var/log/app/app.log");
  CHECK(r.rolled_file == "/var/log/app/${date:yyyy-MM}/app-%d{yyyy-MM-dd}-%i.log.gz");
  CHECK(r.origin == "l.xml:12");
  CHECK(Layout(c, "C").pattern == "%d [%t] %-5level: %msg%n");
  CHECK(Layout(c, "E").pattern == "<%p> AB %m%n");
  CHECK(Layout(c, "D").pattern == "%m%n");
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].rfind("l.xml:17: appender Console uses JsonTemplateLayout", 0) == 0);
}

TEST_CASE("logging config: logback layout, fileNamePattern and defaults") {
  constexpr std::string_view kText = R"(<configuration>
  <property name="LOG_DIR" value="/logs" />
  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
    <file>${LOG_DIR}/${APP:-app}.log</file>
    <rollingPolicy class="ch.qos.logback.core.rolling.TimeBasedRollingPolicy">
      <fileNamePattern>${LOG_DIR}/${APP:-app}-%d{yyyy-MM-dd}.%i.log.gz</fileNamePattern>
    </rollingPolicy>
    <layout class="ch.qos.logback.classic.PatternLayout">
      <Pattern>
        %d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n
      </Pattern>
    </layout>
  </appender>
  <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
  </appender>
  <appender name="ASYNC" class="ch.qos.logback.classic.AsyncAppender">
    <appender-ref ref="FILE" />
  </appender>
</configuration>)";
  LoggingConfig c = ReadLoggingConfig("logback.xml", kText, ConfigKind::kLogbackXml);
  REQUIRE(c.layouts.size() == 1);
  CHECK(c.layouts[0].pattern == "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
  CHECK(c.layouts[0].file == "/logs/app.log");
  CHECK(c.layouts[0].rolled_file == "/logs/app-%d{yyyy-MM-dd}.%i.log.gz");
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].find("LogstashEncoder") != std::string::npos);
}

TEST_CASE("logging config: fileConfig styles, interpolated args and raw formats") {
  constexpr std::string_view kText =
      "[DEFAULT]\n"
      "logdir = /var/log/kazoo\n"
      "[handlers]\n"
      "keys = file, brace, queue\n"
      "[handler_file]\n"
      "class = logging.handlers.RotatingFileHandler\n"
      "formatter = pct\n"
      "args = ('%(logdir)s/client.log', 'a', 100%%)\n"
      "[handler_brace]\n"
      "class = FileHandler\n"
      "formatter = brace\n"
      "kwargs = {'filename': '%(rundir)s/brace.log'}\n"
      "[handler_queue]\n"
      "class = logging.handlers.QueueHandler\n"
      "[formatters]\n"
      "keys = pct, brace\n"
      "[formatter_pct]\n"
      "format = %(asctime)s 100%% %(message)s\n"
      "  continued\n"
      "datefmt = %H:%M\n"
      "[formatter_brace]\n"
      "format = {asctime} {levelname:<8} {message}\n"
      "style = {\n";
  LoggingConfig c = ReadLoggingConfig("logging.conf", kText, ConfigKind::kPythonIni);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 2);
  const ConfiguredLayout& file = Layout(c, "file");
  // fileConfig reads formats raw: "%%" reaches logging.Formatter, which prints '%'.
  CHECK(file.pattern == "%(asctime)s 100%% %(message)s\ncontinued");
  CHECK(file.datefmt == "%H:%M");
  CHECK(file.file == "/var/log/kazoo/client.log");
  CHECK(file.file_template == "%(logdir)s/client.log");
  const ConfiguredLayout& brace = Layout(c, "brace");
  CHECK(brace.python_style == '{');
  CHECK(brace.pattern == "{asctime} {levelname:<8} {message}");
  CHECK(brace.file == "${rundir}/brace.log");
}

TEST_CASE("logging config: dictConfig YAML subset") {
  constexpr std::string_view kText =
      "logging:\n"
      "  version: 1\n"
      "  formatters:\n"
      "    \"plain\": {format: '%(levelname)s: %(message)s', datefmt: \"%H\\t%M\"}\n"
      "    dollar:\n"
      "      format: >\n"
      "        $asctime $message\n"
      "      style: $\n"
      "    quoted:\n"
      "      format: 'it''s # not a comment'   # but this is\n"
      "  handlers:\n"
      "    out:\n"
      "      class: logging.StreamHandler\n"
      "      formatter: plain\n"
      "      stream: ext://sys.stdout\n"
      "    d:\n"
      "      class: logging.FileHandler\n"
      "      filename: d.log\n"
      "      formatter: dollar\n"
      "    q: {class: logging.FileHandler, filename: q.log, formatter: quoted}\n"
      "  root:\n"
      "    handlers:\n"
      "    - out\n"
      "    - d\n";
  LoggingConfig c = ReadLoggingConfig("logging.yaml", kText, ConfigKind::kPythonDictYaml);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 3);
  CHECK(Layout(c, "out").pattern == "%(levelname)s: %(message)s");
  CHECK(Layout(c, "out").datefmt == "%H\t%M");
  CHECK(Layout(c, "d").pattern == "$asctime $message");
  CHECK(Layout(c, "d").python_style == '$');
  CHECK(Layout(c, "d").file == "d.log");
  CHECK(Layout(c, "q").pattern == "it's # not a comment");
}

TEST_CASE("logging config: dictConfig JSON escapes") {
  constexpr std::string_view kText =
      R"({"version": 1, "formatters": {"f": {"format": "%(asctime)s \"\u00e9\ud83d\ude00\" %(message)s"}},
          "handlers": {"h": {"class": "logging.FileHandler", "filename": "C:\\logs\\a.log",
                             "formatter": "f"}}})";
  LoggingConfig c = ReadLoggingConfig("logging.json", kText, ConfigKind::kPythonDictJson);
  CHECK(c.problems.empty());
  REQUIRE(c.layouts.size() == 1);
  CHECK(c.layouts[0].pattern == "%(asctime)s \"\xC3\xA9\xF0\x9F\x98\x80\" %(message)s");
  CHECK(c.layouts[0].file == "C:\\logs\\a.log");
}

// ---- malformed input ----

TEST_CASE("logging config: malformed files give problems, not crashes") {
  struct Bad {
    ConfigKind kind;
    std::string_view text;
  };
  const Bad bad[] = {
      {ConfigKind::kLog4j2Xml, "<Configuration><Appenders><Console name=\"C\"><PatternLayout"},
      {ConfigKind::kLogbackXml, "<configuration><appender name=x></configuration>"},
      {ConfigKind::kLogbackXml, "<configuration><!-- never closed"},
      {ConfigKind::kPythonDictJson, "{\"version\": 1, \"handlers\": {\"h\": "},
      {ConfigKind::kPythonDictJson,
       "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
       "[[[[[[[[[[[[[[[[[[[["},
      {ConfigKind::kPythonDictYaml, "version: 1\nhandlers:\n  h:\n\tclass: x\n"},
      {ConfigKind::kPythonDictYaml, "version: 1\nhandlers:\n  h: *alias\n"},
      {ConfigKind::kPythonDictYaml, "version: 1\n  handlers: {}\n"},
      {ConfigKind::kPythonDictYaml, "- a\n- b\n"},
      {ConfigKind::kPythonIni, "no section here\n"},
      {ConfigKind::kPythonIni, "[handlers]\nkeys=a\n[handler_a]\nformatter=missing\n"},
      {ConfigKind::kLog4jProperties, "log4j.appender.X.layout.ConversionPattern=\\u12"},
      {ConfigKind::kLog4j2Properties, "appender.x.type=Console\nappender.x.layout.type=Json\n"},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.text);
    LoggingConfig c = ReadLoggingConfig("bad", b.text, b.kind);
    CHECK(!c.problems.empty());
    for (const std::string& p : c.problems) CHECK(p.rfind("bad:", 0) == 0);
  }
  CHECK(ReadLoggingConfig("x", "anything", ConfigKind::kNone).layouts.empty());
}

TEST_CASE("logging config: every prefix of every real config reads without crashing") {
  for (const auto& entry : std::filesystem::directory_iterator(ConfigPath(""))) {
    std::string path = entry.path().string();
    std::string text = ReadFile(path);
    ConfigKind kind = DetectLoggingConfig(path, text);
    if (kind == ConfigKind::kNone) continue;  // README.md
    CAPTURE(path);
    for (size_t n = 0; n < text.size(); n += 13) {
      LoggingConfig c = ReadLoggingConfig(path, std::string_view(text).substr(0, n), kind);
      for (const ConfiguredLayout& l : c.layouts) CHECK(!l.origin.empty());
      if (c.layouts.empty()) CHECK(!c.problems.empty());
    }
    // And as every other kind: wrong guesses must be survivable too.
    for (int k = 1; k <= 7; ++k) (void)ReadLoggingConfig(path, text, static_cast<ConfigKind>(k));
  }
}

// ---- matching log files to appenders ----

TEST_CASE("logging config: log files matched to the appender that writes them") {
  LoggingConfig zk = ReadConfig("zookeeper-3.4.14-log4j.properties", ConfigKind::kLog4jProperties);
  const ConfiguredLayout& rolling = Layout(zk, "ROLLINGFILE");
  CHECK(MatchLogFile(rolling, "zookeeper.log") == FileMatch::kExact);
  CHECK(MatchLogFile(rolling, "/data/zk1/logs/zookeeper.log.1") == FileMatch::kExact);
  CHECK(MatchLogFile(rolling, "zookeeper.log.2.gz") == FileMatch::kExact);
  // zkServer.sh sets zookeeper.log.file=zookeeper-$USER-server-$HOST.log.
  CHECK(MatchLogFile(rolling, "zookeeper-zk-server-node1.log") == FileMatch::kWildcard);
  CHECK(MatchLogFile(Layout(zk, "CONSOLE"), "zookeeper.log") == FileMatch::kNo);

  LoggingConfig hadoop = ReadConfig("hadoop-log4j.properties", ConfigKind::kLog4jProperties);
  CHECK(MatchLogFile(Layout(hadoop, "RFA"), "hadoop-hdfs-zkfc-nn1.log.2024-01-01") ==
        FileMatch::kWildcard);
  CHECK(MatchLogFile(Layout(hadoop, "RFAAUDIT"), "hdfs-audit.log.3") == FileMatch::kExact);
  CHECK(MatchLogFile(Layout(hadoop, "RFAAUDIT"), "hadoop-hdfs-namenode.log") == FileMatch::kNo);

  LoggingConfig kafka = ReadConfig("kafka-log4j2.properties", ConfigKind::kLog4j2Properties);
  const ConfiguredLayout& server = Layout(kafka, "KafkaAppender");
  CHECK(MatchLogFile(server, "logs/server.log") == FileMatch::kExact);
  CHECK(MatchLogFile(server, "server.log.2024-01-01-13") == FileMatch::kExact);
  CHECK(MatchLogFile(server, "controller.log") == FileMatch::kNo);

  ConfiguredLayout rolled;
  rolled.file = "/var/log/app/app.log";
  rolled.rolled_file = "/var/log/app/${date:yyyy-MM}/app-%d{yyyy-MM-dd}-%i.log.gz";
  CHECK(MatchLogFile(rolled, "app-2024-01-01-1.log.gz") == FileMatch::kExact);
  CHECK(MatchLogFile(rolled, "app-2024-01-01-x.log.gz") == FileMatch::kNo);
  CHECK(MatchLogFile(rolled, "app.log") == FileMatch::kExact);
  ConfiguredLayout slashed;
  slashed.rolled_file = "logs/%d{yyyy/MM}/app.%i.log";
  CHECK(MatchLogFile(slashed, "app.3.log") == FileMatch::kExact);
  CHECK(MatchLogFile(ConfiguredLayout{}, "app.log") == FileMatch::kNo);
}

}  // namespace
}  // namespace faultline
