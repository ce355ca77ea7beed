# A broken rule file: every error listed as file:line:col with the reason (did-you-mean for
# misspelt keys and configuration names), then exit 2; analyze refuses to run with it.
source "$(dirname "$0")/lib.bash"
cd "$TESTDATA/bad/rules" || fail "no bad rules"
run rules check broken.toml
expect_status 2
expect_same broken.expected "$ERR"
run analyze --rules . "$TESTDATA/incidents/zkfc-connectionloss"
expect_status 2
grep -q "^./broken.toml:2:1: error: unknown key 'severty' in a rule (did you mean 'severity'?)$" "$ERR" \
  || fail "analyze did not list the rule errors: $(cat "$ERR")"
expect_stderr_line "faultline: error: rules have errors (listed above); nothing was analysed"
[ ! -s "$OUT" ] || fail "analyze printed a report despite broken rules"
pass
