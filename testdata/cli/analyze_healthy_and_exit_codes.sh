# A healthy hour yields no incident (exit 0, and says what was read); --fail-on sets the
# threshold; a skipped input without an incident is exit 2, with an incident exit 1.
source "$(dirname "$0")/lib.bash"
run analyze --color never "$TESTDATA/incidents/healthy-hour"
expect_status 0
expect_stdout_has "No incident: nothing matched the rules. Read 3 input(s), 3686 lines"
run analyze "$TESTDATA/incidents/healthy-hour" "$SCRATCH/missing.log"
expect_status 2
expect_stderr_line "faultline: $SCRATCH/missing.log: No such file or directory"
run analyze "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/missing.log"
expect_status 1
# A user rule with a built-in id replaces it: the same chain at severity info no longer fails.
mkdir "$SCRATCH/rules"
sed 's/^severity = "critical"/severity = "info"/' \
  "$TESTDATA/../rules/zk-txn-timeout-zkfc-exit.toml" >"$SCRATCH/rules/zk-txn-timeout-zkfc-exit.toml"
run analyze --rules "$SCRATCH/rules" --format json "$TESTDATA/incidents/zkfc-connectionloss"
grep -q '"rule":"zk-txn-timeout-zkfc-exit","title":"[^"]*","severity":"critical"' "$OUT" &&
  fail "the override did not replace the built-in rule"
grep -q '"rule":"zk-txn-timeout-zkfc-exit"' "$OUT" || fail "the overriding rule did not fire"
run analyze --fail-on critical "$TESTDATA/incidents/zkfc-connectionloss"
expect_status 1
run rules --rules "$SCRATCH/rules" list
grep -q "^zk-txn-timeout-zkfc-exit  *info  *user " "$OUT" || fail "override not listed: $(cat "$OUT")"
run analyze --fail-on loud "$TESTDATA/incidents/healthy-hour"
expect_status 2
pass
