"""The records every pattern of the zoo writes: real ZooKeeper, HDFS-HA and kazoo messages.

Message texts are as the ZooKeeper 3.8, Hadoop 3.3 and kazoo 2.9 sources log them (the seed
incident's ZKFC and LearnerHandler lines among them); loggers, threads, files and line numbers
are the ones those lines carry in real logs.
"""

ZKFC_TRACE = [
    "java.lang.RuntimeException: ZK Failover Controller failed: Received stat error from Zookeeper. "
    "code:CONNECTIONLOSS. Not retrying further znode monitoring connection errors.",
    "\tat org.apache.hadoop.ha.ZKFailoverController.mainLoop(ZKFailoverController.java:369)",
    "\tat org.apache.hadoop.ha.ZKFailoverController.doRun(ZKFailoverController.java:238)",
    "\tat org.apache.hadoop.hdfs.tools.DFSZKFailoverController.main(DFSZKFailoverController.java:194)",
]

ZK_TRACE = [
    "java.io.IOException: Len error 1073741824",
    "\tat org.apache.zookeeper.server.NIOServerCnxn.readLength(NIOServerCnxn.java:534)",
    "\tat org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:332)",
    "\tat java.base/java.lang.Thread.run(Thread.java:829)",
]

JAVA = [
    dict(level="INFO", logger="org.apache.zookeeper.server.quorum.QuorumPeer",
         thread="QuorumPeer[myid=2](plain=0.0.0.0:2181)(secure=disabled)",
         file="QuorumPeer.java", method="run", line=1409, message="LOOKING"),
    dict(level="INFO", logger="org.apache.zookeeper.server.quorum.FastLeaderElection",
         thread="QuorumPeer[myid=2](plain=0.0.0.0:2181)(secure=disabled)",
         file="FastLeaderElection.java", method="lookForLeader", line=979,
         message="New election. My id = 2, proposed zxid=0x100000003"),
    dict(level="WARN", logger="org.apache.zookeeper.server.quorum.LearnerHandler",
         thread="LearnerHandler-/10.0.0.3:45316", file="LearnerHandler.java", method="run",
         line=737, message="Closing connection to peer due to transaction timeout."),
    dict(level="DEBUG", logger="org.apache.zookeeper.server.FinalRequestProcessor",
         thread="CommitProcWorkThread-1", file="FinalRequestProcessor.java",
         method="processRequest", line=110,
         message="Processing request:: sessionid:0x100000a1b2c0001 type:ping cxid:0xfffffffffffffffe "
         "zxid:0xfffffffffffffffe txntype:unknown reqpath:n/a"),
    dict(level="ERROR", logger="org.apache.hadoop.ha.ActiveStandbyElector", thread="main-EventThread",
         file="ActiveStandbyElector.java", method="fatalError", line=1115,
         message="Received stat error from Zookeeper. code:CONNECTIONLOSS. Not retrying further znode "
         "monitoring connection errors."),
    dict(level="ERROR", logger="org.apache.hadoop.hdfs.tools.DFSZKFailoverController", thread="main",
         file="DFSZKFailoverController.java", method="main", line=194,
         message="Got a fatal error, exiting now", trace=ZKFC_TRACE),
    dict(level="INFO", logger="org.apache.zookeeper.ClientCnxn",
         thread="main-SendThread(zk1.example.com:2181)", file="ClientCnxn.java",
         method="logStartConnect", line=1171,
         message="Opening socket connection to server zk1.example.com/10.0.0.1:2181."),
    dict(level="WARN", logger="org.apache.zookeeper.ClientCnxn",
         thread="main-SendThread(zk1.example.com:2181)", file="ClientCnxn.java", method="run",
         line=1285,
         message="Client session timed out, have not heard from server in 6669ms for session id "
         "0x15b8ae1e1660000"),
    dict(level="WARN", logger="org.apache.zookeeper.server.persistence.FileTxnLog",
         thread="SyncThread:1", file="FileTxnLog.java", method="commit", line=353,
         message="fsync-ing the write ahead log in SyncThread:1 took 1327ms which will adversely "
         "effect operation latency.File size is 67108880 bytes. See the ZooKeeper troubleshooting guide"),
    dict(level="INFO", logger="org.apache.hadoop.ha.ZKFailoverController",
         thread="HealthMonitor-for-nn1/10.0.0.5:8020", file="ZKFailoverController.java",
         method="setLastHealthState", line=920,
         message="Local service NameNode at nn1/10.0.0.5:8020 entered state: SERVICE_HEALTHY"),
    dict(level="WARN", logger="org.apache.zookeeper.server.NIOServerCnxn",
         thread="NIOWorkerThread-3", file="NIOServerCnxn.java", method="doIO", line=373,
         message="Unexpected exception", trace=ZK_TRACE),
    dict(level="INFO", logger="org.apache.zookeeper.server.ZooKeeperServer", thread="main",
         file="Environment.java", method="logEnv", line=98,
         message="Server environment:java.version=11.0.20"),
]

KAZOO_TRACE = [
    "Traceback (most recent call last):",
    '  File "/opt/monitor/check.py", line 42, in check',
    '    zk.get("/hadoop-ha/ns1/ActiveStandbyElectorLock")',
    "kazoo.exceptions.ConnectionLoss",
]

PYTHON = [
    dict(level="INFO", logger="kazoo.protocol.connection", module="connection",
         file="connection.py", method="_connect_attempt", line=612, thread="Thread-1",
         message="Connecting to zk1.example.com(10.0.0.1):2181, use_ssl: False"),
    dict(level="INFO", logger="kazoo.client", module="client", file="client.py",
         method="_session_callback", line=568, thread="Thread-1",
         message="Zookeeper connection established, state: CONNECTED"),
    dict(level="WARNING", logger="kazoo.client", module="client", file="client.py",
         method="_connect_loop", line=619, thread="Thread-1",
         message="Connection dropped: outstanding heartbeat ping not received"),
    dict(level="WARNING", logger="kazoo.client", module="client", file="client.py",
         method="_session_callback", line=584, thread="Thread-1",
         message="Transition to CONNECTING"),
    dict(level="DEBUG", logger="kazoo.protocol.connection", module="connection",
         file="connection.py", method="_submit", line=294, thread="Thread-1",
         message="Sending request(xid=12): GetData(path='/hadoop-ha/ns1/ActiveStandbyElectorLock', "
         "watcher=None)"),
    dict(level="ERROR", logger="zkmonitor", module="check", file="check.py", method="check",
         line=45, thread="MainThread", message="health check of /hadoop-ha failed",
         trace=KAZOO_TRACE),
    dict(level="WARNING", logger="kazoo.client", module="client", file="client.py",
         method="_session_callback", line=573, thread="Thread-1",
         message="Zookeeper session lost, state: EXPIRED_SESSION"),
]
