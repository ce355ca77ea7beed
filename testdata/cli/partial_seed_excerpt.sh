# The seed incident as a user pastes it: five lines of the leader's log and the ZKFC's log without
# its ActiveStandbyElector line, piped in on standard input. The diagnosis is the seed's, with a
# lower confidence and the missing step named.
source "$(dirname "$0")/lib.bash"
partial="$TESTDATA/rules/zk-txn-timeout-zkfc-exit/partial"
cat "$partial/zk3/zookeeper.log" "$partial/hadoop-hdfs-zkfc-nn1.log" >"$SCRATCH/pasted.txt"
run_stdin "$SCRATCH/pasted.txt" analyze --color never -
expect_status 1
grep -q '^\[1\] CRITICAL  Leader dropped a follower for a transaction timeout; the ZKFC then gave up on ZooKeeper   (rule zk-txn-timeout-zkfc-exit)$' "$OUT" ||
  fail "not the seed diagnosis: $(head -5 "$OUT")"
expect_stdout_has "    Confidence: 90% (2 of 3 steps in the logs given)"
expect_stdout_has "      elector (zkfc): the zkfc log given does not show it"
expect_stdout_has "hit CONNECTIONLOSS and exited 575ms later"
pass
