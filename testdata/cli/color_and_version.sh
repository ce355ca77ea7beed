# --color auto|always|never is accepted by every command and checked; severities are coloured in
# the text reports (analyze, scan) and in rules list/show only when asked or on a terminal, never
# in a pipe by default or with never; --version names the version, commit and rules count.
source "$(dirname "$0")/lib.bash"
dir="$TESTDATA/incidents/zkfc-connectionloss"
esc=$'\033\\['  # as a regular expression
for cmd in "analyze $dir" "timeline $dir" "events $dir" "sources $dir" "scan --state $SCRATCH/s1 $dir" \
  "layouts" "rules list" "rules show zk-txn-timeout-zkfc-exit" "rules keys" "rules check"; do
  # shellcheck disable=SC2086
  run $cmd --color never
  [ "$STATUS" -ne 2 ] || fail "'$cmd --color never' exited 2: $(cat "$ERR")"
  grep -q "$esc" "$OUT" && fail "'$cmd --color never' wrote colour"
  # shellcheck disable=SC2086
  run $cmd --color sometimes
  expect_status 2
  grep -q "sometimes" "$ERR" || fail "'$cmd --color sometimes' not refused: $(cat "$ERR")"
done
rm -rf "$SCRATCH/s1"
# Piped, auto means none; always colours even with NO_COLOR (the flag wins).
run analyze "$dir"
grep -q "$esc" "$OUT" && fail "analyze coloured a pipe"
NO_COLOR=1 "$FAULTLINE" analyze --color always "$dir" >"$SCRATCH/a" 2>/dev/null
grep -q "${esc}1;31m${esc}1m\[1\] CRITICAL" "$SCRATCH/a" || fail "analyze --color always: no red CRITICAL"
"$FAULTLINE" scan --color always --state "$SCRATCH/s2" "$dir" >"$SCRATCH/s" 2>/dev/null
grep -q "${esc}1;31m${esc}1m\[1\] CRITICAL" "$SCRATCH/s" || fail "scan --color always: no red CRITICAL"
run rules list --color always
grep -q "^zk-txn-timeout-zkfc-exit  *${esc}1;31mcritical" "$OUT" || fail "rules list: severity not red"
grep -q "^zk-learner-txn-timeout  *${esc}33mwarning" "$OUT" || fail "rules list: warning not yellow"
run rules show --color always zk-txn-timeout-zkfc-exit
grep -q "(${esc}1;31mcritical${esc}0m, " "$OUT" || fail "rules show: severity not red"
run timeline --color always --level error "$dir"
grep -q "${esc}1;31mERROR\|${esc}1;31mFATAL" "$OUT" || fail "timeline --color always: no red level"
# --version: version, the commit configured at (or unknown), and the rules this binary uses.
run --version
expect_status 0
head -1 "$OUT" | grep -Eq '^faultline [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}|unknown)\)$' ||
  fail "--version first line: $(head -1 "$OUT")"
rules=$(ls "$TESTDATA"/../rules/*.toml | wc -l)
sed -n 2p "$OUT" | grep -qx "$rules rules (built in)" || fail "--version rules line: $(sed -n 2p "$OUT")"
pass
