# The seed incident's three logs come out as one correctly ordered timeline: kazoo's heartbeat
# loss, then the leader's transaction timeout, then the ZKFC FATAL with its stack trace.
source "$(dirname "$0")/lib.bash"
cd "$TESTDATA/incidents/zkfc-connectionloss" || fail "no seed fixture"
run timeline --around '2019-09-17 05:04:08' --window 5s --level warn --color never .
expect_status 0
expect_same expected-timeline.txt "$OUT"
pass
