# The seed incident: the LearnerHandler transaction timeout is the root cause, the ZKFC's FATAL
# follows 575ms later, tickTime × syncLimit is cited with its values, and the remedy is given.
source "$(dirname "$0")/lib.bash"
dir="$TESTDATA/incidents/zkfc-connectionloss"
run analyze --color never "$dir"
expect_status 1
expect_stdout_has "CRITICAL  Leader dropped a follower for a transaction timeout; the ZKFC then gave up on ZooKeeper"
expect_stdout_has "Probable root cause: timeout on zk-leader at 2019-09-17 05:04:12.043: Closing connection to peer due to transaction timeout."
expect_stdout_has "tickTime × syncLimit = 2000 ms × 5 = 10s"
expect_stdout_has "exited 575ms later"
expect_stdout_has "+575ms from root  fatal @nn1: Got a fatal error, exiting now"
expect_stdout_has "(context) drops @monitor: Connection dropped: outstanding heartbeat ping not received"
expect_stdout_has "zk-leader.log:852  2019-09-17 05:04:12,043 [myid:3] - WARN"
expect_stdout_has "tickTime = 2000 ms (not configured; default of zoo_sample.cfg)"
expect_stdout_has "Remedy: Restart the ZKFC on nn1"
run analyze --format json "$dir"
expect_status 1
python3 - "$OUT" <<'PY' || fail "JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["schema"] == "faultline.analyze/1"
inc = r["incidents"][0]
assert inc["rule"] == "zk-txn-timeout-zkfc-exit" and inc["severity"] == "critical", inc["rule"]
assert inc["root_cause"] == "timeout"
assert inc["fingerprint"] == "zk-txn-timeout-zkfc-exit|zk-leader|2019-09-17T05:04:12.043000Z|8a6d8564", inc["fingerprint"]
steps = [(l["name"], l["delta_from_root_ms"]) for l in inc["chain"] if l["kind"] == "step"]
assert steps == [("timeout", 0), ("elector", 360), ("fatal", 575)], steps
assert any(c["name"] == "tickTime" and c["value"] == "2000" and c["default"] for c in inc["configuration"])
# Inferred: when the learner went silent, checked against the monitor's first missed heartbeat.
assert "stopped ACKing at about 2019-09-17 05:04:02.043." in inc["cause"], inc["cause"]
assert "missed its first heartbeat at 2019-09-17 05:04:03.691, 8.352s before the time-out" in inc["cause"]
assert [b["rule"] for b in inc["behind_root_cause"]] == ["zk-slow-fsync"], inc["behind_root_cause"]
PY
# Without the monitor's log, the sentence about it is left out, not filled with placeholders.
run analyze --format json "$dir/zk-leader.log" "$dir/hadoop-hdfs-zkfc-nn1.log"
expect_status 1
python3 - "$OUT" <<'PY' || fail "cause without the monitor"
import json, sys
cause = json.load(open(sys.argv[1]))["incidents"][0]["cause"]
assert "stopped ACKing at about" in cause and "monitor" not in cause and "\x01" not in cause, cause
PY
run analyze --format markdown "$dir"
expect_status 1
expect_stdout_has "| time (UTC) | Δt from root | step | host | evidence |"
# The same incident from standard input, the three files concatenated.
cat "$dir"/*.log >"$SCRATCH/all.log"
run_stdin "$SCRATCH/all.log" analyze --format json -
expect_status 1
python3 - "$OUT" <<'PY' || fail "stdin analysis"
import json, sys
inc = json.load(open(sys.argv[1]))["incidents"][0]
assert inc["rule"] == "zk-txn-timeout-zkfc-exit" and inc["root_cause"] == "timeout", inc
PY
pass
