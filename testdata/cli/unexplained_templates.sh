# When no rule explains the logs, the report still points somewhere: per host, the first and the
# rarest warning-or-worse message templates, numbers and ids masked, with counts and times. It is
# information only: the exit status stays 0, even with --fail-on info.
source "$(dirname "$0")/lib.bash"
healthy="$TESTDATA/incidents/healthy-hour"
run analyze --color never --fail-on info "$healthy"
expect_status 0
expect_stdout_has "Unexplained warnings and errors"
# The leader's four slow fsyncs (below any rule's threshold) are one template, counted.
grep -q "^    first WARN x4  2019-09-17 04:36:52.417 .. 2019-09-17 05:17:09.264  fsync-ing the write ahead log in SyncThread:<\*> took <\*> which" "$OUT" ||
  fail "fsync template not listed: $(cat "$OUT")"
expect_stdout_has "e.g. $healthy/zk-leader.log:177"
run analyze --format json "$healthy"
expect_status 0
python3 - "$OUT" <<'PY' || fail "json: $(head -c 600 "$OUT")"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["incidents"] == [], report["incidents"]
fsync = [t for t in report["unexplained"] if t["template"].startswith("fsync-ing")]
assert len(fsync) == 1 and fsync[0]["count"] == 4 and fsync[0]["host"] == "zk-leader", fsync
assert fsync[0]["kind"] == "first" and fsync[0]["line"] == 177, fsync
PY
run analyze --format markdown "$healthy"
expect_stdout_has "## Unexplained warnings and errors"
pass
