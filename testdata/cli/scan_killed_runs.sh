# A scan killed (SIGKILL) at random points over a large input, then run to completion, writes
# exactly the reports and line counts of an uninterrupted scan: nothing lost, nothing twice, state
# never broken.
source "$(dirname "$0")/lib.bash"
seed="$TESTDATA/incidents/zkfc-connectionloss"
# 24 copies of the seed hour, each shifted by 2 h: ~13 MB and 24 incidents.
python3 - "$seed" "$SCRATCH/logs" <<'PY'
import os, re, sys, datetime
seed, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
stamp = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")
for name in ("zk-leader.log", "hadoop-hdfs-zkfc-nn1.log", "monitor.log"):
    lines = open(os.path.join(seed, name)).read().splitlines(True)
    with open(os.path.join(out, name), "w") as f:
        for copy in range(24):
            shift = datetime.timedelta(hours=2 * copy)
            for line in lines:
                m = stamp.match(line)
                if m:
                    t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S") + shift
                    line = t.strftime("%Y-%m-%d %H:%M:%S") + line[19:]
                f.write(line)
PY
mkdir "$SCRATCH/clean-reports" "$SCRATCH/killed-reports"
run scan --state "$SCRATCH/clean.state" --quiet --report-dir "$SCRATCH/clean-reports" "$SCRATCH/logs"
expect_status 1
clean=$(ls "$SCRATCH/clean-reports" | sort)
[ "$(ls "$SCRATCH/clean-reports" | grep -c 'zk-txn-timeout-zkfc-exit.*json$')" -eq 24 ] || fail "baseline: $(ls "$SCRATCH/clean-reports" | head)"
for delay in 0.02 0.05 0.08 0.11 0.03 0.06; do  # a run takes ~0.13 s here
  "$FAULTLINE" scan --state "$SCRATCH/killed.state" --quiet --report-dir "$SCRATCH/killed-reports" \
    "$SCRATCH/logs" >/dev/null 2>"$SCRATCH/kill.err" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -f "$SCRATCH/killed.state" ]; then
    tail -n 1 "$SCRATCH/killed.state" | grep -qx end || fail "state file broken after kill at $delay s"
  fi
done
run scan --state "$SCRATCH/killed.state" --quiet --report-dir "$SCRATCH/killed-reports" "$SCRATCH/logs"
[ "$STATUS" -le 1 ] || fail "final run: $STATUS $(cat "$ERR")"
killed=$(ls "$SCRATCH/killed-reports" | grep -v '\.tmp$' | sort)
[ "$clean" = "$killed" ] || fail "reports differ: $(diff <(echo "$clean") <(echo "$killed") | head)"
# The same lines were counted: each log's end offset and line number agree with the clean run's.
positions() { awk '$1 == "file" { print $4, $5, $NF }' "$1" | sort; }
[ "$(positions "$SCRATCH/clean.state")" = "$(positions "$SCRATCH/killed.state")" ] ||
  fail "line counts differ: $(diff <(positions "$SCRATCH/clean.state") <(positions "$SCRATCH/killed.state"))"
[ "$(positions "$SCRATCH/clean.state" | wc -l)" -eq 3 ] || fail "state lacks logs: $(cat "$SCRATCH/clean.state")"
run scan --state "$SCRATCH/killed.state" --quiet "$SCRATCH/logs"
expect_status 0
[ ! -s "$OUT" ] || fail "a later run repeated an incident"
pass
