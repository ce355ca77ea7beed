# Cron mode across rotation: lines written just before a rename (then gzip) rotation, a
# date-named rotation (x.log-20190917, x.log.2019-09-17), or a copytruncate, are read once;
# nothing is lost and nothing reported twice.
source "$(dirname "$0")/lib.bash"
seed="$TESTDATA/incidents/zkfc-connectionloss"
for mode in rename rename-gzip date-dash date-dot copytruncate; do
  logs="$SCRATCH/$mode" state="$SCRATCH/$mode.state"
  mkdir "$logs"
  head -851 "$seed/zk-leader.log" >"$logs/zk-leader.log"  # both logs written up to 05:04:11
  head -75 "$seed/hadoop-hdfs-zkfc-nn1.log" >"$logs/hadoop-hdfs-zkfc-nn1.log"
  run scan --state "$state" --fail-on critical "$logs"
  expect_status 0
  # The rest is written (the ZKFC's fatal lines too), then its log is rotated before the next run.
  sed -n '852,$p' "$seed/zk-leader.log" >>"$logs/zk-leader.log"
  sed -n '76,$p' "$seed/hadoop-hdfs-zkfc-nn1.log" >>"$logs/hadoop-hdfs-zkfc-nn1.log"
  case $mode in
    rename) mv "$logs/hadoop-hdfs-zkfc-nn1.log" "$logs/hadoop-hdfs-zkfc-nn1.log.1" ;;
    rename-gzip) mv "$logs/hadoop-hdfs-zkfc-nn1.log" "$logs/hadoop-hdfs-zkfc-nn1.log.1"
      gzip "$logs/hadoop-hdfs-zkfc-nn1.log.1" ;;
    date-dash) mv "$logs/hadoop-hdfs-zkfc-nn1.log" "$logs/hadoop-hdfs-zkfc-nn1.log-20190917" ;;
    date-dot) mv "$logs/hadoop-hdfs-zkfc-nn1.log" "$logs/hadoop-hdfs-zkfc-nn1.log.2019-09-17" ;;
    copytruncate) cp "$logs/hadoop-hdfs-zkfc-nn1.log" "$logs/hadoop-hdfs-zkfc-nn1.log.1"
      : >"$logs/hadoop-hdfs-zkfc-nn1.log" ;;
  esac
  printf '2019-09-17 05:10:00,000 INFO org.apache.hadoop.hdfs.tools.DFSZKFailoverController: STARTUP_MSG: restarted\n' \
    >>"$logs/hadoop-hdfs-zkfc-nn1.log"
  run scan --state "$state" --fail-on critical --format json "$logs"
  expect_status 1
  python3 - "$OUT" "$mode" <<'PY' || fail "$mode: incident after rotation"
import json, sys
inc = [i for i in json.load(open(sys.argv[1]))["incidents"] if i["rule"] == "zk-txn-timeout-zkfc-exit"]
assert len(inc) == 1, (sys.argv[2], inc)
PY
  run scan --state "$state" --quiet "$logs"
  expect_status 0
  [ ! -s "$OUT" ] || fail "$mode: reported again after rotation: $(head -3 "$OUT")"
done
pass
