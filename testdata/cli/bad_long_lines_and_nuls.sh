# Over-long lines are capped and counted, not split into made-up lines: a 60 MB line without
# newline is one record cut to 16 MiB (the default cap), with one warning, in bounded memory;
# FAULTLINE_MAX_LINE_BYTES sets another cap. A log with a block of NUL bytes near its start (a
# crash's zero-filled block) is read, its valid lines kept; a binary file is still skipped.
# A file in reverse time order gets a warning naming it.
source "$(dirname "$0")/lib.bash"
LOG="$SCRATCH/hadoop-hdfs-zkfc-nn1.log"
{
  echo '2019-09-17 05:04:01,000 INFO org.apache.hadoop.ha.HealthMonitor: before'
  printf '2019-09-17 05:04:02,000 WARN org.apache.hadoop.ha.HealthMonitor: '
  head -c 60000000 /dev/zero | tr '\0' 'x'
} >"$LOG"
python3 - "$FAULTLINE" "$LOG" "$SCRATCH" <<'PY' || fail "over-long line"
import json, os, resource, subprocess, sys
faultline, log, scratch = sys.argv[1:]
# Under AddressSanitizer freed blocks wait in a quarantine (256 MB by default), and the buffers a
# 16 MiB line grows through would count as resident: measure what is live, as without it.
env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=8")
run = subprocess.run([faultline, "events", log], capture_output=True, text=True, env=env)
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
events = [json.loads(l) for l in run.stdout.splitlines()]
assert run.returncode == 0, run
assert len(events) == 2, len(events)
assert len(events[1]["message"]) == (16 << 20) - len("2019-09-17 05:04:02,000 WARN org.apache.hadoop.ha.HealthMonitor: "), len(events[1]["message"])
want = ("faultline: warning: %s: 1 line(s) longer than 16777216 bytes cut to that length, the rest "
        "of each skipped (FAULTLINE_MAX_LINE_BYTES sets the cap)" % log)
assert run.stderr.splitlines() == [want], run.stderr
assert rss_mb < 250, "RSS %d MB" % rss_mb
PY
printf '\n2019-09-17 05:04:03,000 INFO org.apache.hadoop.ha.HealthMonitor: after\n' >>"$LOG"
OUT="$SCRATCH/stdout" ERR="$SCRATCH/stderr"
FAULTLINE_MAX_LINE_BYTES=4096 "$FAULTLINE" events --count "$LOG" >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
expect_status 0
[ "$(cat "$OUT")" -eq 3 ] || fail "expected 3 records with a 4 KiB cap, got $(cat "$OUT")"
expect_stderr_line "faultline: warning: $LOG: 1 line(s) longer than 4096 bytes cut to that length, the rest of each skipped (FAULTLINE_MAX_LINE_BYTES sets the cap)"

# NUL bytes near the start: the lines around them are read.
NULS="$SCRATCH/nuls/monitor.log"
mkdir "$SCRATCH/nuls"
head -n 3 "$TESTDATA/incidents/zkfc-connectionloss/monitor.log" >"$NULS"
head -c 2000 /dev/zero >>"$NULS"
printf '\n' >>"$NULS"
tail -n +4 "$TESTDATA/incidents/zkfc-connectionloss/monitor.log" >>"$NULS"
run events --count "$NULS"
expect_status 0
[ "$(cat "$OUT")" -ge "$(grep -c '^2019' "$TESTDATA/incidents/zkfc-connectionloss/monitor.log")" ] \
  || fail "records lost around the NUL bytes: $(cat "$OUT"); $(cat "$ERR")"
grep -q "binary" "$ERR" && fail "a log with a few NUL bytes was taken for binary"

# A log in reverse order: read, and a warning says so.
REV="$SCRATCH/rev/monitor.log"
mkdir "$SCRATCH/rev"
grep '^2019' "$TESTDATA/incidents/zkfc-connectionloss/monitor.log" | tac >"$REV"
run events --count "$REV"
expect_status 0
grep -q "^faultline: warning: $REV: [0-9]* of [0-9]* records lie further back in time than the reorder window allows (is the file in reverse order, or two logs joined?)" "$ERR" \
  || fail "no warning for a file in reverse order: $(cat "$ERR")"
run events --count "$TESTDATA/incidents/zkfc-connectionloss/monitor.log"
[ ! -s "$ERR" ] || fail "a log in order got a warning: $(cat "$ERR")"
pass
