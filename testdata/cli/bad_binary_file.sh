# A binary file among good logs: one clear line on stderr, exit 2, the good log still read.
source "$(dirname "$0")/lib.bash"
mkdir "$SCRATCH/logs"
printf '\177ELF\002\001\001\000\000\000\000\000binary\n' >"$SCRATCH/logs/core.log"
cp "$TESTDATA/incidents/zkfc-connectionloss/monitor.log" "$SCRATCH/logs/"
run events --count "$SCRATCH/logs"
expect_status 2
expect_stderr_line "faultline: $SCRATCH/logs/core.log: binary data (NUL bytes in the first 8 KiB), skipped"
[ "$(cat "$OUT")" -eq "$(grep -c '^2019' "$SCRATCH/logs/monitor.log")" ] || fail "monitor.log records lost"
pass
