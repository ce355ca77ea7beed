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

constexpr Sample kHadoopTestLocation[] = {
    // testdata/parsers/public-layouts/hadoop-test-thread-location.log (apache/gora#97)
    {"2017-02-21 20:15:10,754 INFO  [main] zookeeper.ZooKeeper (Environment.java:logEnv(100)) - "
     "Client environment:zookeeper.version=3.4.5-1392090, built on 09/30/2012 17:52 GMT",
     "", Level::kInfo, "zookeeper.ZooKeeper", "main", -1,
     "Client environment:zookeeper.version=3.4.5-1392090, built on 09/30/2012 17:52 GMT"},
};
constexpr Sample kHive[] = {
    // public-layouts/hive2-metastore.log (parrot-stream/docker-hive#1)
    {"2016-12-22T21:20:12,518 INFO  [main]: metastore.MetaStoreDirectSql "
     "(MetaStoreDirectSql.java:<init>(145)) - Using direct SQL, underlying DB is OTHER",
     "", Level::kInfo, "metastore.MetaStoreDirectSql", "main", -1,
     "Using direct SQL, underlying DB is OTHER"},
};
constexpr Sample kAccumulo[] = {
    // public-layouts/accumulo1-embedded-zk.log (apache/accumulo-fluo#971)
    {"2017-11-20 20:44:10,097 [server.PrepRequestProcessor] INFO : Processed session "
     "termination for sessionid: 0x15fdc3d5ad30092",
     "", Level::kInfo, "server.PrepRequestProcessor", "", -1,
     "Processed session termination for sessionid: 0x15fdc3d5ad30092"},
    // public-layouts/accumulo2-log4j2.log (apache/accumulo#1800)
    {"2020-11-20T10:40:02,189 [tracer.ZooTraceClient] ERROR: unable to get destination hosts in "
     "zookeeper",
     "", Level::kError, "tracer.ZooTraceClient", "", -1,
     "unable to get destination hosts in zookeeper"},
};
constexpr Sample kStorm2[] = {
    // public-layouts/storm2-nimbus.log (STORM-3012)
    {"2018-03-26 21:39:18.738 Refresh-TGT o.a.s.m.n.Login [INFO] TGT refresh thread started.", "",
     Level::kInfo, "o.a.s.m.n.Login", "Refresh-TGT", -1, "TGT refresh thread started."},
};
constexpr Sample kDolphinScheduler[] = {
    // public-layouts/dolphinscheduler-offset.log (apache/dolphinscheduler#11635)
    {"[WARN] 2022-08-25 12:19:25.150 +0800 org.apache.zookeeper.ClientCnxn:[1108] - "
     "[WorkflowInstance-0][TaskInstance-0] - Client session timed out, have not heard from "
     "server in 20010ms for sessionid 0x1017e2ca6e10058",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Client session timed out, have not heard from server in 20010ms for sessionid "
     "0x1017e2ca6e10058"},
};
constexpr Sample kOpenWhisk[] = {
    // public-layouts/openwhisk-iso-z.log (apache/openwhisk#3935)
    {"[2018-07-24T13:32:42.600Z] [INFO] Default schema", "", Level::kInfo, "", "", -1,
     "Default schema"},
};
constexpr Sample kClickHouse[] = {
    // public-layouts/clickhouse-replicated.log (ClickHouse/ClickHouse#3529)
    {"2018.11.02 01:03:32.656314 [ 28 ] {} <Error> SrcViews..inner.TTViewAdv "
     "(ReplicatedMergeTreeAlterThread): void DB::ReplicatedMergeTreeAlterThread::run(): Code: "
     "999, e.displayText() = Coordination::Exception: Session expired (Session expired), "
     "e.what() = Coordination::Exception, Stack trace:",
     "", Level::kError, "SrcViews..inner.TTViewAdv (ReplicatedMergeTreeAlterThread)", "28", -1,
     "void DB::ReplicatedMergeTreeAlterThread::run(): Code: 999, e.displayText() = "
     "Coordination::Exception: Session expired (Session expired), e.what() = "
     "Coordination::Exception, Stack trace:"},
    // public-layouts/clickhouse-keeper.log (ClickHouse/ClickHouse#60848)
    {"2024.03.05 14:43:58.878193 [ 27345 ] {} <Error> virtual bool "
     "DB::DDLWorker::initializeMainThread(): Code: 999. Coordination::Exception: Connection "
     "loss, path: All connection tries failed while connecting to ZooKeeper. nodes: "
     "10.21.101.130:9181",
     "", Level::kError, "virtual bool DB::DDLWorker::initializeMainThread()", "27345", -1,
     "Code: 999. Coordination::Exception: Connection loss, path: All connection tries failed "
     "while connecting to ZooKeeper. nodes: 10.21.101.130:9181"},
};
constexpr Sample kZkCClient[] = {
    // public-layouts/zk-c-client.log (yfinkelstein/node-zookeeper#96): no thread id
    {"2014-05-02 15:49:02,864:17781:ZOO_ERROR@yield@213: yield:zookeeper_interest returned "
     "error: -7 - operation timeout",
     "", Level::kError, "", "", -1,
     "yield:zookeeper_interest returned error: -7 - operation timeout"},
    // public-layouts/mesos-glog-zkc.log (mesos/chronos#511)
    {"2015-08-10 12:46:00,473:47965(0x7f3d4a9d2700):ZOO_INFO@check_events@1703: initiated "
     "connection to server [192.168.122.12:2181]",
     "", Level::kInfo, "", "0x7f3d4a9d2700", -1,
     "initiated connection to server [192.168.122.12:2181]"},
};
constexpr Sample kGlog[] = {
    // public-layouts/mesos-glog-zkc.log (mesos/chronos#511)
    {"I0810 12:46:00.472995 47997 master.cpp:368] Master 20150810-124600-226142400-5050-47965 "
     "(n3) started on 192.168.122.13:5050",
     "", Level::kInfo, "", "47997", -1,
     "Master 20150810-124600-226142400-5050-47965 (n3) started on 192.168.122.13:5050"},
    // public-layouts/mesos-glog-fatal.log (etcd-io/zetcd#4)
    {"F1117 16:08:19.983996     8 group.cpp:636] CHECK_SOME(sequence): Failed to convert '' to "
     "number ",
     "", Level::kFatal, "", "8", -1, "CHECK_SOME(sequence): Failed to convert '' to number"},
};
constexpr Sample kSolrConsole[] = {
    // public-layouts/solr7-compose.log (docker-solr/docker-solr#180), inside `docker compose logs`
    {"WARN  - 2018-07-04 15:52:12.111; org.apache.zookeeper.ClientCnxn$SendThread; Session 0x0 "
     "for server null, unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn$SendThread", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kBitnami[] = {
    // public-layouts/bitnami-zk-setup.log (bitnami/containers#5586)
    {"zookeeper 06:39:26.82 DEBUG ==> Validating settings in ZOO_* env vars...", "", Level::kDebug,
     "zookeeper", "", -1, "Validating settings in ZOO_* env vars..."},
    {"zookeeper 06:39:26.55 Welcome to the Bitnami zookeeper container", "", Level::kUnknown,
     "zookeeper", "", -1, "Welcome to the Bitnami zookeeper container"},
};
constexpr Sample kPythonBracketLevel[] = {
    // public-layouts/kazoo-bracket-dmy.log (python-zk/kazoo#587)
    {"[18-02-2020 03:12:25] WARNING Connection dropped: socket connection error: None", "",
     Level::kWarn, "", "", -1, "Connection dropped: socket connection error: None"},
};
constexpr Sample kPythonNameLevel[] = {
    // public-layouts/kazoo-name-level.log (python-zk/kazoo#160)
    {"2014-01-08 17:41:07,939 kazoo.client INFO Sending request(xid=8): Exists(path='/hosts', "
     "watcher=None)",
     "", Level::kInfo, "kazoo.client", "", -1,
     "Sending request(xid=8): Exists(path='/hosts', watcher=None)"},
};
constexpr Sample kOslo[] = {
    // public-layouts/kazoo-oslo-tooz.log (python-tooz bug 1495663); "Level 5" is kazoo's BLATHER
    {"(kazoo.client): 2015-09-11 18:49:38,485 Level 5 connection _submit Sending "
     "request(xid=-2): Ping()",
     "", Level::kTrace, "kazoo.client", "", -1, "Sending request(xid=-2): Ping()"},
};
constexpr Sample kPythonSyslog[] = {
    // public-layouts/kazoo-syslog-func.log (python-zk/kazoo#47)
    {"Jan  7 06:52:11.542409 prod-fe-uswest1-39-i-7400912d "
     "zk_watcher[30841,nd_service_registry.KazooServiceRegistry,_state_listener]: (WARNING) "
     "Zookeeper connection state changed: LOST",
     "", Level::kWarn, "nd_service_registry.KazooServiceRegistry", "", -1,
     "Zookeeper connection state changed: LOST"},
};

constexpr Sample kThreadFirst[] = {
    // testdata/parsers/public-layouts/github-actions-hermes.log (inside its runner's timestamps)
    {"[Test worker] - 2024-11-25 12:45:07.551 INFO  o.a.c.f.imps.CuratorFrameworkImpl - Default "
     "schema",
     "", Level::kInfo, "o.a.c.f.imps.CuratorFrameworkImpl", "Test worker", -1, "Default schema"},
};

constexpr Sample kStreams[] = {
    // testdata/incidents/public/client-curator-auth-failed-streamsx (IBM Streams PE trace)
    {"12 Oct 2017 17:43:06.704 [32515] ERROR #splapptrc,J[42],P[67],SinkOp "
     "M[ConnectionState.java:org.apache.curator.ConnectionState.checkState:245]  - Authentication "
     "failed",
     "", Level::kError, "org.apache.curator.ConnectionState", "32515", -1, "Authentication failed"},
};
constexpr Sample kDcache[] = {
    // testdata/incidents/public/client-dcache-zk-restart-session-expired (dCache pool, no level)
    {"11 Dec 2019 11:04:35 () [] Unable to reconnect to ZooKeeper service, session "
     "0x101f08e24c50014 has expired",
     "", Level::kUnknown, "", "", -1,
     "Unable to reconnect to ZooKeeper service, session 0x101f08e24c50014 has expired"},
};
constexpr Sample kPinpointDated[] = {
    // testdata/incidents/public/client-pinpoint-windows-refused
    {"2017-02-13 10:12:49 [WARN ](o.a.z.ClientCnxn                   :1102) Session 0x0 for "
     "server null, unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "o.a.z.ClientCnxn", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
constexpr Sample kZkweb[] = {
    // testdata/incidents/public/zkops-zkweb-client-leak
    {"[2018-12-03 12:09:14 WARN  http-nio-8099-exec-1-SendThread(10.233.233.233:2181)  "
     "ClientCnxn.java:1167] org.apache.zookeeper.ClientCnxn --> Session 0x0 for server "
     "10.233.233.233/10.233.233.233:2181, unexpected error",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn",
     "http-nio-8099-exec-1-SendThread(10.233.233.233:2181)", -1,
     "Session 0x0 for server 10.233.233.233/10.233.233.233:2181, unexpected error"},
};
constexpr Sample kLoggerParen[] = {
    // testdata/incidents/public/client-pinpoint-collector-session-expired (pasted, logger only)
    {"(o.a.z.ClientCnxn) Client session timed out, have not heard from server in 11198ms for "
     "sessionid 0x34331c4ac633093, closing socket connection and attempting reconnect",
     "", Level::kUnknown, "o.a.z.ClientCnxn", "", -1,
     "Client session timed out, have not heard from server in 11198ms for sessionid "
     "0x34331c4ac633093, closing socket connection and attempting reconnect"},
};

// Layouts met in public reports (2026-12-05 field test), one or two real lines each.
constexpr Sample kConfluentOperator[] = {
    // confluentinc/confluent-kubernetes-examples#290 (Confluent for Kubernetes ZooKeeper)
    {"[INFO] 2024-03-10 13:20:41,552 [main] org.apache.zookeeper.server.ZooKeeperServer "
     "setLargeRequestThreshold - The large request threshold is set to -1",
     "", Level::kInfo, "org.apache.zookeeper.server.ZooKeeperServer", "main", -1,
     "The large request threshold is set to -1"},
};
constexpr Sample kElasticsearch[] = {
    // sonian/elasticsearch-zookeeper#19 (Elasticsearch 0.x-1.x log4j.yml)
    {"[2013-11-13 00:56:51,700][INFO ][org.apache.zookeeper.ZooKeeper] Session: 0x2424e7662a50002 "
     "closed",
     "", Level::kInfo, "org.apache.zookeeper.ZooKeeper", "", -1,
     "Session: 0x2424e7662a50002 closed"},
    {"[2013-11-13 00:56:54,481][INFO ][node                     ] [Bi-Beast] initialized", "",
     Level::kInfo, "node", "", -1, "[Bi-Beast] initialized"},
};
constexpr Sample kZooKeeperIsoT[] = {
    // apache/bookkeeper#3225 (an embedded ZooKeeper, log4j2 ISO8601 with the 'T')
    {"2022-04-21T09:23:19,874 - INFO  - [main:Environment@98] - Server environment:os.name=Mac OS "
     "X",
     "", Level::kInfo, "Environment", "main", -1, "Server environment:os.name=Mac OS X"},
};
constexpr Sample kSlashDate[] = {
    // apache/pinot#4974 (Pinot, Helix)
    {"2020/01/12 02:45:23.308 ERROR [ZkClient] [ZkClient-EventThread-203-localhost:2123] Error "
     "handling event ZkEvent[New session event sent to "
     "org.apache.helix.manager.zk.ZKHelixManager@1f939a0f]",
     "", Level::kError, "ZkClient", "ZkClient-EventThread-203-localhost:2123", -1,
     "Error handling event ZkEvent[New session event sent to "
     "org.apache.helix.manager.zk.ZKHelixManager@1f939a0f]"},
};
constexpr Sample kPythonNameFileLine[] = {
    // python-zk/kazoo#585
    {"2020-02-12 16:16:34 kazoo.client connection.py[line:608] WARNING Connection dropped: socket "
     "connection broken",
     "", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
};
constexpr Sample kPipeDash[] = {
    // apache/dubbo#15029 (Dubbo's log4j2 test configuration; time of day only)
    {"17:06:48.412 |-INFO  [main]    org.apache.zookeeper.ClientCnxnSocket:239 -| jute.maxbuffer "
     "value is 1048575 Bytes",
     "", Level::kInfo, "org.apache.zookeeper.ClientCnxnSocket", "main", -1,
     "jute.maxbuffer value is 1048575 Bytes"},
};
constexpr Sample kClassMethod[] = {
    // OpenTSDB/asynchbase#177 (OpenTSDB logback; time of day only)
    {"10:17:41.126 WARN  [PluginLoader.loadPlugins] - Unable to locate any plugins of the type: "
     "net.opentsdb.query.filter.TagVFilter",
     "", Level::kWarn, "PluginLoader", "", -1,
     "Unable to locate any plugins of the type: net.opentsdb.query.filter.TagVFilter"},
};

constexpr Sample kJul[] = {
    // sgroschupf/zkclient#86 (WebLogic): the header line; "LEVEL: message" follows on the next line
    {"Sep 25, 2020 2:57:15 PM org.apache.zookeeper.ClientCnxn$SendThread run", "", Level::kUnknown,
     "org.apache.zookeeper.ClientCnxn$SendThread", "", -1, ""},
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
    // Before nifi, which reads their lines too (its message would take the location).
    {"hadoop-test", "%d{ISO8601} %-5p [%t] %c{2} (%F:%M(%L)) - %m%n", S::kLog4j, "", "",
     "Hadoop, HBase and Accumulo test logs (MiniCluster log4j.properties)", Component::kOther,
     kHadoopTestLocation},
    {"hive", "%d{ISO8601} %-5p [%t]: %c{2} (%F:%M(%L)) - %m%n", S::kLog4j, "", "",
     "Apache Hive 2-3 (log4j2)", Component::kOther, kHive},
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
    {"storm2", "%d{yyyy-MM-dd HH:mm:ss.SSS} %t %c{1.} [%p] %msg%n", S::kLog4j, "", "",
     "Apache Storm 2 (log4j2; storm's order with the thread first)", Component::kOther, kStorm2},
    {"accumulo", "%d{ISO8601} [%-8c{2}] %-5p: %m%n", S::kLog4j, "", "", "Apache Accumulo 1-2",
     Component::kOther, kAccumulo},
    {"dolphinscheduler",
     "[%level] %date{yyyy-MM-dd HH:mm:ss.SSS Z} %logger{96}:[%line] - "
     "[WorkflowInstance-%X{workflowInstanceId:-0}][TaskInstance-%X{taskInstanceId:-0}] - %msg%n",
     S::kLog4j, "", "", "Apache DolphinScheduler 3 (zone offset, workflow MDC)", Component::kOther,
     kDolphinScheduler},
    {"openwhisk", "[%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}] [%p] %msg%n", S::kLog4j, "", "",
     "Apache OpenWhisk (UTC, no logger)", Component::kOther, kOpenWhisk},
    {"solr-console", "%-5p - %d{yyyy-MM-dd HH:mm:ss.SSS}; %C; %m%n", S::kLog4j, "", "",
     "Apache Solr 5-7 console (log4j.properties CONSOLE)", Component::kOther, kSolrConsole},
    // Not Java, written here as the log4j pattern that prints the same line.
    {"clickhouse", "%d{yyyy.MM.dd HH:mm:ss.SSSSSS} [ %tid ] {%X{query_id}} <%p> %c: %m%n",
     S::kLog4j, "", "", "ClickHouse server and Keeper (Poco; logger may hold blanks)",
     Component::kOther, kClickHouse},
    {"zookeeper-c", "%d{yyyy-MM-dd HH:mm:ss,SSS}:%pid%notEmpty{(%t)}:ZOO_%p@%M@%L: %m%n", S::kLog4j,
     "", "", "ZooKeeper C client (zkpython, Mesos, node-zookeeper)", Component::kOther, kZkCClient},
    {"glog", "%p{length=1}%d{MMdd HH:mm:ss.SSSSSS} %tid %F:%L] %m%n", S::kLog4j, "", "",
     "Google glog (Mesos, Aurora): level initial, no year", Component::kOther, kGlog},
    {"bitnami", "%c %d{HH:mm:ss.SS} %notEmpty{%-5p ==> }%m%n", S::kLog4j, "", "",
     "Bitnami container setup scripts (time of day only; banner lines have no level)",
     Component::kOther, kBitnami},
    {"python-bracket-level", "[%(asctime)s] %(levelname)-5s %(message)s", S::kPython,
     "%d-%m-%Y %H:%M:%S", "", "kazoo scripts with a day-first datefmt", Component::kMonitor,
     kPythonBracketLevel},
    {"python-name-level", "%(asctime)s %(name)s %(levelname)s %(message)s", S::kPython, "", "",
     "Python services with the logger before the level", Component::kMonitor, kPythonNameLevel},
    {"oslo", "(%(name)s): %(asctime)s %(levelname)s %(module)s %(funcName)s %(message)s",
     S::kPython, "", "", "OpenStack oslo.log debug format (tooz)", Component::kMonitor, kOslo},
    {"python-syslog",
     "%(asctime)s %(hostname)s %(prog)s[%(process)d,%(name)s,%(funcName)s]: (%(levelname)s) "
     "%(message)s",
     S::kPython, "%b %e %H:%M:%S.%f", "",
     "Python SysLogHandler with process, logger and function (syslog adds time and host)",
     Component::kMonitor, kPythonSyslog},
    {"thread-first", "[%t] - %d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger - %msg%n", S::kLog4j, "",
     "", "Gradle/JUnit test output (Hermes)", Component::kOther, kThreadFirst},
    {"streams", "%d{dd MMM yyyy HH:mm:ss.SSS} [%T] %p #%X{aspects} M[%F:%C.%M:%L]  - %m%n",
     S::kLog4j, "", "", "IBM Streams processing elements", Component::kOther, kStreams},
    {"dcache", "%d{dd MMM yyyy HH:mm:ss} (%X{cells.cell}) [%X{org.dcache.ndc}] %m%n", S::kLog4j, "",
     "", "dCache pools and doors", Component::kOther, kDcache},
    {"pinpoint-dated", "%d{yyyy-MM-dd HH:mm:ss} [%-5p](%-30c{1.}:%L) %m%n", S::kLog4j, "", "",
     "Pinpoint collector and web (dated)", Component::kOther, kPinpointDated},
    {"zkweb", "[%d{yyyy-MM-dd HH:mm:ss} %-5p %t %F:%L] %c --> %m%n", S::kLog4j, "", "",
     "zkWeb and other Spring MVC consoles", Component::kOther, kZkweb},
    {"logger-paren", "(%c{1.}) %m%n", S::kLog4j, "", "",
     "lines pasted without time and level ('(o.a.z.ClientCnxn) ...')", Component::kOther,
     kLoggerParen},
    {"python-bracket", "%(asctime)s [%(levelname)s] %(name)s: %(message)s", S::kPython, "", "",
     "Python services", Component::kOther, kPythonBracket},
    {"python-bracket-time", "[%(asctime)s] %(levelname)s [%(name)s] %(message)s", S::kPython, "",
     "", "Python services", Component::kOther, kPythonBracketTime},
    {"confluent-operator", "[%p] %d{yyyy-MM-dd HH:mm:ss,SSS} [%t] %c %M - %m%n", S::kLog4j, "", "",
     "Confluent for Kubernetes images (level first, method)", Component::kOther,
     kConfluentOperator},
    {"elasticsearch", "[%d{yyyy-MM-dd HH:mm:ss,SSS}][%-5p][%-25c] %m%n", S::kLog4j, "", "",
     "Elasticsearch 0.x-1.x and its plugins", Component::kOther, kElasticsearch},
    {"zookeeper-iso-t", "%d{yyyy-MM-dd'T'HH:mm:ss,SSS} - %-5p - [%t:%C{1}@%L] - %m%n", S::kLog4j,
     "", "", "ZooKeeper's layout with log4j2's ISO8601 'T' (BookKeeper, embedded servers)",
     Component::kOther, kZooKeeperIsoT},
    {"slash-date", "%d{yyyy/MM/dd HH:mm:ss.SSS} %p [%c{1}] [%t] %m%n", S::kLog4j, "", "",
     "Apache Pinot and Helix", Component::kOther, kSlashDate},
    {"python-name-file-line",
     "%(asctime)s %(name)s %(filename)s[line:%(lineno)d] %(levelname)s %(message)s", S::kPython,
     "%Y-%m-%d %H:%M:%S", "", "Python services with file and line before the level",
     Component::kMonitor, kPythonNameFileLine},
    {"pipe-dash", "%d{HH:mm:ss.SSS} |-%-5p [%t] %40.40c:%L -| %m%n", S::kLog4j, "", "",
     "Apache Dubbo test logs (time of day only)", Component::kOther, kPipeDash},
    {"class-method", "%d{HH:mm:ss.SSS} %-5p [%C{1}.%M] - %m%n", S::kLog4j, "", "",
     "OpenTSDB (logback; time of day only)", Component::kOther, kClassMethod},
    {"jul", "%d{MMM dd, yyyy h:mm:ss a} %C %M%n", S::kLog4j, "", "",
     "java.util.logging's SimpleFormatter (Tomcat, WebLogic, Jenkins): class and method, then "
     "'LEVEL: message' on the next line",
     Component::kOther, kJul},
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
