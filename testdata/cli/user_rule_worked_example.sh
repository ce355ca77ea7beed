# The README's worked example: write a rule and its fixtures, lint it, test it, use it.
source "$(dirname "$0")/lib.bash"
mkdir -p "$SCRATCH/my-rules" "$SCRATCH/my-tests/zkfc-neutral-after-timeout/fires" \
  "$SCRATCH/my-tests/zkfc-neutral-after-timeout/quiet"
cat >"$SCRATCH/my-rules/zkfc-neutral-after-timeout.toml" <<'TOML'
title = "ZKFC lost its ZooKeeper connection and went neutral"
severity = "warning"
summary = "{timeout.host}: no reply from ZooKeeper for {timeout.ms}ms; elector neutral {delta.timeout.neutral} later"
remedy = "Check the network from {timeout.host} to the ensemble; compare with ha.zookeeper.session-timeout.ms = {config.ha.zookeeper.session-timeout.ms}."

[[steps]]
name = "timeout"
component = "zkfc"
message = 'Client session timed out, have not heard from server in (?P<ms>[0-9]+)ms'

[[steps]]
name = "neutral"
component = "zkfc"
message = 'Session disconnected\. Entering neutral mode'
within = "5s"
same = ["host"]
TOML
line1='2019-09-17 05:04:03,541 INFO org.apache.zookeeper.ClientCnxn: Client session timed out, have not heard from server in 3336ms for sessionid 0x3007672f801a313, closing socket connection and attempting reconnect'
fires="$SCRATCH/my-tests/zkfc-neutral-after-timeout/fires"
quiet="$SCRATCH/my-tests/zkfc-neutral-after-timeout/quiet"
printf '%s\n%s\n' "$line1" '2019-09-17 05:04:03,741 INFO org.apache.hadoop.ha.ActiveStandbyElector: Session disconnected. Entering neutral mode...' \
  >"$fires/hadoop-hdfs-zkfc-nn1.log"
printf 'steps = ["timeout", "neutral"]\n[deltas]\n"timeout>neutral" = "200ms"\n' >"$fires/expect.toml"
printf '%s\n%s\n' "$line1" '2019-09-17 05:04:11,541 INFO org.apache.hadoop.ha.ActiveStandbyElector: Session disconnected. Entering neutral mode...' \
  >"$quiet/hadoop-hdfs-zkfc-nn1.log"
run rules check "$SCRATCH/my-rules/zkfc-neutral-after-timeout.toml"
expect_status 0
run rules --rules "$SCRATCH/my-rules" test --only zkfc-neutral-after-timeout "$SCRATCH/my-tests"
expect_status 0
expect_stdout_has "PASS zkfc-neutral-after-timeout"
expect_stdout_has "1 passed, 0 failed"
run analyze --color never --rules "$SCRATCH/my-rules" "$fires"
expect_status 1
expect_stdout_has "Summary: nn1: no reply from ZooKeeper for 3336ms; elector neutral 200ms later"
run analyze --format json --rules "$SCRATCH/my-rules" "$fires"
python3 - "$OUT" <<'PY' || fail "remedy with the configuration value"
import json, sys
inc = json.load(open(sys.argv[1]))["incidents"][0]
assert inc["remedy"].endswith("compare with ha.zookeeper.session-timeout.ms = 5000 ms."), inc["remedy"]
PY
# The near miss is not an incident, and --explain says why.
run analyze --explain --color never --rules "$SCRATCH/my-rules" "$quiet"
expect_status 0
expect_stdout_has "zkfc-neutral-after-timeout: 'neutral' came 8s after 'timeout'; the rule allows 5s"
# A broken fixture fails the test run (exit 1).
printf 'steps = ["timeout", "neutral"]\n[deltas]\n"timeout>neutral" = "300ms"\n' >"$fires/expect.toml"
run rules --rules "$SCRATCH/my-rules" test --only zkfc-neutral-after-timeout "$SCRATCH/my-tests"
expect_status 1
expect_stdout_has "FAIL zkfc-neutral-after-timeout: fires/: Δt timeout>neutral is 200ms, expected 300ms"
pass
