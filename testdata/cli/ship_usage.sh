# ship without a server: a bad URL and a server that is not there exit 2 with one clear line, and
# with --state the state file is neither created nor changed; usage errors exit 2.
source "$(dirname "$0")/lib.bash"
SEED=$TESTDATA/incidents/zkfc-connectionloss
run ship
expect_status 2
run ship "clickhouse://127.0.0.1:8123"
expect_status 2
run ship http://127.0.0.1:8123 "$SEED"
expect_status 2
grep -q "^faultline: error: bad ClickHouse URL 'http://127.0.0.1:8123': write clickhouse://HOST:PORT" "$ERR" ||
  fail "no message for an http:// URL: $(cat "$ERR")"
run ship "clickhouse://127.0.0.1:99999/db" "$SEED"
expect_status 2
grep -q "port '99999' is not a number from 1 to 65535" "$ERR" || fail "$(cat "$ERR")"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
state=$(mktemp -d)/ship.state
run ship --state "$state" "clickhouse://127.0.0.1:$port/faultline" "$SEED"
expect_status 2
grep -q "^faultline: error: cannot connect to 127.0.0.1:$port: .*; nothing shipped, the state is untouched" "$ERR" ||
  fail "no message for a server down: $(cat "$ERR")"
[ ! -e "$state" ] || fail "a state was written although nothing was shipped"
[ ! -e "$state.shipping" ] || fail "an in-flight marker was left although nothing was sent"
run ship --timeout 0s "clickhouse://127.0.0.1:$port/faultline" "$SEED"
expect_status 2
grep -q "^faultline: error: --timeout 0s: must be more than 0" "$ERR" || fail "$(cat "$ERR")"
rm -rf "$(dirname "$state")"
exit 0
