# A zoo.cfg number out of range (negative, or so large that windows built on it overflow) is not
# used: a warning names FILE:LINE and the key, the documented default is used, and rules still
# fire. It used to print "--9223372036854775808us" and leave the rule's window broken.
source "$(dirname "$0")/lib.bash"
mkdir "$SCRATCH/conf"
printf 'tickTime=99999999999999999999999\nsyncLimit=-3\n' >"$SCRATCH/conf/zoo.cfg"
run analyze "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/conf/zoo.cfg"
expect_status 1
expect_stderr_line "faultline: warning: $SCRATCH/conf/zoo.cfg:1: tickTime = '99999999999999999999999' is out of range (0 to 10000000000); the default is used"
expect_stderr_line "faultline: warning: $SCRATCH/conf/zoo.cfg:2: syncLimit = '-3' is out of range (0 to 10000000000); the default is used"
expect_stdout_has "tickTime × syncLimit = 2000 ms × 5 = 10s"
expect_stdout_has "(rule zk-txn-timeout-zkfc-exit)"
grep -q -- "--9223372036854775808" "$OUT" && fail "an overflowed window was printed"
pass
