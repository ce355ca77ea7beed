# The rules learnt from the live 3.8 ensemble also read the 3.4 / 3.5 wordings of the same events:
# "Shutdown called" with the reason on a java.lang.Exception line and "[ 3 ]" (3.4), and
# "LEADER ELECTION TOOK - N" without a unit (3.4); and 3.6+'s ack sets during a reconfig.
source "$(dirname "$0")/lib.bash"
logs="$SCRATCH/logs"
mkdir -p "$logs/zk1" "$logs/zk2" "$logs/zk3"
printf 'tickTime=2000\ninitLimit=10\nsyncLimit=5\n' >"$logs/zoo.cfg"
cat >"$logs/zk3/zookeeper.log" <<'LOG'
2019-09-17 05:04:10,001 [myid:3] - INFO  [QuorumPeer[myid=3]/0.0.0.0:2181:Leader@380] - LEADING - LEADER ELECTION TOOK - 212
2019-09-17 05:05:00,100 [myid:3] - WARN  [RecvWorker:1:QuorumCnxManager$RecvWorker@1025] - Connection broken for id 1, my id = 3, error = 
java.io.EOFException
	at java.io.DataInputStream.readInt(DataInputStream.java:392)
2019-09-17 05:05:00,120 [myid:3] - WARN  [RecvWorker:2:QuorumCnxManager$RecvWorker@1025] - Connection broken for id 2, my id = 3, error = 
java.io.EOFException
2019-09-17 05:05:01,050 [myid:3] - INFO  [QuorumPeer[myid=3]/0.0.0.0:2181:Leader@526] - Shutdown called
java.lang.Exception: shutdown Leader! reason: Not sufficient followers synced, only synced with sids: [ 3 ]
	at org.apache.zookeeper.server.quorum.Leader.shutdown(Leader.java:526)
	at org.apache.zookeeper.server.quorum.Leader.lead(Leader.java:501)
2019-09-17 05:05:01,060 [myid:3] - INFO  [QuorumPeer[myid=3]/0.0.0.0:2181:QuorumPeer@909] - LOOKING
2019-09-17 05:05:30,000 [myid:3] - INFO  [QuorumPeer[myid=3]/0.0.0.0:2181:Leader@380] - LEADING - LEADER ELECTION TOOK - 28900
LOG
run analyze --format json "$logs"
expect_status 1
python3 - "$OUT" <<'PY' || fail "3.4 quorum loss: $(cat "$OUT")"
import json, sys
inc = json.load(open(sys.argv[1]))["incidents"][0]
assert inc["rule"] == "zk-quorum-lost", inc["rule"]
steps = {c["name"]: c for c in inc["chain"]}
assert steps["broken"]["captures"]["peer"] == "1", steps["broken"]
assert steps["shutdown"]["captures"]["synced"] == "3", steps["shutdown"]
assert steps["recovered"]["captures"]["election_ms"] == "28900", steps["recovered"]
PY

# 3.6+ during a reconfig: one ack set per quorum verifier; the first is the synced one.
mkdir -p "$SCRATCH/reconfig/zk3"
cat >"$SCRATCH/reconfig/zk3/zookeeper.log" <<'LOG'
2026-01-01 05:05:00,100 - WARN  [RecvWorker:2:QuorumCnxManager$RecvWorker@1402] - Connection broken for id 2, my id = 3
2026-01-01 05:05:01,050 - INFO  [QuorumPeer[myid=3](plain=0.0.0.0:2181)(secure=disabled):Leader@819] - Shutdown called. For the reason Not sufficient followers synced, only synced with sids: [ [1, 3],[1, 3] ]
LOG
run analyze --format json "$SCRATCH/reconfig"
expect_status 1
python3 - "$OUT" <<'PY' || fail "reconfig ack sets: $(cat "$OUT")"
import json, sys
inc = json.load(open(sys.argv[1]))["incidents"][0]
assert inc["rule"] == "zk-quorum-lost", inc["rule"]
steps = {c["name"]: c for c in inc["chain"]}
assert steps["shutdown"]["captures"]["synced"] == "1, 3", steps["shutdown"]
PY
pass
