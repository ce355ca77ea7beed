# A pasted excerpt with no timestamps at all (a public incident: a ZooKeeper pod that cannot load
# its transaction log) is matched in line order, and the report says so instead of showing the
# synthetic 1970 times; events flag its records order-only.
source "$(dirname "$0")/lib.bash"
case="$TESTDATA/incidents/public/zkops-operator-unreasonable-length-txnlog"
run analyze --color never "$case"
expect_status 1
grep -q '^\[1\] CRITICAL  .*(rule zk-corrupt-data)$' "$OUT" || fail "diagnosis: $(head -3 "$OUT")"
expect_stdout_has "    When:   no time in the logs given (matched in line order)"
expect_stdout_has "the logs given carry no time: steps matched in line order"
grep -q "1970" "$OUT" && fail "synthetic times shown as real: $(grep 1970 "$OUT" | head -2)"
run analyze --format json "$case"
grep -q '"order_only":true' "$OUT" || fail "json lacks order_only"
run events "$case"
grep -q '"flags":\["order-only"\]' "$OUT" || fail "events lack the order-only flag: $(head -2 "$OUT")"
pass
