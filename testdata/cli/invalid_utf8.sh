# Bytes that are not UTF-8 are kept in place and shown as U+FFFD in JSON; every line is valid JSON.
source "$(dirname "$0")/lib.bash"
printf '2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Leader@1] - bad \xff\xfe bytes \xc3\n2019-09-17 05:04:12,044 [myid:3] - INFO  [main:Leader@2] - caf\xc3\xa9\n' >"$SCRATCH/zk.log"
run events "$SCRATCH/zk.log"
expect_status 0
python3 - "$OUT" <<'PY' || fail "invalid UTF-8 handling"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert events[0]["message"] == "bad \ufffd\ufffd bytes \ufffd", events[0]["message"]
assert events[1]["message"] == "caf\u00e9", events[1]["message"]
PY
pass
