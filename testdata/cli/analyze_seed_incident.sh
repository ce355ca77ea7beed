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
steps = [(l["name"], l["delta_from_root_ms"]) for l in inc["chain"] if l["kind"] == "step"]
assert steps == [("timeout", 0), ("elector", 360), ("fatal", 575)], steps
assert any(c["name"] == "tickTime" and c["value"] == "2000" and c["default"] for c in inc["configuration"])
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
