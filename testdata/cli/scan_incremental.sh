# Cron mode: an incident split across two runs is reported once, in the run that completes it;
# three more runs report nothing; a half-written last line waits for the next run; a corrupt
# state file is an error (kept, not overwritten); a held lock stops a second run.
source "$(dirname "$0")/lib.bash"
seed="$TESTDATA/incidents/zkfc-connectionloss"
logs="$SCRATCH/logs" state="$SCRATCH/state"
mkdir "$logs"
head -851 "$seed/zk-leader.log" >"$logs/zk-leader.log"               # up to just before the timeout
head -75 "$seed/hadoop-hdfs-zkfc-nn1.log" >"$logs/hadoop-hdfs-zkfc-nn1.log"
run scan --state "$state" --fail-on critical "$logs"
expect_status 0                                                      # nothing critical yet
grep -q "zk-txn-timeout-zkfc-exit" "$OUT" && fail "chain reported before it was complete"
# The rest arrives; the ZKFC's last line is still being written.
sed -n '852,$p' "$seed/zk-leader.log" >>"$logs/zk-leader.log"
sed -n '76,89p' "$seed/hadoop-hdfs-zkfc-nn1.log" >>"$logs/hadoop-hdfs-zkfc-nn1.log"
sed -n '90p' "$seed/hadoop-hdfs-zkfc-nn1.log" | head -c 40 >>"$logs/hadoop-hdfs-zkfc-nn1.log"
run scan --state "$state" --fail-on critical --format json "$logs"
python3 - "$OUT" <<'PY' || fail "run 2"
import json, sys
rules = [i["rule"] for i in json.load(open(sys.argv[1]))["incidents"]]
assert "zk-txn-timeout-zkfc-exit" not in rules, rules   # the FATAL line is not complete yet
PY
grep -q " 89 " <(grep hadoop-hdfs-zkfc-nn1.log "$state") || fail "offset not at the last complete line: $(cat "$state")"
sed -n '90p' "$seed/hadoop-hdfs-zkfc-nn1.log" | tail -c +41 >>"$logs/hadoop-hdfs-zkfc-nn1.log"
sed -n '91,$p' "$seed/hadoop-hdfs-zkfc-nn1.log" >>"$logs/hadoop-hdfs-zkfc-nn1.log"
run scan --state "$state" --fail-on critical --format json "$logs"
expect_status 1
python3 - "$OUT" <<'PY' || fail "run 3"
import json, sys
inc = [i for i in json.load(open(sys.argv[1]))["incidents"] if i["rule"] == "zk-txn-timeout-zkfc-exit"]
assert len(inc) == 1, inc
steps = [(c["name"], c["delta_from_root_ms"]) for c in inc[0]["chain"] if c["kind"] == "step"]
assert steps == [("timeout", 0), ("elector", 360), ("fatal", 575)], steps
PY
for i in 4 5 6; do
  run scan --state "$state" --quiet "$logs"
  expect_status 0
  [ ! -s "$OUT" ] || fail "run $i repeated an incident: $(cat "$OUT")"
done
# A corrupt state file: a clear error, and the file is left as it was.
printf 'faultline-scan-state 2\nruns 3\nfile garbage\n' >"$SCRATCH/bad-state"
cp "$SCRATCH/bad-state" "$SCRATCH/bad-state.orig"
run scan --state "$SCRATCH/bad-state" "$logs"
expect_status 2
grep -q "^faultline: error: $SCRATCH/bad-state:3: .*--reset-state" "$ERR" || fail "$(cat "$ERR")"
cmp -s "$SCRATCH/bad-state" "$SCRATCH/bad-state.orig" || fail "corrupt state overwritten"
run scan --state "$SCRATCH/bad-state" --reset-state --quiet "$logs"
[ "$STATUS" -eq 1 ] || fail "reset run: $STATUS"
# Two runs at once: the second one says so and does nothing.
exec 9>"$state.lock"
flock -n 9 || fail "cannot take the lock for the test"
run scan --state "$state" "$logs"
expect_status 2
expect_stderr_line "faultline: error: another faultline scan is using $state.lock; this run does nothing"
exec 9>&-
pass
