# --tz for all sources and per host, --skew per host; bad values are usage errors (exit 2).
source "$(dirname "$0")/lib.bash"
printf '2019-09-17 13:04:12,043 [myid:3] - WARN  [main:Leader@1] - leader\n' >"$SCRATCH/zk1.log"
printf '2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: fatal\n' \
  >"$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
run events --tz zk1=Asia/Shanghai --skew nn1=-1.5s "$SCRATCH/zk1.log" "$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
expect_status 0
python3 - "$OUT" <<'PY' || fail "zone or skew not applied"
import json, sys
e = [json.loads(l) for l in open(sys.argv[1])]
assert [x["instant"] for x in e] == ["2019-09-17T05:04:11.118Z", "2019-09-17T05:04:12.043Z"], e
assert e[1]["local_time"] == "2019-09-17 13:04:12.043", e[1]
PY
run timeline --tz Asia/Shanghai "$SCRATCH/zk1.log"
expect_status 0
expect_stdout_has "2019-09-17 05:04:12.043 zk1"
run timeline --tz Mars/Olympus_Mons "$SCRATCH/zk1.log"
expect_status 2
expect_stderr_line "faultline: error: unknown time zone 'Mars/Olympus_Mons' (use an IANA name such as Europe/Berlin or UTC)"
run timeline --skew nn1=fast "$SCRATCH/zk1.log"
expect_status 2
expect_stderr_line "faultline: error: --skew 'nn1=fast': bad duration 'fast': expected a number then a unit (500ms, 30s, 5m, 2h)"
pass
