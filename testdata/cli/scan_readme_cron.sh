# The README's crontab line, as written (only the paths moved into a scratch directory), run twice
# over a growing log directory: the first run is silent, the second reports the seed incident once,
# a third is silent again.
source "$(dirname "$0")/lib.bash"
readme="$TESTDATA/../README.md"
cron=$(grep -m1 '^\*/5 \* \* \* \* faultline scan ' "$readme") || fail "no crontab line in README.md"
command=${cron#\*/5 \* \* \* \* }  # drop the schedule
command=${command//\/var\/lib\/faultline/$SCRATCH/lib}
command=${command//\/var\/log/$SCRATCH/log}
command="\"\$FAULTLINE\"${command#faultline}"
echo "running: $command"
mkdir -p "$SCRATCH/lib" "$SCRATCH/log/zookeeper" "$SCRATCH/log/hadoop-hdfs"
seed="$TESTDATA/incidents/zkfc-connectionloss"
zk="$SCRATCH/log/zookeeper/zookeeper.log" zkfc="$SCRATCH/log/hadoop-hdfs/hadoop-hdfs-zkfc-nn1.log"
cron_run() {
  OUT="$SCRATCH/stdout" ERR="$SCRATCH/stderr"
  FAULTLINE=$FAULTLINE sh -c "$command" >"$OUT" 2>"$ERR" </dev/null
  STATUS=$?
}
# The ZKFC log without its earlier HealthMonitor time-out (04:51:37, an incident of its own):
# this test is about the seed's chain.
zkfc_lines() { grep -v '^2019-09-17 04:51:37,336 ' "$seed/hadoop-hdfs-zkfc-nn1.log"; }
# 05:00-05:04:03: before the fault (the leader's first slow fsync is at 05:04:04).
head -846 "$seed/zk-leader.log" >"$zk"
zkfc_lines | head -55 >"$zkfc"
cron_run
expect_status 0
[ ! -s "$OUT" ] || fail "first run printed: $(head -3 "$OUT")"
# Five minutes later the logs have grown past the fault.
sed -n '847,$p' "$seed/zk-leader.log" >>"$zk"
zkfc_lines | sed -n '56,$p' >>"$zkfc"
cron_run
expect_status 1
[ "$(grep -c '^\[[0-9]*\] ' "$OUT")" -eq 1 ] || fail "expected one incident: $(cat "$OUT")"
grep -q '^\[1\] CRITICAL  .*(rule zk-txn-timeout-zkfc-exit)$' "$OUT" || fail "$(head -3 "$OUT")"
cron_run
expect_status 0
[ ! -s "$OUT" ] || fail "third run printed: $(head -3 "$OUT")"
pass
