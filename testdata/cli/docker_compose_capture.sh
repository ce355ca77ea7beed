# A `docker compose logs` capture interleaves services: each service becomes a host with its own
# parser, and the records come out in log-time order.
source "$(dirname "$0")/lib.bash"
cat >"$SCRATCH/compose.log" <<'LOG'
zk1      | 2019-09-17 05:04:12,043 [myid:1] - WARN  [QuorumPeer[myid=1]/0.0.0.0:2181:LearnerHandler@702] - Closing connection to peer due to transaction timeout.
monitor  | 2019-09-17 05:04:03,691 -connection:connection.py-L608-WARNING: Connection dropped: outstanding heartbeat ping not received
zkfc-nn1 | 2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: Got a fatal error, exiting now
zkfc-nn1 | java.lang.RuntimeException: ZK Failover Controller failed
zkfc-nn1 | 	at org.apache.hadoop.ha.ZKFailoverController.mainLoop(ZKFailoverController.java:369)
zk1      | 2019-09-17 05:04:12,050 [myid:1] - INFO  [main:Leader@1] - after
LOG
run events "$SCRATCH/compose.log"
expect_status 0
python3 - "$OUT" <<'PY' || fail "compose capture"
import json, sys
e = [json.loads(l) for l in open(sys.argv[1])]
got = [(x["host"], x["format"], x["line"]) for x in e]
assert got == [("monitor", "python", 2), ("zk1", "zookeeper", 1), ("zk1", "zookeeper", 6),
               ("zkfc-nn1", "hadoop", 3)], got
assert e[3]["continuation"].startswith("java.lang.RuntimeException"), e[3]
assert e[3]["component"] == "zkfc", e[3]
PY
pass
