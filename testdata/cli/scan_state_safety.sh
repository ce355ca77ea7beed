# The state under stress: a second scan on a locked state waits (--wait) or exits 2 naming the
# holder's PID; a read-only or full state directory stops the run before it reads anything
# (exit 2, Nagios UNKNOWN 3) with the path, the state untouched; a corrupt state is recovered
# from its previous generation with a warning, and only --reset-state starts afresh.
source "$(dirname "$0")/lib.bash"
seed="$TESTDATA/incidents/zkfc-connectionloss"
mkdir "$SCRATCH/logs" "$SCRATCH/st"
head -400 "$seed/zk-leader.log" >"$SCRATCH/logs/zk-leader.log"
cp "$seed/hadoop-hdfs-zkfc-nn1.log" "$SCRATCH/logs/"
state="$SCRATCH/st/state"
run scan --quiet --state "$state" "$SCRATCH/logs"
[ "$STATUS" -le 1 ] || fail "first run: $STATUS $(cat "$ERR")"

# A lock held by another process (its PID in the lock file, as scan writes it).
: >"$state.lock"  # the first run's PID is there
(
  exec 9<>"$state.lock"
  flock 9
  echo "$BASHPID" >"$state.lock"
  for _ in $(seq 1 300); do [ -e "$SCRATCH/release" ] && break; sleep 0.1; done  # at most 30 s
) &
holder=$!
for _ in $(seq 1 100); do [ "$(cat "$state.lock")" = "$holder" ] && break; sleep 0.05; done
[ "$(cat "$state.lock")" = "$holder" ] || fail "the holder did not take the lock"
run scan --quiet --state "$state" "$SCRATCH/logs"
expect_status 2
expect_stderr_line "faultline: error: another faultline scan (pid $holder) is using $state.lock; this run does nothing"
run scan --nagios --state "$state" "$SCRATCH/logs"
expect_status 3
grep -q "^FAULTLINE UNKNOWN - another faultline scan (pid $holder) is using $state.lock" "$OUT" || fail "nagios: $(cat "$OUT")"
t0=$(date +%s%N)
run scan --quiet --wait 0.2s --state "$state" "$SCRATCH/logs"
expect_status 2
[ $((($(date +%s%N) - t0) / 1000000)) -ge 200 ] || fail "--wait 0.2s did not wait"
grep -q "(waited 200 ms)" "$ERR" || fail "$(cat "$ERR")"
# A scan that waits gets the lock when the holder lets go.
"$FAULTLINE" scan --quiet --wait 20s --state "$state" "$SCRATCH/logs" >"$SCRATCH/w.out" 2>"$SCRATCH/w.err" &
waiter=$!
sleep 0.3
touch "$SCRATCH/release"
wait "$holder"
status=0
wait "$waiter" || status=$?
[ "$status" -le 1 ] || fail "--wait 20s: $status $(cat "$SCRATCH/w.err")"

# Corrupt state: the previous generation is used, with a warning; the next write is whole again.
tail -n +400 "$seed/zk-leader.log" | head -100 >>"$SCRATCH/logs/zk-leader.log"
run scan --quiet --state "$state" "$SCRATCH/logs"
[ -f "$state.prev" ] || fail "no previous generation kept"
cp "$state" "$SCRATCH/good"
head -c 100 "$SCRATCH/good" >"$state"  # torn
run scan --quiet --state "$state" "$SCRATCH/logs"
[ "$STATUS" -le 1 ] || fail "recovery: $STATUS $(cat "$ERR")"
grep -q "^faultline: warning: $state:[0-9]*: .*; recovered from the previous generation $state.prev" "$ERR" ||
  fail "no recovery warning: $(cat "$ERR")"
tail -n 1 "$state" | grep -qx end || fail "state not rewritten whole"
echo garbage >"$state" && echo garbage >"$state.prev"
run scan --quiet --state "$state" "$SCRATCH/logs"
expect_status 2
grep -q "the previous generation $state.prev cannot be used either" "$ERR" || fail "$(cat "$ERR")"
[ "$(cat "$state")" = garbage ] || fail "a corrupt state was overwritten without --reset-state"
run scan --quiet --reset-state --state "$state" "$SCRATCH/logs"
[ "$STATUS" -le 1 ] || fail "--reset-state: $STATUS $(cat "$ERR")"
tail -n 1 "$state" | grep -qx end || fail "--reset-state wrote no state"

# Read-only and full state directories (a small tmpfs; needs root and mount, else skipped).
echo "2019-09-17 05:30:00,000 [myid:3] - INFO  [main:QuorumPeer@100] - a quiet line" >>"$SCRATCH/logs/zk-leader.log"
mnt="$SCRATCH/mnt"
mkdir "$mnt"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
  trap 'umount "$mnt" 2>/dev/null; chmod -R u+rwx "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
  cp "$state" "$mnt/state"
  cp "$mnt/state" "$SCRATCH/before"
  mount -o remount,ro "$mnt" || fail "remount ro"
  run scan --quiet --state "$mnt/state" "$SCRATCH/logs"
  expect_status 2
  grep -q "$mnt" "$ERR" || fail "read-only: path not named: $(cat "$ERR")"
  [ ! -s "$OUT" ] || fail "read-only: output although the state cannot advance: $(cat "$OUT")"
  run scan --nagios --state "$mnt/state" "$SCRATCH/logs"
  expect_status 3
  grep -q "^FAULTLINE UNKNOWN - .*$mnt" "$OUT" || fail "read-only nagios: $(cat "$OUT")"
  mount -o remount,rw "$mnt"
  cmp -s "$mnt/state" "$SCRATCH/before" || fail "read-only: state changed"
  head -c 60000 /dev/zero >"$mnt/filler" 2>/dev/null  # fill it up
  run scan --quiet --state "$mnt/state" "$SCRATCH/logs"
  expect_status 2
  grep -q "cannot write in $mnt: No space left on device" "$ERR" || fail "full: $(cat "$ERR")"
  cmp -s "$mnt/state" "$SCRATCH/before" || fail "full: state changed"
  ls "$mnt" | grep -q 'tmp\|probe' && fail "full: temporary files left: $(ls "$mnt")"
  umount "$mnt"
else
  echo "read-only and full state directories: skipped (needs root and mount)" >&2
fi
pass
