#include "parsers/builtin_layouts.h"

#include <memory>
#include <vector>

#include "parsers/pattern_parser.h"

namespace faultline {
namespace {

using S = PatternSyntax;

// Samples of the compiled layouts: lines as their writers print them. The registry test reads
// each with its layout and checks every field.
constexpr Sample kSpringBoot[] = {
    {"2019-03-05 10:57:51.112  INFO 45469 --- [           main] org.apache.zookeeper.ZooKeeper"
     "           : Client environment:zookeeper.version=3.4.13",
     "", Level::kInfo, "org.apache.zookeeper.ZooKeeper", "main", -1,
     "Client environment:zookeeper.version=3.4.13"},
    {"2021-02-01 08:00:01.002  WARN 1 --- [localhost:2181)] org.apache.zookeeper.ClientCnxn"
     "          : Session 0x0 for server localhost/127.0.0.1:2181, unexpected error, closing socket"
     " connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "localhost:2181)", -1,
     "Session 0x0 for server localhost/127.0.0.1:2181, unexpected error, closing socket connection"
     " and attempting reconnect"},
    {"2023-11-20T10:15:29.001+01:00  INFO 7 --- [           main] o.a.c.f.imps.CuratorFrameworkImpl"
     "        : Starting",
     "", Level::kInfo, "o.a.c.f.imps.CuratorFrameworkImpl", "main", -1, "Starting"},
};
constexpr Sample kSpringBootApp[] = {
    {"2023-11-20T10:15:30.123+01:00  WARN 7 --- [demo] [ain-SendThread(zk:2181)] "
     "org.apache.zookeeper.ClientCnxn          : Session 0x0 for server zk/10.0.0.5:2181, Closing"
     " socket connection. Attempting reconnect except it is a SessionExpiredException.",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "ain-SendThread(zk:2181)", -1,
     "Session 0x0 for server zk/10.0.0.5:2181, Closing socket connection. Attempting reconnect "
     "except it is a SessionExpiredException."},
};
constexpr Sample kOffsetIso[] = {
    {"2021-06-17T08:14:35,457+0000 [main-SendThread(zookeeper:2181)] WARN  "
     "org.apache.zookeeper.ClientCnxn - Session 0x0 for server zookeeper/10.0.0.5:2181, unexpected "
     "error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(zookeeper:2181)", -1,
     "Session 0x0 for server zookeeper/10.0.0.5:2181, unexpected error, closing socket connection "
     "and attempting reconnect"},
};
constexpr Sample kTimeOfDay[] = {
    // testdata/incidents/public/client-pulsar-fullgc-session-expired
    {"01:47:09.961 [pulsar-ordered-OrderedExecutor-4-0-SendThread(zk101.pulsar.xxx.xx:2181)] WARN  "
     "org.apache.zookeeper.ClientCnxn      - Unable to reconnect to ZooKeeper service, session "
     "0x3048c994034e22a has expired",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn",
     "pulsar-ordered-OrderedExecutor-4-0-SendThread(zk101.pulsar.xxx.xx:2181)", -1,
     "Unable to reconnect to ZooKeeper service, session 0x3048c994034e22a has expired"},
};
constexpr Sample kPinpoint[] = {
    // testdata/incidents/public/client-pinpoint-localhost-no-zk (pinpoint-apm/pinpoint#1369)
    {"21:38:36 WARN (o.a.z.ClientCnxn                   :1102) Session 0x0 for server null, "
     "unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "o.a.z.ClientCnxn", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kDruid[] = {
    {"2019-12-03T12:33:11,478 WARN [main-SendThread(localhost:2181)] "
     "org.apache.zookeeper.ClientCnxn"
     " - Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kNifi[] = {
    {"2020-04-21 09:40:30,123 WARN [main-SendThread(localhost:2181)] "
     "org.apache.zookeeper.ClientCnxn"
     " Session 0x0 for server localhost/127.0.0.1:2181, unexpected error, closing socket "
     "connection "
     "and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server localhost/127.0.0.1:2181, unexpected error, closing socket connection "
     "and attempting reconnect"},
};
constexpr Sample kFlink[] = {
    {"2020-03-20 10:42:30,456 WARN  org.apache.zookeeper.ClientCnxn                             "
     "  - Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kStorm[] = {
    {"2016-08-09 14:23:01.456 o.a.s.s.o.a.z.ClientCnxn main-SendThread(localhost:2181) [WARN] "
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "o.a.s.s.o.a.z.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kSolr[] = {
    {"2019-05-28 09:36:33.372 WARN  (main-SendThread(zk1:2181)) [   ] o.a.z.ClientCnxn Session 0x0 "
     "for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "o.a.z.ClientCnxn", "main-SendThread(zk1:2181)", -1,
     "Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and "
     "attempting reconnect"},
};
constexpr Sample kHdfsCompact[] = {
    // loghub HDFS_2k (the public HDFS log dataset, Hadoop 0.x DataNode)
    {"081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block "
     "blk_38865049064139660 terminating",
     "", Level::kInfo, "dfs.DataNode$PacketResponder", "148", -1,
     "PacketResponder 1 for block blk_38865049064139660 terminating"},
};
constexpr Sample kTtcc[] = {
    {"1265 [main-SendThread(localhost:2181)] WARN  org.apache.zookeeper.ClientCnxn  - Session 0x0 "
     "for server null, unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kPythonBracket[] = {
    {"2020-05-01 12:00:00,123 [WARNING] kazoo.client: Connection dropped: socket connection broken",
     "", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
};
constexpr Sample kPythonBracketTime[] = {
    {"[2020-05-01 12:00:00,123] WARNING [kazoo.client] Connection dropped: socket connection "
     "error: "
     "Connection refused",
     "", Level::kWarn, "kazoo.client", "", -1,
     "Connection dropped: socket connection error: Connection refused"},
};

constexpr BuiltinLayout kLayouts[] = {
    // Read by hand-written scanners (parsers/*.cc); their samples live there.
    {"zookeeper/myid",
     "%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n",
     S::kLog4j,
     "",
     "zookeeper/myid",
     "ZooKeeper 3.4-3.9 (log4j, then logback from 3.8)",
     Component::kZk,
     {}},
    {"zookeeper/no-myid",
     "%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n",
     S::kLog4j,
     "",
     "zookeeper/no-myid",
     "ZooKeeper 3.3 and configs without the MDC",
     Component::kZk,
     {}},
    {"hadoop/plain",
     "%d{ISO8601} %p %c: %m%n",
     S::kLog4j,
     "",
     "hadoop/plain",
     "Hadoop daemons (RFA/DRFA appenders)",
     Component::kOther,
     {}},
    {"hadoop/location",
     "%d{ISO8601} %-5p %c{2} ( - %m%n",
     S::kLog4j,
     "",
     "hadoop/location",
     "the same, when log4j printed no location",
     Component::kOther,
     {}},
    {"hadoop/thread",
     "%d{ISO8601} %p [%t] %c: %m%n",
     S::kLog4j,
     "",
     "hadoop/thread",
     "HBase, distributions that add the thread",
     Component::kOther,
     {}},
    {"hadoop/location",
     "%d{ISO8601} %-5p %c{2} (%F:%M(%L)) - %m%n",
     S::kLog4j,
     "",
     "hadoop/location",
     "HDP/Ambari-managed Hadoop",
     Component::kOther,
     {}},
    {"hadoop/console",
     "%d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n",
     S::kLog4j,
     "",
     "hadoop/console",
     "Hadoop command-line tools, Spark",
     Component::kOther,
     {}},
    {"java/kafka",
     "[%d] %p %m (%c)%n",
     S::kLog4j,
     "",
     "java/kafka",
     "Kafka and Confluent (brokers, bundled ZooKeeper)",
     Component::kOther,
     {}},
    {"java/kafka",
     "[%d] %p %m (%c:%L)%n",
     S::kLog4j,
     "",
     "java/kafka",
     "Kafka and Confluent with the line number",
     Component::kOther,
     {}},
    {"java/kafka",
     "[%d] %p %m%n",
     S::kLog4j,
     "",
     "java/kafka",
     "Kafka lines whose logger was cut off in a paste",
     Component::kOther,
     {}},
    {"java/strimzi",
     "%d{ISO8601} %p %m (%c) [%t]%n",
     S::kLog4j,
     "",
     "java/strimzi",
     "Strimzi and other container images",
     Component::kOther,
     {}},
    {"java/pipe",
     "%d | %-5p | %t | %m | %l%n",
     S::kLog4j,
     "",
     "java/pipe",
     "vendor distributions (FusionInsight)",
     Component::kOther,
     {}},
    {"logback/thread",
     "%d [%t] %-5level %logger{36} - %msg%n",
     S::kLog4j,
     "",
     "logback/thread",
     "logback's default, dated",
     Component::kOther,
     {}},
    {"logback/dash",
     "%d - [%level] %logger - %msg%n",
     S::kLog4j,
     "",
     "logback/dash",
     "Play framework (CMAK)",
     Component::kOther,
     {}},
    {"logback/level-first",
     "[%level] %d %logger:[%line] - %msg%n",
     S::kLog4j,
     "",
     "logback/level-first",
     "DolphinScheduler",
     Component::kOther,
     {}},
    {"python/space",
     "%(asctime)s %(levelname)s %(name)s %(message)s",
     S::kPython,
     "",
     "python/space",
     "kazoo monitors, Python services",
     Component::kOther,
     {}},
    {"python/space",
     "%(asctime)s %(levelname)s %(name)s: %(message)s",
     S::kPython,
     "",
     "python/space",
     "the same with a colon after the logger",
     Component::kOther,
     {}},
    {"python/space",
     "%(asctime)s %(levelname)s: %(message)s",
     S::kPython,
     "",
     "python/space",
     "Patroni (no logger)",
     Component::kOther,
     {}},
    {"python/space",
     "%(asctime)s %(levelname)s %(name)s %(message)s",
     S::kPython,
     "%d-%b-%Y %H:%M:%S.%f",
     "python/space",
     "ASAB and services with a day-month-name datefmt",
     Component::kOther,
     {}},
    {"python/dash",
     "%(asctime)s - %(name)s - %(levelname)s - %(message)s",
     S::kPython,
     "",
     "python/dash",
     "Python logging cookbook format",
     Component::kOther,
     {}},
    {"python/bare",
     "%(levelname)s:%(name)s:%(message)s",
     S::kPython,
     "",
     "python/bare",
     "logging.basicConfig()'s default (no time)",
     Component::kOther,
     {}},
    // Read by their compiled patterns.
    {"spring-boot",
     "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p %pid --- [%15.15t] %-40.40logger{39} : %m%n", S::kLog4j,
     "", "", "Spring Boot 1.x-3.1 console and file default (3.x adds the offset)",
     Component::kOther, kSpringBoot},
    {"spring-boot-app",
     "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p %pid --- [%X{app}] [%15.15t] %-40.40logger{39} : %m%n",
     S::kLog4j, "", "", "Spring Boot 3.2+ with spring.application.name", Component::kOther,
     kSpringBootApp},
    {"log4j2-offset", "%d{ISO8601_OFFSET_DATE_TIME_HHMM} [%t] %-5level %logger{36} - %msg%n",
     S::kLog4j, "", "", "Apache Pulsar, BookKeeper (log4j2 with a zone offset)", Component::kOther,
     kOffsetIso},
    {"time-of-day", "%d{HH:mm:ss.SSS} [%t] %-5level %logger{36} - %msg%n", S::kLog4j, "", "",
     "log4j2's and logback's console default (time of day only)", Component::kOther, kTimeOfDay},
    {"pinpoint", "%d{HH:mm:ss} %-5p (%-30c{1.}:%L) %m%n", S::kLog4j, "", "",
     "Pinpoint collector and web (time of day only)", Component::kOther, kPinpoint},
    {"druid", "%d{ISO8601} %p [%t] %c - %m%n", S::kLog4j, "", "", "Apache Druid", Component::kOther,
     kDruid},
    {"nifi", "%date %level [%thread] %logger{40} %msg%n", S::kLog4j, "", "", "Apache NiFi",
     Component::kOther, kNifi},
    {"flink", "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n", S::kLog4j, "", "", "Apache Flink",
     Component::kOther, kFlink},
    {"storm", "%d{yyyy-MM-dd HH:mm:ss.SSS} %c{1.} %t [%p] %msg%n", S::kLog4j, "", "",
     "Apache Storm (logback)", Component::kOther, kStorm},
    {"solr", "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p (%t) [%X{core}] %c{1.} %m%n", S::kLog4j, "", "",
     "Apache Solr 7-9", Component::kOther, kSolr},
    {"hdfs-compact", "%d{yyMMdd HHmmss} %t %p %c: %m%n", S::kLog4j, "", "",
     "early HDFS daemons (yyMMdd HHmmss, thread id)", Component::kOther, kHdfsCompact},
    {"ttcc", "%r [%t] %-5p %c %x - %m%n", S::kLog4j, "", "",
     "log4j 1.x TTCCLayout (milliseconds since start, no time)", Component::kOther, kTtcc},
    {"python-bracket", "%(asctime)s [%(levelname)s] %(name)s: %(message)s", S::kPython, "", "",
     "Python services", Component::kOther, kPythonBracket},
    {"python-bracket-time", "[%(asctime)s] %(levelname)s [%(name)s] %(message)s", S::kPython, "",
     "", "Python services", Component::kOther, kPythonBracketTime},
};

}  // namespace

std::span<const BuiltinLayout> BuiltinLayouts() { return kLayouts; }

std::span<const Parser* const> CompiledLayoutParsers() {
  // Built once; a pattern that does not compile is a defect the registry test reports, and is
  // left out here rather than stopping the program.
  static const std::vector<std::unique_ptr<PatternParser>> owned = [] {
    std::vector<std::unique_ptr<PatternParser>> out;
    for (const BuiltinLayout& layout : kLayouts) {
      if (!layout.parser.empty()) continue;
      std::string error;
      auto compiled = CompileLayout(layout.pattern, layout.syntax, layout.datefmt, &error);
      if (compiled == nullptr) continue;
      out.push_back(std::make_unique<PatternParser>(
          std::string(layout.name), "built in", std::move(compiled), layout.component,
          std::vector<Sample>(layout.samples.begin(), layout.samples.end())));
    }
    return out;
  }();
  static const std::vector<const Parser*> parsers = [] {
    std::vector<const Parser*> out;
    for (const auto& parser : owned) out.push_back(parser.get());
    return out;
  }();
  return parsers;
}

}  // namespace faultline
