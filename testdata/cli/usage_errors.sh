# --help exits 0; unknown commands, options, levels and patterns exit 2 with a message.
source "$(dirname "$0")/lib.bash"
run --help
expect_status 0
expect_stdout_has "timeline"
run timeline --help
expect_status 0
expect_stdout_has "--reorder-window"
run frobnicate
expect_status 2
run timeline
expect_status 2
grep -q "paths is required" "$ERR" || fail "no message for missing paths: $(cat "$ERR")"
printf '2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Leader@1] - x\n' >"$SCRATCH/zk.log"
run timeline --level loud "$SCRATCH/zk.log"
expect_status 2
expect_stderr_line "faultline: error: --level: unknown level 'loud' (trace, debug, info, warn, error, fatal)"
run timeline --grep '(' "$SCRATCH/zk.log"
expect_status 2
grep -q "^faultline: error: --grep: bad pattern '(': missing )" "$ERR" || fail "$(cat "$ERR")"
run timeline --format syslogd "$SCRATCH/zk.log"
expect_status 2
# The list names every parser and built-in layout (faultline layouts), the fallbacks last.
grep -q "^faultline: error: unknown format 'syslogd' (known: zookeeper, hadoop, java, logback, python, .*spring-boot, .*, timeless, generic)$" "$ERR" ||
  fail "unknown format: $(cat "$ERR")"
run timeline --from yesterday "$SCRATCH/zk.log"
expect_status 2
pass
