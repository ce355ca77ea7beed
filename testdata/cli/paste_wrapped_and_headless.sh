# Pastes as people post them: a long line wrapped by the forum, its indented rest starting with a
# digit (so not read as a stack frame), stays with its record; a stack trace pasted without its
# header is one record. Both are public incidents that a rule must then recognise.
source "$(dirname "$0")/lib.bash"
wrapped="$TESTDATA/incidents/public/hdfs-partition-qjm-timeout-growse"
run events --format json "$wrapped"
grep '"level":"FATAL"' "$OUT" | grep -q 'Timed out waiting 20000ms for a quorum' ||
  fail "the FATAL record lost its wrapped rest: $(grep FATAL "$OUT" | head -c 400)"
grep -q '"unparsed"' "$OUT" && fail "a wrapped rest became an unparsed record: $(grep unparsed "$OUT" | head -1)"
run analyze --color never "$wrapped"
expect_status 1
grep -q '^\[1\] CRITICAL  .*(rule qjm-quorum-timeout)$' "$OUT" || fail "diagnosis: $(head -3 "$OUT")"

headless="$TESTDATA/incidents/public/zkops-zoonavigator-client-maxbuffer"
run events --format json "$headless"
[ "$(wc -l <"$OUT")" -eq 1 ] || fail "the trace is not one record: $(wc -l <"$OUT") records"
grep -q 'ClientCnxn\$SendThread.readResponse' "$OUT" || fail "frames not in the record"
run analyze --color never "$headless"
grep -q '(rule zk-packet-too-large)$' "$OUT" || fail "diagnosis: $(head -3 "$OUT")"
pass
