# Lines in wrappers (docker/kubectl --timestamps, Docker Desktop's copy, journalctl short-iso and
# short-precise, syslog, docker compose --timestamps) are read by the line inside; Python datefmt
# variants and Patroni; stack frames pasted without their "at" (testdata/parsers/wrapped-layouts).
source "$(dirname "$0")/lib.bash"
# Syslog times have no year: it comes from the file's modification time, so pin it.
cp -r "$TESTDATA/parsers/wrapped-layouts" "$SCRATCH/w" || fail "no wrapped-layouts fixtures"
touch -d '2024-06-01 00:00:00 UTC' "$SCRATCH"/w/*.log
cd "$SCRATCH/w" || fail "cd"
run sources .
expect_status 0
expect_same expected-sources.txt "$OUT"

run events .
expect_status 0
fields() {  # SOURCE LINE -> "format|level|logger|host|component|instant|flags|message|continuation"
  python3 -c '
import json, sys
for l in open(sys.argv[1]):
    j = json.loads(l)
    if j["source"] == sys.argv[2] and j["line"] == int(sys.argv[3]):
        print("|".join([j["format"], j["level"], j["logger"], j["host"], j["component"],
                        j["instant"], ",".join(j["flags"]), j["message"],
                        j["continuation"].replace("\n", "\\n").replace("\t", "\\t")]))
' "$OUT" "$1" "$2"
}
expect_fields() {  # SOURCE LINE EXPECTED
  local got
  got=$(fields "$1" "$2")
  [ "$got" = "$3" ] || fail "$1:$2: got '$got', expected '$3'"
}
# docker logs -t: the inner line's own time; its trace joined; a timeless inner line at the
# wrapper's (real, UTC) time.
expect_fields ./docker-zk1.log 1 \
  "zookeeper|WARN|o.a.z.s.NIOServerCnxn|docker-zk1|zk|2024-07-04T23:23:40.924Z||Close of session 0x0|java.io.IOException: Len error. A message from /192.168.65.1:63633 with advertised length of 1195725856 is either a malformed message or too large to process (length is greater than jute.maxbuffer=1048575)\n\tat org.apache.zookeeper.server.NIOServerCnxn.readLength(NIOServerCnxn.java:557)\n\tat org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:347)\n\tat java.base/java.lang.Thread.run(Thread.java:829)"
expect_fields ./docker-zk1.log 6 \
  "zookeeper|FATAL|QuorumPeer|docker-zk1|zk|2024-07-04T23:23:41.101542Z||Unable to load database on disk|"
# Docker Desktop's copy: the inner time wins over the desktop's local time.
expect_fields ./docker-desktop-copy.log 3 \
  "zookeeper|WARN|o.a.z.s.NIOServerCnxn|docker-desktop-copy|zk|2024-07-04T23:23:40.924Z||Close of session 0x0|java.io.IOException: Len error. A message from /192.168.65.1:63633 with advertised length of 1195725856 is either a malformed message or too large to process (length is greater than jute.maxbuffer=1048575)\n    at org.apache.zookeeper.server.NIOServerCnxn.readLength(NIOServerCnxn.java:557)"
# journald: host from the wrapper, component from the program; systemd's own line kept in place.
# A syslog time's year is the file's (pinned above): flagged date-inferred when the line inside
# has no date of its own.
expect_fields ./journal-short-iso.log 1 \
  "zookeeper|||zk2|zk|2024-05-02T10:11:10.000Z||Started zookeeper.service - Apache ZooKeeper.|"
expect_fields ./journal-short-iso.log 2 \
  "zookeeper|WARN|o.a.z.s.q.Follower|zk2|zk|2024-05-02T10:11:12.123Z||Exception when following the leader|java.net.SocketTimeoutException: Read timed out\n\tat java.base/java.net.SocketInputStream.socketRead0(Native Method)"
expect_fields ./journal-short-precise.log 1 \
  "timeless|WARN|Follower|zk3|zk|2024-05-02T10:11:13.250811Z|date-inferred|Exception when following the leader|java.io.EOFException\n\tat java.base/java.io.DataInputStream.readInt(DataInputStream.java:397)"
expect_fields ./syslog-nn1.log 2 \
  "timeless|WARN|util.JvmPauseMonitor|nn1|zkfc|2024-05-02T10:11:15.000Z|date-inferred|Detected pause in JVM or host machine (eg GC): pause of approximately 143017ms|"
# docker compose logs --timestamps: service prefix, then the docker wrapper.
expect_fields "./compose-timestamps.log[zk1-1]" 1 \
  "zookeeper|WARN|o.a.z.s.q.Leader|zk1-1|zk|2024-05-02T10:11:12.000Z||Shutting down|java.lang.Exception: shutdown Leader! reason: Not sufficient followers synced, only synced with sids: [ 1 ]\n\tat org.apache.zookeeper.server.quorum.Leader.shutdown(Leader.java:745)"
expect_fields "./compose-timestamps.log[monitor-1]" 4 \
  "python|WARN|kazoo.client|monitor-1|monitor|2024-05-02T10:11:12.500Z||Connection dropped: socket connection broken|"
# Python datefmt variants and Patroni.
expect_fields ./asab-kazoo-datefmt.log 2 \
  "python|WARN|kazoo.client|asab-kazoo-datefmt|monitor|2025-06-02T14:18:49.699192Z||Connection dropped: socket connection broken|"
expect_fields ./kazoo-no-fraction.log 3 \
  "python|INFO|kazoo.client|kazoo-no-fraction|monitor|2024-01-01T10:00:01.000Z||Connecting to zk1:2181, use ssl: False|"
expect_fields ./patroni.log 1 \
  "python|WARN||patroni|monitor|2021-06-24T06:31:26.806Z||Connection dropped: socket connection error: Connection refused|"
# Frames without "at" stay with their record.
expect_fields ./pasted-frames.log 1 \
  "zookeeper|WARN|Follower|pasted-frames|zk|2024-05-02T10:11:12.123Z||Exception when following the leader|java.net.SocketTimeoutException: Read timed out\njava.base/java.net.SocketInputStream.socketRead0(Native Method)\norg.apache.zookeeper.server.quorum.Learner.readPacket(Learner.java:158)\norg.apache.zookeeper.server.quorum.Follower.followLeader(Follower.java:108)"

# The same lines on standard input: kubectl logs --timestamps | faultline.
run_stdin docker-zk1.log events -
expect_status 0
python3 - "$OUT" <<'PY' || fail "stdin docker lines: $(cat "$OUT")"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
assert [(e["line"], e["level"], e["instant"]) for e in events] == [
    (1, "WARN", "2024-07-04T23:23:40.924Z"), (6, "FATAL", "2024-07-04T23:23:41.101542Z")], events
assert events[0]["continuation"].count("\n") == 3
PY
# journalctl on standard input: the host comes from the journal.
run_stdin journal-short-iso.log events -
expect_status 0
grep -q '"host":"zk2"' "$OUT" || fail "journald host on stdin: $(cat "$OUT")"
pass
