# A pasted excerpt that opens inside a record (its exception line and frames, the header with the
# time cut off) gives that record the first time that follows, flagged inherited-time: the engine
# reads it like any other record, where before it had no time and no rule could see it.
source "$(dirname "$0")/lib.bash"
incident="$TESTDATA/incidents/zkfc-connectionloss"
# From the ZKFC's exception line on: the FATAL header above it (line 90) is not in the paste.
sed -n '91,$p' "$incident/hadoop-hdfs-zkfc-nn1.log" >"$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
head -1 "$SCRATCH/hadoop-hdfs-zkfc-nn1.log" | grep -q '^java.lang.RuntimeException: ZK Failover' ||
  fail "the paste does not open with the exception line"
run events "$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
expect_status 0
first=$(head -1 "$OUT")
second=$(sed -n 2p "$OUT")
case $first in
  '{"instant":"2019-09-17T05:04:12.622Z",'*'"line":1,'*'"flags":["unparsed","inherited-time"]}') ;;
  *) fail "the opening record: $first" ;;
esac
case $second in
  '{"instant":"2019-09-17T05:04:12.622Z","local_time":"2019-09-17 05:04:12.622",'*) ;;
  *) fail "the first timed record: $second" ;;
esac
# Its frames stay its continuation.
grep -q '"line":1,.*"continuation":"\\tat org.apache.hadoop.ha.ZKFailoverController.mainLoop' "$OUT" ||
  fail "the opening record lost its frames"
pass
