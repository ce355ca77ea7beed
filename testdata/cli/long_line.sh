# A 10 MB line is one record, kept whole, between its neighbours; nothing is lost.
source "$(dirname "$0")/lib.bash"
{
  echo '2019-09-17 05:04:01,000 INFO org.apache.hadoop.ha.HealthMonitor: before'
  printf '2019-09-17 05:04:02,000 WARN org.apache.hadoop.ha.HealthMonitor: '
  head -c 10000000 /dev/zero | tr '\0' 'x'
  echo
  echo '2019-09-17 05:04:03,000 INFO org.apache.hadoop.ha.HealthMonitor: after'
} >"$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
run events "$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
expect_status 0
[ "$(wc -l <"$OUT")" -eq 3 ] || fail "expected 3 events, got $(wc -l <"$OUT")"
python3 - "$OUT" <<'PY' || fail "long message not kept whole"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
assert [e["level"] for e in events] == ["INFO", "WARN", "INFO"], events
assert len(events[1]["message"]) == 10_000_000, len(events[1]["message"])
PY
pass
