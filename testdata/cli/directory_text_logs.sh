# Logs saved or attached under other names than a log's (zk-leader.txt, "zkfc", monitor.log.txt)
# are found in a directory by their first lines and diagnosed as under their own names; the
# notes and files beside them that are no logs are left alone.
source "$(dirname "$0")/lib.bash"
incident="$TESTDATA/incidents/zkfc-connectionloss"
case_dir="$SCRATCH/attached"
mkdir -p "$case_dir/from-ops"
cp "$incident/zk-leader.log" "$case_dir/zk-leader.txt"
cp "$incident/hadoop-hdfs-zkfc-nn1.log" "$case_dir/from-ops/zkfc"
cp "$incident/monitor.log" "$case_dir/monitor.log.txt"
cp "$incident/README.md" "$case_dir/README.md"
printf 'The outage began after the switch in rack 4 was replaced.\nzk2 restarted at noon.\n' \
  >"$case_dir/notes.txt"
printf 'primary = ["zk-txn-timeout-zkfc-exit"]\n' >"$case_dir/expect.toml"

run sources "$case_dir"
expect_status 0
for name in zk-leader.txt from-ops/zkfc monitor.log.txt; do
  grep -q "^$case_dir/$name " "$OUT" || fail "$name was not read: $(cat "$OUT")"
done
for name in README.md notes.txt expect.toml; do
  if grep -q "$name" "$OUT"; then fail "$name was read as a log"; fi
done
# The host comes from the name without its .txt: zk-leader, as from zk-leader.log.
grep -q "^$case_dir/zk-leader.txt .* zk-leader " "$OUT" || fail "host of zk-leader.txt: $(cat "$OUT")"
expect_same_diagnosis "$incident" "$case_dir"

# A folder with nothing log-like still gives its text: a one-line reply without time, attached
# as a .txt (zkops-4lw-conf-not-whitelisted-oneline), is read and diagnosed, not "Read 0".
reply_dir="$SCRATCH/reply"
mkdir -p "$reply_dir"
cp "$TESTDATA/incidents/public/zkops-4lw-conf-not-whitelisted-oneline/echo-conf-nc.log" \
  "$reply_dir/conf-response.txt"
printf 'primary = ["zk-4lw-not-whitelisted"]\n' >"$reply_dir/expect.toml"
run sources "$reply_dir"
expect_status 0
grep -q "^$reply_dir/conf-response.txt " "$OUT" || fail "the reply was not read: $(cat "$OUT")"
if grep -q "expect.toml" "$OUT"; then fail "expect.toml was read as a log"; fi
run analyze --format json "$reply_dir"
grep -q '"rule": *"zk-4lw-not-whitelisted"' "$OUT" || fail "the reply was not diagnosed: $(cat "$OUT")"
pass
