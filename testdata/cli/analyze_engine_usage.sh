# analyze --engine and rules sql without a server: usage errors, a bad URL and a server that is
# not there exit 2 with a message; rules sql prints each rule's query and names what runs locally.
source "$(dirname "$0")/lib.bash"
run analyze
expect_status 2
expect_stderr_line "faultline: error: no input: give log files or directories (or --engine URL)"
run analyze --engine clickhouse://127.0.0.1:8123 "$TESTDATA/incidents/zkfc-connectionloss"
expect_status 2
grep -q "give no paths or --config with it" "$ERR" || fail "$(cat "$ERR")"
run analyze --engine http://127.0.0.1:8123
expect_status 2
grep -q "^faultline: error: --engine: " "$ERR" || fail "no message for a bad URL: $(cat "$ERR")"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run analyze --engine "clickhouse://127.0.0.1:$port/faultline"
expect_status 2
grep -q "cannot connect to 127.0.0.1:$port" "$ERR" || fail "no message for a server down: $(cat "$ERR")"
[ ! -s "$OUT" ] || fail "a report without a server: $(cat "$OUT")"

run rules sql zk-txn-timeout-zkfc-exit
expect_status 0
expect_stdout_has "-- rule zk-txn-timeout-zkfc-exit: horizon 40s"
expect_stdout_has "(source, line) GLOBAL IN ("
expect_stdout_has "FORMAT TabSeparated"
run rules sql --explain zk-txn-timeout-zkfc-exit
expect_status 0
expect_stdout_has "runs locally: near misses and half-matched chains (--explain)"
run rules sql --all
expect_status 0
[ "$(grep -c '^-- rule ' "$OUT")" -eq "$("$FAULTLINE" rules list | wc -l)" ] || fail "not one query per rule"
run rules sql no-such-rule
expect_status 2
expect_stderr_line "faultline: error: rules sql: no rule 'no-such-rule' (faultline rules list)"
run rules sql
expect_status 2
exit 0
