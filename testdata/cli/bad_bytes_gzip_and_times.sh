# Random bytes and a gzip bomb of zeros are skipped as binary in a blink and bounded memory (one
# line each, exit 2); a gzip bomb of text is streamed, never held; times that jump years
# forwards and backwards, and the largest time a layout can write, are kept as written; an
# impossible time (month 13) is not a time: the line inherits the record before's.
source "$(dirname "$0")/lib.bash"
head -c 100000 /dev/urandom >"$SCRATCH/random.log"
head -c 300000000 /dev/zero | gzip -1 >"$SCRATCH/zeros.log.gz"
python3 - "$FAULTLINE" "$SCRATCH" <<'PY' || fail "binary inputs"
import resource, subprocess, sys, time
faultline, scratch = sys.argv[1:]
start = time.time()
run = subprocess.run([faultline, "events", "--count", scratch + "/random.log", scratch + "/zeros.log.gz"],
                     capture_output=True, text=True, timeout=60)
assert run.returncode == 2, run
assert run.stdout.strip() == "0", run.stdout
assert run.stderr.splitlines() == [
    "faultline: %s/random.log: binary data (NUL bytes in the first 8 KiB), skipped" % scratch,
    "faultline: %s/zeros.log.gz: binary data (NUL bytes in the first 8 KiB), skipped" % scratch,
], run.stderr
assert time.time() - start < 10, time.time() - start
PY
# 2,000,000 lines (40 MB) from a 150 KB .gz: counted, in bounded memory.
python3 -c "import sys; sys.stdout.write('2019-09-17 05:04:01,000 INFO a.B: x\n' * 2000000)" \
  | gzip -9 >"$SCRATCH/hadoop-hdfs-zkfc-nn1.log.gz"
python3 - "$FAULTLINE" "$SCRATCH/hadoop-hdfs-zkfc-nn1.log.gz" <<'PY' || fail "text bomb"
import resource, subprocess, sys
run = subprocess.run([sys.argv[1], "events", "--count", sys.argv[2]], capture_output=True, text=True, timeout=100)
assert run.returncode == 0 and run.stdout.strip() == "2000000", run
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
assert rss_mb < 200, "RSS %d MB" % rss_mb
PY
LOG="$SCRATCH/hadoop-hdfs-zkfc-nn2.log"
cat >"$LOG" <<'LOG'
2019-09-17 05:04:01,000 INFO org.apache.hadoop.ha.HealthMonitor: now
2031-09-17 05:04:02,000 WARN org.apache.hadoop.ha.HealthMonitor: twelve years on
1999-01-01 00:00:00,000 INFO org.apache.hadoop.ha.HealthMonitor: twenty years back
9999-12-31 23:59:59,999 INFO org.apache.hadoop.ha.HealthMonitor: the last instant
2019-13-45 99:99:99,000 INFO org.apache.hadoop.ha.HealthMonitor: no such time
LOG
run events "$LOG"
expect_status 0
python3 - "$OUT" <<'PY' || fail "times not kept as written: $(cat "$OUT")"
import json, sys
events = {e["line"]: e for e in map(json.loads, open(sys.argv[1]))}
assert len(events) == 5, events
assert events[2]["instant"] == "2031-09-17T05:04:02.000Z"
assert events[3]["instant"] == "1999-01-01T00:00:00.000Z"
assert events[4]["instant"] == "9999-12-31T23:59:59.999Z"
assert events[5]["local_time"] is None and events[5]["instant"] == events[4]["instant"], events[5]
PY
pass
