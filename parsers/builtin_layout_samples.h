// The sample lines of the built-in compiled layouts (parsers/builtin_layouts.cc): real lines as
// their writers print them, each with the fields a reader must give. The registry test reads every
// sample with its layout and checks every field; detection, --help and sources --explain read the
// table that names them. Only builtin_layouts.cc includes this.
#pragma once

#include "parsers/parser.h"

namespace faultline::builtin_samples {

inline constexpr Sample kSpringBoot[] = {
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
inline constexpr Sample kSpringBootApp[] = {
    {"2023-11-20T10:15:30.123+01:00  WARN 7 --- [demo] [ain-SendThread(zk:2181)] "
     "org.apache.zookeeper.ClientCnxn          : Session 0x0 for server zk/10.0.0.5:2181, Closing"
     " socket connection. Attempting reconnect except it is a SessionExpiredException.",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "ain-SendThread(zk:2181)", -1,
     "Session 0x0 for server zk/10.0.0.5:2181, Closing socket connection. Attempting reconnect "
     "except it is a SessionExpiredException."},
};
// Spring Cloud Sleuth's console: "[app,traceId,spanId,export]" after the level, the ids empty
// outside a trace (Sleuth 1.x-2.x sets logging.pattern.level); lines of sf-java-ui issue 72.
inline constexpr Sample kSpringBootSleuth[] = {
    {"2024-05-08 12:02:24.645  INFO [bootstrap,,,] 20658 --- [           main] "
     "o.apache.catalina.core.StandardService   : Starting service [Tomcat]",
     "", Level::kInfo, "o.apache.catalina.core.StandardService", "main", -1,
     "Starting service [Tomcat]"},
    {"2024-05-08 12:02:24.911 ERROR [bootstrap,,,] 20658 --- [cat-startStop-1] "
     "org.apache.catalina.core.ContainerBase   : A child container failed during start",
     "", Level::kError, "org.apache.catalina.core.ContainerBase", "cat-startStop-1", -1,
     "A child container failed during start"},
};
// RFC 5424: "<PRI>1 time host app procid msgid structured-data msg", the severity PRI % 8 (6:
// informational); rsyslog issue 1120's line (its "[origin ...]" is message: the SD is "-").
inline constexpr Sample kRfc5424[] = {
    {"<46>1 2016-08-18T10:35:20.662120+00:00 MYHOSTNAME rsyslogd - - - [origin "
     "software=\"rsyslogd\" swVersion=\"8.20.0\" x-pid=\"21741\" "
     "x-info=\"http://www.rsyslog.com\"] start",
     "", Level::kInfo, "", "", -1,
     "[origin software=\"rsyslogd\" swVersion=\"8.20.0\" x-pid=\"21741\" "
     "x-info=\"http://www.rsyslog.com\"] start"},
};
inline constexpr Sample kOffsetIso[] = {
    {"2021-06-17T08:14:35,457+0000 [main-SendThread(zookeeper:2181)] WARN  "
     "org.apache.zookeeper.ClientCnxn - Session 0x0 for server zookeeper/10.0.0.5:2181, unexpected "
     "error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(zookeeper:2181)", -1,
     "Session 0x0 for server zookeeper/10.0.0.5:2181, unexpected error, closing socket connection "
     "and attempting reconnect"},
};
inline constexpr Sample kTimeOfDay[] = {
    // testdata/incidents/public/client-pulsar-fullgc-session-expired
    {"01:47:09.961 [pulsar-ordered-OrderedExecutor-4-0-SendThread(zk101.pulsar.xxx.xx:2181)] WARN  "
     "org.apache.zookeeper.ClientCnxn      - Unable to reconnect to ZooKeeper service, session "
     "0x3048c994034e22a has expired",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn",
     "pulsar-ordered-OrderedExecutor-4-0-SendThread(zk101.pulsar.xxx.xx:2181)", -1,
     "Unable to reconnect to ZooKeeper service, session 0x3048c994034e22a has expired"},
};
inline constexpr Sample kPinpoint[] = {
    // testdata/incidents/public/client-pinpoint-localhost-no-zk (pinpoint-apm/pinpoint#1369)
    {"21:38:36 WARN (o.a.z.ClientCnxn                   :1102) Session 0x0 for server null, "
     "unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "o.a.z.ClientCnxn", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kDruid[] = {
    {"2019-12-03T12:33:11,478 WARN [main-SendThread(localhost:2181)] "
     "org.apache.zookeeper.ClientCnxn"
     " - Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kNifi[] = {
    {"2020-04-21 09:40:30,123 WARN [main-SendThread(localhost:2181)] "
     "org.apache.zookeeper.ClientCnxn"
     " Session 0x0 for server localhost/127.0.0.1:2181, unexpected error, closing socket "
     "connection "
     "and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server localhost/127.0.0.1:2181, unexpected error, closing socket connection "
     "and attempting reconnect"},
};
inline constexpr Sample kFlink[] = {
    {"2020-03-20 10:42:30,456 WARN  org.apache.zookeeper.ClientCnxn                             "
     "  - Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kStorm[] = {
    {"2016-08-09 14:23:01.456 o.a.s.s.o.a.z.ClientCnxn main-SendThread(localhost:2181) [WARN] "
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "o.a.s.s.o.a.z.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kSolr[] = {
    {"2019-05-28 09:36:33.372 WARN  (main-SendThread(zk1:2181)) [   ] o.a.z.ClientCnxn Session 0x0 "
     "for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and attempting "
     "reconnect",
     "", Level::kWarn, "o.a.z.ClientCnxn", "main-SendThread(zk1:2181)", -1,
     "Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and "
     "attempting reconnect"},
};
inline constexpr Sample kHdfsCompact[] = {
    // loghub HDFS_2k (the public HDFS log dataset, Hadoop 0.x DataNode)
    {"081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block "
     "blk_38865049064139660 terminating",
     "", Level::kInfo, "dfs.DataNode$PacketResponder", "148", -1,
     "PacketResponder 1 for block blk_38865049064139660 terminating"},
};
inline constexpr Sample kTtcc[] = {
    {"1265 [main-SendThread(localhost:2181)] WARN  org.apache.zookeeper.ClientCnxn  - Session 0x0 "
     "for server null, unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kPythonBracket[] = {
    {"2020-05-01 12:00:00,123 [WARNING] kazoo.client: Connection dropped: socket connection broken",
     "", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
};
inline constexpr Sample kPythonBracketTime[] = {
    {"[2020-05-01 12:00:00,123] WARNING [kazoo.client] Connection dropped: socket connection "
     "error: "
     "Connection refused",
     "", Level::kWarn, "kazoo.client", "", -1,
     "Connection dropped: socket connection error: Connection refused"},
};

inline constexpr Sample kBracketFields[] = {
    // public-layouts/curator-bracket-fields.log (apache/curator#792, CURATOR-272)
    {"2015-10-14 16:58:54,547 [Thread-3-EventThread] [ERROR] [o.a.c.f.i.CuratorFrameworkImpl] - "
     "Background operation retry gave up",
     "", Level::kError, "o.a.c.f.i.CuratorFrameworkImpl", "Thread-3-EventThread", -1,
     "Background operation retry gave up"},
};
inline constexpr Sample kKaraf[] = {
    // public-layouts/karaf-decanter.log (apache/karaf-decanter's identity parser test)
    {"2018-09-07T08:40:41,768 | INFO  | FelixStartLevel  | core     | 14 - "
     "org.apache.aries.jmx.core - 1.1.8 | Unregistering MBean with ObjectName "
     "[osgi.compendium:service=cm,version=1.3,framework=org.apache.felix.framework,"
     "uuid=e75146c3-f73c-46e3-878b-1b88e58d76cf] for service with service.id [16]",
     "", Level::kInfo, "core", "FelixStartLevel", -1,
     "Unregistering MBean with ObjectName "
     "[osgi.compendium:service=cm,version=1.3,framework=org.apache.felix.framework,"
     "uuid=e75146c3-f73c-46e3-878b-1b88e58d76cf] for service with service.id [16]"},
};
inline constexpr Sample kHadoopTestLocation[] = {
    // testdata/parsers/public-layouts/hadoop-test-thread-location.log (apache/gora#97)
    {"2017-02-21 20:15:10,754 INFO  [main] zookeeper.ZooKeeper (Environment.java:logEnv(100)) - "
     "Client environment:zookeeper.version=3.4.5-1392090, built on 09/30/2012 17:52 GMT",
     "", Level::kInfo, "zookeeper.ZooKeeper", "main", -1,
     "Client environment:zookeeper.version=3.4.5-1392090, built on 09/30/2012 17:52 GMT"},
};
inline constexpr Sample kHive[] = {
    // public-layouts/hive2-metastore.log (parrot-stream/docker-hive#1)
    {"2016-12-22T21:20:12,518 INFO  [main]: metastore.MetaStoreDirectSql "
     "(MetaStoreDirectSql.java:<init>(145)) - Using direct SQL, underlying DB is OTHER",
     "", Level::kInfo, "metastore.MetaStoreDirectSql", "main", -1,
     "Using direct SQL, underlying DB is OTHER"},
};
inline constexpr Sample kAccumulo[] = {
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
inline constexpr Sample kStorm2[] = {
    // public-layouts/storm2-nimbus.log (STORM-3012)
    {"2018-03-26 21:39:18.738 Refresh-TGT o.a.s.m.n.Login [INFO] TGT refresh thread started.", "",
     Level::kInfo, "o.a.s.m.n.Login", "Refresh-TGT", -1, "TGT refresh thread started."},
};
inline constexpr Sample kDolphinScheduler[] = {
    // public-layouts/dolphinscheduler-offset.log (apache/dolphinscheduler#11635)
    {"[WARN] 2022-08-25 12:19:25.150 +0800 org.apache.zookeeper.ClientCnxn:[1108] - "
     "[WorkflowInstance-0][TaskInstance-0] - Client session timed out, have not heard from "
     "server in 20010ms for sessionid 0x1017e2ca6e10058",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Client session timed out, have not heard from server in 20010ms for sessionid "
     "0x1017e2ca6e10058"},
};
inline constexpr Sample kOpenWhisk[] = {
    // public-layouts/openwhisk-iso-z.log (apache/openwhisk#3935)
    {"[2018-07-24T13:32:42.600Z] [INFO] Default schema", "", Level::kInfo, "", "", -1,
     "Default schema"},
};
inline constexpr Sample kClickHouse[] = {
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
inline constexpr Sample kZkCClient[] = {
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
inline constexpr Sample kGlog[] = {
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
inline constexpr Sample kSolrConsole[] = {
    // public-layouts/solr7-compose.log (docker-solr/docker-solr#180), inside `docker compose logs`
    {"WARN  - 2018-07-04 15:52:12.111; org.apache.zookeeper.ClientCnxn$SendThread; Session 0x0 "
     "for server null, unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn$SendThread", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kBitnami[] = {
    // public-layouts/bitnami-zk-setup.log (bitnami/containers#5586)
    {"zookeeper 06:39:26.82 DEBUG ==> Validating settings in ZOO_* env vars...", "", Level::kDebug,
     "zookeeper", "", -1, "Validating settings in ZOO_* env vars..."},
    {"zookeeper 06:39:26.55 Welcome to the Bitnami zookeeper container", "", Level::kUnknown,
     "zookeeper", "", -1, "Welcome to the Bitnami zookeeper container"},
};
inline constexpr Sample kPythonBracketLevel[] = {
    // public-layouts/kazoo-bracket-dmy.log (python-zk/kazoo#587)
    {"[18-02-2020 03:12:25] WARNING Connection dropped: socket connection error: None", "",
     Level::kWarn, "", "", -1, "Connection dropped: socket connection error: None"},
};
inline constexpr Sample kPythonNameLevel[] = {
    // public-layouts/kazoo-name-level.log (python-zk/kazoo#160)
    {"2014-01-08 17:41:07,939 kazoo.client INFO Sending request(xid=8): Exists(path='/hosts', "
     "watcher=None)",
     "", Level::kInfo, "kazoo.client", "", -1,
     "Sending request(xid=8): Exists(path='/hosts', watcher=None)"},
};
inline constexpr Sample kOslo[] = {
    // public-layouts/kazoo-oslo-tooz.log (python-tooz bug 1495663); "Level 5" is kazoo's BLATHER
    {"(kazoo.client): 2015-09-11 18:49:38,485 Level 5 connection _submit Sending "
     "request(xid=-2): Ping()",
     "", Level::kTrace, "kazoo.client", "", -1, "Sending request(xid=-2): Ping()"},
};
inline constexpr Sample kPythonSyslog[] = {
    // public-layouts/kazoo-syslog-func.log (python-zk/kazoo#47)
    {"Jan  7 06:52:11.542409 prod-fe-uswest1-39-i-7400912d "
     "zk_watcher[30841,nd_service_registry.KazooServiceRegistry,_state_listener]: (WARNING) "
     "Zookeeper connection state changed: LOST",
     "", Level::kWarn, "nd_service_registry.KazooServiceRegistry", "", -1,
     "Zookeeper connection state changed: LOST"},
};

inline constexpr Sample kSyslog[] = {
    // public-layouts/systemd-journal-zkserver.log (aleonsan/ansible-kafka#4)
    {"Oct 14 07:41:22 kafka03.novalocal systemd[1]: zookeeper.service: main process exited, "
     "code=exited, status=1/FAILURE",
     "", Level::kUnknown, "systemd", "", -1,
     "zookeeper.service: main process exited, code=exited, status=1/FAILURE"},
};

inline constexpr Sample kThreadFirst[] = {
    // testdata/parsers/public-layouts/github-actions-hermes.log (inside its runner's timestamps)
    {"[Test worker] - 2024-11-25 12:45:07.551 INFO  o.a.c.f.imps.CuratorFrameworkImpl - Default "
     "schema",
     "", Level::kInfo, "o.a.c.f.imps.CuratorFrameworkImpl", "Test worker", -1, "Default schema"},
};

inline constexpr Sample kStreams[] = {
    // testdata/incidents/public/client-curator-auth-failed-streamsx (IBM Streams PE trace)
    {"12 Oct 2017 17:43:06.704 [32515] ERROR #splapptrc,J[42],P[67],SinkOp "
     "M[ConnectionState.java:org.apache.curator.ConnectionState.checkState:245]  - Authentication "
     "failed",
     "", Level::kError, "org.apache.curator.ConnectionState", "32515", -1, "Authentication failed"},
};
inline constexpr Sample kDcache[] = {
    // testdata/incidents/public/client-dcache-zk-restart-session-expired (dCache pool, no level)
    {"11 Dec 2019 11:04:35 () [] Unable to reconnect to ZooKeeper service, session "
     "0x101f08e24c50014 has expired",
     "", Level::kUnknown, "", "", -1,
     "Unable to reconnect to ZooKeeper service, session 0x101f08e24c50014 has expired"},
};
inline constexpr Sample kPinpointDated[] = {
    // testdata/incidents/public/client-pinpoint-windows-refused
    {"2017-02-13 10:12:49 [WARN ](o.a.z.ClientCnxn                   :1102) Session 0x0 for "
     "server null, unexpected error, closing socket connection and attempting reconnect",
     "", Level::kWarn, "o.a.z.ClientCnxn", "", -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
};
inline constexpr Sample kZkweb[] = {
    // testdata/incidents/public/zkops-zkweb-client-leak
    {"[2018-12-03 12:09:14 WARN  http-nio-8099-exec-1-SendThread(10.233.233.233:2181)  "
     "ClientCnxn.java:1167] org.apache.zookeeper.ClientCnxn --> Session 0x0 for server "
     "10.233.233.233/10.233.233.233:2181, unexpected error",
     "", Level::kWarn, "org.apache.zookeeper.ClientCnxn",
     "http-nio-8099-exec-1-SendThread(10.233.233.233:2181)", -1,
     "Session 0x0 for server 10.233.233.233/10.233.233.233:2181, unexpected error"},
};
inline constexpr Sample kLoggerParen[] = {
    // testdata/incidents/public/client-pinpoint-collector-session-expired (pasted, logger only)
    {"(o.a.z.ClientCnxn) Client session timed out, have not heard from server in 11198ms for "
     "sessionid 0x34331c4ac633093, closing socket connection and attempting reconnect",
     "", Level::kUnknown, "o.a.z.ClientCnxn", "", -1,
     "Client session timed out, have not heard from server in 11198ms for sessionid "
     "0x34331c4ac633093, closing socket connection and attempting reconnect"},
};

// Layouts met in public reports (2026-12-05 field test), one or two real lines each.
inline constexpr Sample kConfluentOperator[] = {
    // confluentinc/confluent-kubernetes-examples#290 (Confluent for Kubernetes ZooKeeper)
    {"[INFO] 2024-03-10 13:20:41,552 [main] org.apache.zookeeper.server.ZooKeeperServer "
     "setLargeRequestThreshold - The large request threshold is set to -1",
     "", Level::kInfo, "org.apache.zookeeper.server.ZooKeeperServer", "main", -1,
     "The large request threshold is set to -1"},
};
inline constexpr Sample kElasticsearch[] = {
    // sonian/elasticsearch-zookeeper#19 (Elasticsearch 0.x-1.x log4j.yml)
    {"[2013-11-13 00:56:51,700][INFO ][org.apache.zookeeper.ZooKeeper] Session: 0x2424e7662a50002 "
     "closed",
     "", Level::kInfo, "org.apache.zookeeper.ZooKeeper", "", -1,
     "Session: 0x2424e7662a50002 closed"},
    {"[2013-11-13 00:56:54,481][INFO ][node                     ] [Bi-Beast] initialized", "",
     Level::kInfo, "node", "", -1, "[Bi-Beast] initialized"},
    // public-layouts/logstash6-kafka-config.log (elastic/logstash#9165): Logstash 6, same layout
    {"[2018-02-17T22:54:22,484][INFO ][org.apache.kafka.clients.consumer.ConsumerConfig] "
     "ConsumerConfig values: ",
     "", Level::kInfo, "org.apache.kafka.clients.consumer.ConsumerConfig", "", -1,
     "ConsumerConfig values:"},
};
inline constexpr Sample kZooKeeperIsoT[] = {
    // apache/bookkeeper#3225 (an embedded ZooKeeper, log4j2 ISO8601 with the 'T')
    {"2022-04-21T09:23:19,874 - INFO  - [main:Environment@98] - Server environment:os.name=Mac OS "
     "X",
     "", Level::kInfo, "Environment", "main", -1, "Server environment:os.name=Mac OS X"},
};
inline constexpr Sample kSlashDate[] = {
    // apache/pinot#4974 (Pinot, Helix)
    {"2020/01/12 02:45:23.308 ERROR [ZkClient] [ZkClient-EventThread-203-localhost:2123] Error "
     "handling event ZkEvent[New session event sent to "
     "org.apache.helix.manager.zk.ZKHelixManager@1f939a0f]",
     "", Level::kError, "ZkClient", "ZkClient-EventThread-203-localhost:2123", -1,
     "Error handling event ZkEvent[New session event sent to "
     "org.apache.helix.manager.zk.ZKHelixManager@1f939a0f]"},
};
inline constexpr Sample kPythonNameFileLine[] = {
    // python-zk/kazoo#585
    {"2020-02-12 16:16:34 kazoo.client connection.py[line:608] WARNING Connection dropped: socket "
     "connection broken",
     "", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
};
inline constexpr Sample kPipeDash[] = {
    // apache/dubbo#15029 (Dubbo's log4j2 test configuration; time of day only)
    {"17:06:48.412 |-INFO  [main]    org.apache.zookeeper.ClientCnxnSocket:239 -| jute.maxbuffer "
     "value is 1048575 Bytes",
     "", Level::kInfo, "org.apache.zookeeper.ClientCnxnSocket", "main", -1,
     "jute.maxbuffer value is 1048575 Bytes"},
};
inline constexpr Sample kClassMethod[] = {
    // OpenTSDB/asynchbase#177 (OpenTSDB logback; time of day only)
    {"10:17:41.126 WARN  [PluginLoader.loadPlugins] - Unable to locate any plugins of the type: "
     "net.opentsdb.query.filter.TagVFilter",
     "", Level::kWarn, "PluginLoader", "", -1,
     "Unable to locate any plugins of the type: net.opentsdb.query.filter.TagVFilter"},
};

inline constexpr Sample kJul[] = {
    // sgroschupf/zkclient#86 (WebLogic): the header line; "LEVEL: message" follows on the next line
    {"Sep 25, 2020 2:57:15 PM org.apache.zookeeper.ClientCnxn$SendThread run", "", Level::kUnknown,
     "org.apache.zookeeper.ClientCnxn$SendThread", "", -1, ""},
};

inline constexpr Sample kKylinL4j[] = {
    // KylinOLAP/Kylin#9 (Kylin 0.x on HDP: log4j through the test harness, "L4J " first)
    {"L4J [2014-10-22 17:01:58,158][WARN][org.apache.hadoop.util.NativeCodeLoader] - Unable to "
     "load native-hadoop library for your platform... using builtin-java classes where applicable",
     "", Level::kWarn, "org.apache.hadoop.util.NativeCodeLoader", "", -1,
     "Unable to load native-hadoop library for your platform... using builtin-java classes where "
     "applicable"},
};
inline constexpr Sample kAwsLambda[] = {
    // awslabs/aws-athena-query-federation#117 (HBase connector on Lambda; the request id is empty
    // outside a request)
    {"2020-03-03 20:56:12 a48cce7a-61a0-4cf8-97e1-04bb7cc93858 WARN  ZKUtil:637 - "
     "hconnection-0x37d31475-0x10000021d400039, quorum=ec2-34-235-124-99.compute-1.amazonaws.com:"
     "2181, baseZNode=/hbase Unable to get data of znode /hbase/meta-region-server",
     "", Level::kWarn, "ZKUtil", "", -1,
     "hconnection-0x37d31475-0x10000021d400039, quorum=ec2-34-235-124-99.compute-1.amazonaws.com:"
     "2181, baseZNode=/hbase Unable to get data of znode /hbase/meta-region-server"},
    {"2020-03-03 20:56:12  INFO  ClientCnxn:519 - EventThread shut down for session: "
     "0x10000021d400039",
     "", Level::kInfo, "ClientCnxn", "", -1,
     "EventThread shut down for session: 0x10000021d400039"},
    // strimzi/strimzi-kafka-operator#9466 (the cluster operator writes the layout without the
    // request id: "%d{yyyy-MM-dd HH:mm:ss} %-5p %c{1}:%L - %m%n")
    {"2023-12-15 07:54:12 WARN  ClientCnxn:1300 - Session 0x0 for server "
     "kafka-stack-zookeeper-1.kafka-stack-zookeeper-nodes.kafka-stack-validation.svc/"
     "172.18.12.96:2181, Closing socket connection.",
     "", Level::kWarn, "ClientCnxn", "", -1,
     "Session 0x0 for server kafka-stack-zookeeper-1.kafka-stack-zookeeper-nodes."
     "kafka-stack-validation.svc/172.18.12.96:2181, Closing socket connection."},
};
inline constexpr Sample kFinagle[] = {
    // linkerd/linkerd#1829 (namerd: Twitter util-logging, level initial, no year, UTC)
    {"E 0223 14:38:32.105 UTC THREAD18: Zookeeper session 2616af5330a03c7 has expired. "
     "Reconnecting in 10.milliseconds",
     "", Level::kError, "", "THREAD18", -1,
     "Zookeeper session 2616af5330a03c7 has expired. Reconnecting in 10.milliseconds"},
};
inline constexpr Sample kThreadLevelColon[] = {
    // spring-projects/spring-kafka#1662 (EmbeddedKafka's ZooKeeper in a test run)
    {"2020-12-30 17:03:07,235 [ProcessThread(sid:0 cport:38339):]  INFO "
     "org.apache.zookeeper.server.PrepRequestProcessor: Processed session termination for "
     "sessionid: 0x1033e84c35d0001",
     "", Level::kInfo, "org.apache.zookeeper.server.PrepRequestProcessor",
     "ProcessThread(sid:0 cport:38339):", -1,
     "Processed session termination for sessionid: 0x1033e84c35d0001"},
};
inline constexpr Sample kJepsen[] = {
    // jepsen-io/jepsen#533 (thread names with blanks; the logger follows " - ")
    {"INFO [2022-03-13 03:19:29,940] jepsen node n4-SendThread(jepsen-n4.jepsen_jepsen:2181) - "
     "org.apache.zookeeper.ClientCnxn Opening socket connection to server "
     "jepsen-n4.jepsen_jepsen/172.19.0.5:2181",
     "", Level::kInfo, "org.apache.zookeeper.ClientCnxn",
     "jepsen node n4-SendThread(jepsen-n4.jepsen_jepsen:2181)", -1,
     "Opening socket connection to server jepsen-n4.jepsen_jepsen/172.19.0.5:2181"},
};
inline constexpr Sample kSlf4jSimple[] = {
    // t8y2/dbx#2800 (a Curator client's stderr under slf4j-simple: no time)
    {"[main] INFO org.apache.zookeeper.ZooKeeper - Initiating client connection, "
     "connectString=10.18.93.159:2181 sessionTimeout=30000 "
     "watcher=org.apache.curator.ConnectionState@4a94ee4",
     "", Level::kInfo, "org.apache.zookeeper.ZooKeeper", "main", -1,
     "Initiating client connection, connectString=10.18.93.159:2181 sessionTimeout=30000 "
     "watcher=org.apache.curator.ConnectionState@4a94ee4"},
};
inline constexpr Sample kStrimziAngle[] = {
    // strimzi/strimzi-kafka-operator#339 (topic operator: logger and thread cut to 12 characters)
    {"[2018-03-27 12:50:34,661] WARN  <ClientCnxn  :1285> [46.166:2181)] Unable to reconnect to "
     "ZooKeeper service, session 0x162671046950004 has expired",
     "", Level::kWarn, "ClientCnxn", "46.166:2181)", -1,
     "Unable to reconnect to ZooKeeper service, session 0x162671046950004 has expired"},
};
inline constexpr Sample kClassLineThread[] = {
    // strimzi/strimzi-kafka-operator#8395 (topic operator; a five-digit fraction)
    {"2023-04-17 07:51:39,31953 INFO  [vert.x-worker-thread-0-SendThread(localhost:2181)] "
     "ClientCnxn:1181 - Opening socket connection to server localhost/127.0.0.1:2181.",
     "", Level::kInfo, "ClientCnxn", "vert.x-worker-thread-0-SendThread(localhost:2181)", -1,
     "Opening socket connection to server localhost/127.0.0.1:2181."},
};
inline constexpr Sample kHeron[] = {
    // apache/incubator-heron#885 (java.util.logging one-line formatter; trailing blanks)
    {"[2016-06-08 06:38:19 +0000] org.apache.zookeeper.ZooKeeper INFO:  Client "
     "environment:java.version=1.7.0_45  ",
     "", Level::kInfo, "org.apache.zookeeper.ZooKeeper", "", -1,
     "Client environment:java.version=1.7.0_45"},
};
inline constexpr Sample kRelativeTime[] = {
    // pravega/pravega#2174 (the milliseconds since start after the date; a thread with a blank)
    {"2017-12-08 16:09:21,934 29755075 [ControllerEventProcessors STARTING] INFO  "
     "i.p.c.stream.impl.ClientFactoryImpl - Creating writer for stream: _commitStream",
     "", Level::kInfo, "i.p.c.stream.impl.ClientFactoryImpl", "ControllerEventProcessors STARTING",
     -1, "Creating writer for stream: _commitStream"},
};
inline constexpr Sample kLog4go[] = {
    // samuel/go-zookeeper#25 (gopush-cluster: the file and line are not a logger)
    {"2014/03/28 17:17:53 [INFO] zk.go:181 zk path: \"/gopush-cluster\" receive a event "
     "{EventNotWatching StateDisconnected /gopush-cluster zk: session has been expired by the "
     "server}",
     "", Level::kInfo, "", "", -1,
     "zk path: \"/gopush-cluster\" receive a event {EventNotWatching StateDisconnected "
     "/gopush-cluster zk: session has been expired by the server}"},
};
inline constexpr Sample kDotnetTrace[] = {
    // shayhatsor/zookeeper#34 (ZooKeeperNetEx through a TraceSource console listener)
    {"Server Warning: 0 : [2018-12-09 17:21:07.557 GMT \tWARNING \tClientCnxn \tClient session "
     "timed out, have not heard from server in 4230ms for sessionid 0x10000085bd30000] \t",
     "", Level::kWarn, "ClientCnxn", "", -1,
     "Client session timed out, have not heard from server in 4230ms for sessionid "
     "0x10000085bd30000"},
};
inline constexpr Sample kLogstashCabin[] = {
    // logstash-plugins/logstash-output-webhdfs#27 (a Ruby hash; the message's escapes as written)
    {"{:timestamp=>\"2016-09-28T19:19:14.980000+0000\", :message=>\"Webhdfs check request "
     "failed. (namenode: hdfs-namenode0:50070)\", :level=>:error}",
     "", Level::kError, "", "", -1,
     "Webhdfs check request failed. (namenode: hdfs-namenode0:50070)"},
};

inline constexpr Sample kStunnel[] = {
    // strimzi/strimzi-kafka-operator#2916 (the TLS sidecar of Strimzi's ZooKeeper pods; LOG5 is
    // syslog's notice)
    {"2020.04.29 11:53:06 LOG5[1:140023020922624]: Service [listener-2181] accepted connection "
     "from 10.244.14.73:52140",
     "", Level::kInfo, "", "1:140023020922624", -1,
     "Service [listener-2181] accepted connection from 10.244.14.73:52140"},
};
inline constexpr Sample kDropwizard[] = {
    // public-layouts/dropwizard-curator-bang-trace.log (dropwizard/dropwizard-discovery#11)
    {"ERROR [2016-04-14 15:22:42,600] org.apache.curator.framework.imps.CuratorFrameworkImpl: "
     "Background exception was not retry-able or retry gave up",
     "", Level::kError, "org.apache.curator.framework.imps.CuratorFrameworkImpl", "", -1,
     "Background exception was not retry-able or retry gave up"},
};
inline constexpr Sample kSupervisord[] = {
    // public-layouts/supervisord-minos-erro.log (XiaoMi/minos#32)
    {"2014-05-16 13:17:07,299 ERRO pool crashmailbatch-monitor event buffer overflowed, "
     "discarding event 364",
     "", Level::kError, "", "", -1,
     "pool crashmailbatch-monitor event buffer overflowed, discarding event 364"},
    // public-layouts/supervisord-zkui-crit.log (qnib/docker-zkui#6)
    {"2022-05-23 09:19:10,932 CRIT Supervisor running as root (no user in config file)", "",
     Level::kFatal, "", "", -1, "Supervisor running as root (no user in config file)"},
};
inline constexpr Sample kTelegrafPlugin[] = {
    // public-layouts/telegraf-plugin-logger.log (influxdata/telegraf#7169)
    {"2020-03-13T02:03:38Z E! [inputs.zookeeper]: Error in plugin: unexpected line in mntr "
     "response: \"mntr is not executed because it is not in the whitelist.\"",
     "", Level::kError, "inputs.zookeeper", "", -1,
     "Error in plugin: unexpected line in mntr response: \"mntr is not executed because it is not "
     "in the whitelist.\""},
};
inline constexpr Sample kTelegraf[] = {
    // public-layouts/telegraf-zookeeper-input.log (influxdata/telegraf#3547)
    {"2017-12-06T09:27:53Z E! ERROR in input [inputs.zookeeper]: dial tcp 172.30.116.142:2181: "
     "getsockopt: no route to host",
     "", Level::kError, "", "", -1,
     "ERROR in input [inputs.zookeeper]: dial tcp 172.30.116.142:2181: getsockopt: no route to "
     "host"},
};
inline constexpr Sample kAtlas[] = {
    // public-layouts/atlas-tilde-class-line.log (sburn/docker-apache-atlas#38)
    {"2022-08-04 15:52:55,463 WARN  - [NIOServerCxn.Factory:localhost/127.0.0.1:9026:] ~ caught "
     "end of stream exception (NIOServerCnxn:357)",
     "", Level::kWarn, "NIOServerCnxn", "NIOServerCxn.Factory:localhost/127.0.0.1:9026", -1,
     "caught end of stream exception"},
    {"2022-08-04 15:52:57,452 ERROR - [main:] ~ [KafkaServer id=1] Fatal error during KafkaServer "
     "startup. Prepare to shutdown (MarkerIgnoringBase:159)",
     "", Level::kError, "MarkerIgnoringBase", "main", -1,
     "[KafkaServer id=1] Fatal error during KafkaServer startup. Prepare to shutdown"},
};
inline constexpr Sample kGlogYear[] = {
    // public-layouts/openmldb-glog-year.log (4paradigm/OpenMLDB#3867)
    {"I20240412 03:12:59.328984 39763 zk_client.cc:601] connect success", "", Level::kInfo, "",
     "39763", -1, "connect success"},
};
inline constexpr Sample kCloudStack[] = {
    // public-layouts/cloudstack-logid.log (apache/cloudstack#10154)
    {"2025-01-01 13:59:33,221 DEBUG [c.c.h.x.d.XcpServerDiscoverer] "
     "(AgentConnectTaskPool-10755:ctx-76fa1734) (logid:f8b676f6) Not XenServer so moving on.",
     "", Level::kDebug, "c.c.h.x.d.XcpServerDiscoverer", "AgentConnectTaskPool-10755", -1,
     "Not XenServer so moving on."},
};
inline constexpr Sample kQuarkus[] = {
    // public-layouts/quarkus-kafka-client.log (quarkusio/quarkus#22775)
    {"2022-01-10 17:34:27,362 WARN  [org.apa.kaf.cli.NetworkClient] "
     "(smallrye-kafka-consumer-thread-1) [Consumer clientId=kafka-consumer-source-in, "
     "groupId=code-with-quarkus] Bootstrap broker localhost:49156 (id: -1 rack: null) "
     "disconnected",
     "", Level::kWarn, "org.apa.kaf.cli.NetworkClient", "smallrye-kafka-consumer-thread-1", -1,
     "[Consumer clientId=kafka-consumer-source-in, groupId=code-with-quarkus] Bootstrap broker "
     "localhost:49156 (id: -1 rack: null) disconnected"},
};
inline constexpr Sample kWildFly[] = {
    // public-layouts/wildfly-console-kafka.log (payara/Cloud-Connectors#21)
    {"15:40:10,727 WARN  [org.apache.kafka.clients.NetworkClient] (kafka-producer-network-thread "
     "| KafkaJCAClient) [Producer clientId=KafkaJCAClient] Connection to node 0 (/127.0.0.1:9092) "
     "could not be established. Broker may not be available.",
     "", Level::kWarn, "org.apache.kafka.clients.NetworkClient",
     "kafka-producer-network-thread | KafkaJCAClient", -1,
     "[Producer clientId=KafkaJCAClient] Connection to node 0 (/127.0.0.1:9092) could not be "
     "established. Broker may not be available."},
};
inline constexpr Sample kSolrAdminUi[] = {
    // public-layouts/solr-admin-ui-table.log (apache/solr-operator#385)
    {"ERROR | StaticHostProvider | Unable to resolve address: "
     "example-solrcloud-zookeeper-1.example-solrcloud-zookeeper-headless.default.svc.cluster."
     "local:2181",
     "", Level::kError, "StaticHostProvider", "", -1,
     "Unable to resolve address: "
     "example-solrcloud-zookeeper-1.example-solrcloud-zookeeper-headless.default.svc.cluster."
     "local:2181"},
};
inline constexpr Sample kAirflow[] = {
    // public-layouts/airflow-task-filename.log (apache/airflow#17507)
    {"[2023-05-04 02:28:14,847] {base.py:71} INFO - Using connection ID ssh_*** for task "
     "execution.",
     "", Level::kInfo, "", "", -1, "Using connection ID ssh_*** for task execution."},
};
inline constexpr Sample kStructlog[] = {
    // public-layouts/structlog-console-airflow.log (apache/airflow#63243)
    {"2026-03-10 02:39:57.112078 [info     ] Task finished                  [supervisor] "
     "duration=1723.7576029417105 exit_code=0 final_state=success",
     "", Level::kInfo, "supervisor", "", -1, "Task finished"},
    {"2026-03-10 02:43:37.239128 [warning  ] Starting call to 'airflow.sdk.api.client.Client."
     "request', this is the 1st time calling it. [airflow.sdk.api.client]",
     "", Level::kWarn, "airflow.sdk.api.client", "", -1,
     "Starting call to 'airflow.sdk.api.client.Client.request', this is the 1st time calling it."},
};
inline constexpr Sample kElasticsearch5[] = {
    // public-layouts/es5-node-name.log (pires/kubernetes-elasticsearch-cluster#124)
    {"[2017-09-07T02:40:07,833][WARN ][o.e.d.z.ZenDiscovery     ] [es-client-3470701633-b2vtp] "
     "not enough master nodes discovered during pinging (found [[]], but needed [1]), pinging "
     "again",
     "", Level::kWarn, "o.e.d.z.ZenDiscovery", "", -1,
     "not enough master nodes discovered during pinging (found [[]], but needed [1]), pinging "
     "again"},
};
inline constexpr Sample kLogstash[] = {
    // public-layouts/logstash7-pipeline-id.log (logstash-plugins/logstash-integration-kafka#37)
    {"[2020-05-22T10:06:28,149][WARN ][org.apache.kafka.clients.NetworkClient][main] [Producer "
     "clientId=producer-1] Error connecting to node 7b9b3d1abf9d:9094 (id: 1001 rack: null)",
     "", Level::kWarn, "org.apache.kafka.clients.NetworkClient", "", -1,
     "[Producer clientId=producer-1] Error connecting to node 7b9b3d1abf9d:9094 (id: 1001 rack: "
     "null)"},
};
inline constexpr Sample kAirlift[] = {
    // public-layouts/presto-airlift-tabs.log (twitter-forks/presto#28); the message holds tabs
    {"2016-02-24T14:44:25.726-0800\tINFO\tquery-execution-2\tcom.facebook.presto.execution."
     "SqlQueryManager\tQuery complete\t20160224_224424_00002_rjae5\tFINISHED\tnull\tnull\tbillg\t"
     "811.80ms\tshow catalogs",
     "", Level::kInfo, "com.facebook.presto.execution.SqlQueryManager", "query-execution-2", -1,
     "Query complete\t20160224_224424_00002_rjae5\tFINISHED\tnull\tnull\tbillg\t811.80ms\tshow "
     "catalogs"},
};
inline constexpr Sample kPlayMdc[] = {
    // public-layouts/lagom-mdc-brackets.log (lagom/lagom#1285)
    {"2019-01-19T14:22:13.633Z [warn] org.apache.kafka.clients.NetworkClient [] - Connection to "
     "node -1 could not be established. Broker may not be available.",
     "", Level::kWarn, "org.apache.kafka.clients.NetworkClient", "", -1,
     "Connection to node -1 could not be established. Broker may not be available."},
};
inline constexpr Sample kZapConsole[] = {
    // public-layouts/kubeblocks-zap-console-tabs.log (apecloud/kubeblocks#9165)
    {"2025-04-02T11:39:50.202Z\tINFO\treconcile object *v1.Component with action STATUS OK\t"
     "{\"controller\": \"component\", \"controllerGroup\": \"apps.kubeblocks.io\", "
     "\"controllerKind\": \"Component\", \"Component\": "
     "{\"name\":\"zkeeper-vmmphk-zookeeper\",\"namespace\":\"default\"}, \"namespace\": "
     "\"default\", \"name\": \"zkeeper-vmmphk-zookeeper\", \"reconcileID\": "
     "\"b689c128-1994-4f24-a523-4f915ea2097a\", \"component\": "
     "{\"name\":\"zkeeper-vmmphk-zookeeper\",\"namespace\":\"default\"}}",
     "", Level::kInfo, "", "", -1, "reconcile object *v1.Component with action STATUS OK"},
};
inline constexpr Sample kDataSophon[] = {
    // public-layouts/datasophon-level-first-nomillis.log (iflytek/datasophon#559)
    {"[INFO] 2024-05-20 13:37:25 TaskLogLogger-HDFS-NameNode:[82] - Start to configure service "
     "role NameNode",
     "", Level::kInfo, "TaskLogLogger-HDFS-NameNode", "", -1,
     "Start to configure service role NameNode"},
};
inline constexpr Sample kBracketLogger[] = {
    // public-layouts/openmldb-java-bracket-logger.log (4paradigm/OpenMLDB#2481)
    {"2022-09-15 21:00:41,856 INFO [org.apache.zookeeper.ClientCnxn] - Unable to read additional "
     "data from server sessionid 0x205ea539ae40000, likely server has closed socket, closing "
     "socket "
     "connection and attempting reconnect",
     "", Level::kInfo, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Unable to read additional data from server sessionid 0x205ea539ae40000, likely server has "
     "closed socket, closing socket connection and attempting reconnect"},
};
inline constexpr Sample kGlassfishOdl[] = {
    // public-layouts/payara-odl-message-next-line.log (payara/Payara#4670); the message is on the
    // next line
    {"[2020-05-15T11:37:56.531-0600] [Payara 5.201] [INFO] [] "
     "[fish.payara.nucleus.hazelcast.HazelcastCore] [tid: _ThreadID=30 "
     "_ThreadName=RunLevelControllerThread-1589564276091] [timeMillis: 1589564276531] "
     "[levelValue: 800] [[",
     "", Level::kInfo, "fish.payara.nucleus.hazelcast.HazelcastCore",
     "RunLevelControllerThread-1589564276091", -1, ""},
};

inline constexpr Sample kGlassfishUlf[] = {
    // public-layouts/glassfish-ulf-payara-docker.log (payara/Payara#3434); the message is on the
    // next line
    {"[#|2018-11-19T11:14:50.172+0000|WARNING|Payara 5.183|org.glassfish.grizzly.config."
     "GenericGrizzlyListener|_ThreadID=17;_ThreadName=RunLevelControllerThread-1542626088250;"
     "_TimeMillis=1542626090172;_LevelValue=900;|",
     "", Level::kWarn, "org.glassfish.grizzly.config.GenericGrizzlyListener",
     "RunLevelControllerThread-1542626088250", -1, ""},
};

inline constexpr Sample kIgniteQuiet[] = {
    // public-layouts/ignite-quiet-console-jul.log (apache/ignite#12315)
    {"[12:52:24] (wrn) Default Spring XML file not found (is IGNITE_HOME set?): "
     "config/default-config.xml",
     "", Level::kWarn, "", "", -1,
     "Default Spring XML file not found (is IGNITE_HOME set?): config/default-config.xml"},
    {"[12:52:25] Ignite documentation: https://ignite.apache.org", "", Level::kUnknown, "", "", -1,
     "Ignite documentation: https://ignite.apache.org"},
};

inline constexpr Sample kPlayFile[] = {
    // public-layouts/play-file-message-next-line.log (manub/scalatest-embedded-kafka#32); the
    // message is the next line
    {"2016-08-11 13:15:47,553 - [TRACE] - from org.apache.zookeeper.server.NIOServerCnxn in "
     "SyncThread:0",
     "", Level::kTrace, "org.apache.zookeeper.server.NIOServerCnxn", "SyncThread:0", -1, ""},
};
inline constexpr Sample kLibrdkafka[] = {
    // public-layouts/rdkafka-debug-raw.log (confluentinc/confluent-kafka-dotnet#1477)
    {"%7|1608570438.367|BROADCAST|rdkafka#consumer-1| [thrd:127.0.0.1:9092/1]: Broadcasting state "
     "change",
     "", Level::kDebug, "rdkafka#consumer-1", "127.0.0.1:9092/1", -1, "Broadcasting state change"},
};
inline constexpr Sample kLibrdkafkaDotnet[] = {
    // public-layouts/librdkafka-syslog-digit-pipes-wrapped.log (confluentinc/librdkafka#2437); the
    // poster's terminal cut the message
    {"7|2019-07-30 09:34:01.685|rdkafka#producer-1|METADATA| "
     "[thrd:sasl_plaintext://99.12.141.43:9093/bootstrap]: Requesting metadata for 1/1 topics: b",
     "", Level::kDebug, "rdkafka#producer-1", "sasl_plaintext://99.12.141.43:9093/bootstrap", -1,
     "Requesting metadata for 1/1 topics: b"},
};
inline constexpr Sample kMysql8[] = {
    // public-layouts/mysql8-error-code-subsystem.log (tstack/lnav's test/logfile_mysql_error.0)
    {"2020-08-06T14:25:02.936146Z 0 [Warning] [MY-010068] [Server] CA certificate "
     "/var/mysql/sslinfo/cacert.pem is self signed.",
     "", Level::kWarn, "Server", "0", -1,
     "CA certificate /var/mysql/sslinfo/cacert.pem is self signed."},
    // MySQL 8's startup line, as the docker image prints it
    {"2021-03-01T10:00:00.123456Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.23) "
     "starting as process 1",
     "", Level::kInfo, "Server", "0", -1, "/usr/sbin/mysqld (mysqld 8.0.23) starting as process 1"},
};
inline constexpr Sample kRedis[] = {
    // public-layouts/redis7-pid-role-year-symbol.log (toeverything/AFFiNE#8106)
    {"1:C 03 Sep 2024 06:50:02.713 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", "",
     Level::kInfo, "", "", -1, "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"},
    {"1:M 03 Sep 2024 06:50:02.715 # WARNING: The TCP backlog setting of 511 cannot be enforced",
     "", Level::kWarn, "", "", -1, "WARNING: The TCP backlog setting of 511 cannot be enforced"},
};
inline constexpr Sample kRedisNoYear[] = {
    // unread-layouts/redis-pid-role-symbol-level.log
    {"14229:M 02 Feb 15:11:56.715 # Server initialized", "", Level::kWarn, "", "", -1,
     "Server initialized"},
};
inline constexpr Sample kRedis2[] = {
    // public-layouts/redis28-compose-bracket-pid.log (sameersbn/docker-gitlab#320)
    {"[9] 14 May 13:19:52.866 * The server is now ready to accept connections on port 6379", "",
     Level::kInfo, "", "", -1, "The server is now ready to accept connections on port 6379"},
};
inline constexpr Sample kDotnetConsole[] = {
    // public-layouts/dotnet-console-two-line.log (zarusz/SlimMessageBus#213); the message is the
    // next line
    {"info: SlimMessageBus.Host.Kafka.KafkaMessageBus[0]", "", Level::kInfo,
     "SlimMessageBus.Host.Kafka.KafkaMessageBus", "", -1, ""},
};
inline constexpr Sample kGlogFileHeader[] = {
    // public-layouts/glog-file-header-year.log (docker-archive/classicswarm#1853)
    {"Log file created at: 2016/02/23 10:51:35", "", Level::kUnknown, "", "", -1, ""},
};
inline constexpr Sample kErlangReport[] = {
    // public-layouts/erlang-error-report.log (huaban/erlzk#1); the message is the next line
    {"=ERROR REPORT==== 25-Dec-2014::12:20:53 ===", "", Level::kError, "", "", -1, ""},
};
inline constexpr Sample kZeppelin[] = {
    // public-layouts/zeppelin-braces-thread.log (apache/zeppelin#1399)
    {" INFO [2016-09-02 14:35:25,224] ({main} ZeppelinConfiguration.java[create]:110) - Zeppelin "
     "Version: 0.7.0-SNAPSHOT",
     "", Level::kInfo, "", "main", -1, "Zeppelin Version: 0.7.0-SNAPSHOT"},
};
inline constexpr Sample kLoggerMethodLine[] = {
    // public-layouts/ssm-logger-method-line.log (Intel-bigdata/SSM#964)
    {"2017-08-18 18:55:39,264 INFO org.apache.zeppelin.socket.NotebookServer.onMessage 177: "
     "messagereceived.op = PING",
     "", Level::kInfo, "org.apache.zeppelin.socket.NotebookServer", "", -1,
     "messagereceived.op = PING"},
};
inline constexpr Sample kPythonTimeDash[] = {
    // public-layouts/ambari-agent-resource-dash.log (apache/bigtop#1030)
    {"2022-10-02 08:33:39,784 - Changing group for /var/run/zookeeper from 995 to hadoop", "",
     Level::kUnknown, "", "", -1, "Changing group for /var/run/zookeeper from 995 to hadoop"},
};
}  // namespace faultline::builtin_samples
