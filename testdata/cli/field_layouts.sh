# Lines as people post them publicly (testdata/parsers/field-layouts) are read with the right
# parser and variant, level, logger, thread and message; an excerpt without any time gets
# order-only instants in line order.
source "$(dirname "$0")/lib.bash"
cd "$TESTDATA/parsers/field-layouts" || fail "no field-layouts fixtures"
run sources .
expect_status 0
expect_same expected-sources.txt "$OUT"

# events: one JSON object per record; check the fields of each sample line.
run events .
expect_status 0
expect_fields ./strimzi-zookeeper.log 1 \
  "java|ERROR|org.apache.zookeeper.server.quorum.QuorumPeer|main|Unable to load database on disk|2020-06-22T07:24:55.665Z"
expect_fields ./strimzi-zookeeper.log 4 \
  "java|WARN|org.apache.zookeeper.server.persistence.FileTxnLog|SyncThread:2|fsync-ing the write ahead log in SyncThread:2 took 3932ms which will adversely effect operation latency. File size is 67108880 bytes. See the ZooKeeper troubleshooting guide|2021-03-31T07:37:45.243Z"
expect_fields ./kafka-zookeeper.log 1 \
  "java|WARN|org.apache.zookeeper.ClientCnxn||Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and attempting reconnect|2021-04-02T01:33:58.687Z"
expect_fields ./hadoop-hdfs-zkfc-console.log 1 \
  "hadoop|WARN|ha.HealthMonitor||Transport-level exception trying to monitor health of NameNode at nn1/10.0.0.1:8020|2015-12-05T15:08:06.000Z"
expect_fields ./vendor-pipe.log 1 \
  "java|WARN|org.apache.zookeeper.server.quorum.Follower|QuorumPeer[myid=26](plain=/10.0.0.26:24002)(secure=disabled)|Exception when following the leader|2016-06-23T08:00:18.763Z"
expect_fields ./logback-thread.log 1 \
  "logback|WARN|o.a.z.server.persistence.FileTxnLog|SyncThread:0|fsync-ing the write ahead log ...|2017-06-15T19:00:05.371Z"
expect_fields ./play-dash.log 1 \
  "logback|WARN|o.a.z.ClientCnxn||Session 0x0 for server ...|2022-08-18T11:00:52.999Z"
expect_fields ./hadoop-hdfs-namenode-ambari.log 1 \
  "hadoop|WARN|ha.HealthMonitor||Transport-level exception ...|2017-09-04T05:02:26.019Z"
expect_fields ./pasted-zookeeper.log 1 \
  "timeless|FATAL|QuorumPeer|main|Unable to load database on disk|1970-01-01T00:00:00.001Z"
expect_fields ./pasted-zookeeper.log 3 \
  "timeless|ERROR||SyncThread:0|java.lang.OutOfMemoryError: Java heap space|1970-01-01T00:00:00.003Z"
expect_fields ./pasted-hadoop.log 1 \
  "timeless|INFO|org.apache.hadoop.ha.NodeFencer||====== Beginning Service Fencing Process... ======|1970-01-01T00:00:00.001Z"
expect_fields ./pasted-hadoop.log 2 \
  "timeless|WARN|util.JvmPauseMonitor|JvmPauseMonitor|Detected pause in JVM or host machine (eg GC): pause of approximately 143017ms|1970-01-01T00:00:00.002Z"
expect_fields ./python-lower.log 1 \
  "python|WARN|kazoo.client||Connection dropped: socket connection broken|2019-09-17T05:04:03.691Z"
expect_fields ./python-lower.log 2 "python|INFO|kazoo.client||Connecting to zk1:2181|2019-09-17T05:04:03.692Z"
pass
