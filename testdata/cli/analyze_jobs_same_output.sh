# analyze -j N shares the rules among N - 1 engine threads: the report is the same byte for byte
# as with one thread, on the seed, on several incidents at once (matches of many rules, near
# misses and half matches in --explain) and with Hyperscan forced, and on standard input.
source "$(dirname "$0")/lib.bash"
inputs=("$TESTDATA/incidents/zkfc-connectionloss")
for dir in "$TESTDATA"/incidents/public/*/; do inputs+=("$dir"); done
for matcher in auto hyperscan; do
  for format in json text; do
    FAULTLINE_MATCHER=$matcher run analyze -j 1 --explain --format $format --color never "${inputs[@]}"
    [ "$STATUS" -le 1 ] || fail "analyze -j 1 exit status $STATUS: $(cat "$ERR")"
    cp "$OUT" "$SCRATCH/one"
    grep -q '"half_matches":\[{' "$SCRATCH/one" || [ $format = text ] || fail "no half matches to compare"
    for jobs in 2 3 7; do
      FAULTLINE_MATCHER=$matcher run analyze -j $jobs --explain --format $format --color never "${inputs[@]}"
      [ "$STATUS" -le 1 ] || fail "analyze -j $jobs exit status $STATUS"
      expect_same "$SCRATCH/one" "$OUT"
    done
  done
done
# Standard input is read once, as every input is: the engines share what the reader scans.
run_stdin "$TESTDATA/incidents/zkfc-connectionloss/zk-leader.log" analyze -j 1 --format json -
expect_status 1
expect_stdout_has '"rule":"zk-learner-txn-timeout"'
cp "$OUT" "$SCRATCH/stdin-one"
run_stdin "$TESTDATA/incidents/zkfc-connectionloss/zk-leader.log" analyze -j 4 --format json -
expect_status 1
expect_same "$SCRATCH/stdin-one" "$OUT"
run analyze -j 0 "$TESTDATA/incidents/zkfc-connectionloss"
expect_status 2
pass
