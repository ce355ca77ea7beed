# Rule files that would load and then never fire, or hide another rule, are refused with a line
# naming the file and the reason; exit 2 and nothing analysed: a window written backwards, empty,
# longer than 7 days or overflowing; a pattern too large for RE2 (its own message, without RE2's
# log lines); one rule id in two --rules directories (both files named). A rules directory with
# 2,000 files loads whole, in bounded time.
source "$(dirname "$0")/lib.bash"
BAD="$TESTDATA/bad"
INCIDENT="$TESTDATA/incidents/zkfc-connectionloss"

cd "$BAD/windows" || fail "no $BAD/windows"
run rules check at-least-inverted.toml empty.toml huge.toml inverted.toml overflow.toml \
  too-large-literal.toml week.toml
expect_status 2
expect_same expected.txt "$ERR"
run rules check week.toml
expect_status 0

cd "$BAD" || fail "no $BAD"
run rules check regex/too-large.toml
expect_status 2
expect_stderr_line "regex/too-large.toml:9:11: error: bad RE2 pattern in 'message': pattern too large: RE2 compiles it to more than its 8 MiB budget (use fewer or shorter repetitions, or split it over steps)"
[ "$(wc -l <"$ERR")" -eq 2 ] || fail "RE2's own log lines leaked: $(cat "$ERR")"
grep -q "named groups" "$ERR" && fail "a too-large pattern got the named-group hint"

run analyze --rules dup-a --rules dup-b "$INCIDENT"
expect_status 2
expect_stderr_line "dup-b/my-rule.toml:1:1: error: rule id 'my-rule' is already defined by dup-a/my-rule.toml (rule ids are file names and must be unique across --rules directories; rename one)"
expect_stderr_line "faultline: error: rules have errors (listed above); nothing was analysed"
[ ! -s "$OUT" ] || fail "analyze ran with a duplicate rule id"
# The same directory twice is one set of files, not a conflict.
run rules --rules dup-a --rules dup-a list
expect_status 0
[ "$(grep -c 'my-rule' "$OUT")" -eq 1 ] || fail "my-rule listed $(grep -c 'my-rule' "$OUT") times"

mkdir "$SCRATCH/many"
for i in $(seq -w 1 2000); do
  printf 'title = "Rule %s"\nseverity = "info"\nsummary = "s"\ncause = "c"\nremedy = "r"\n\n[[steps]]\nname = "a"\nmessage = "marker-%s-[a-z]+"\n' \
    "$i" "$i" >"$SCRATCH/many/r$i.toml"
done
start=$(date +%s)
run rules --rules "$SCRATCH/many" check
expect_status 0
[ $(($(date +%s) - start)) -lt 60 ] || fail "2,000 rule files took $(($(date +%s) - start)) s"
run rules --rules "$SCRATCH/many" list
expect_status 0
[ "$(grep -c ' user  *Rule ' "$OUT")" -eq 2000 ] || fail "$(grep -c ' user  *Rule ' "$OUT") of 2000 rules listed"
pass
