# Entries that are not regular files are skipped with one line each, never read (a FIFO would
# block) and never silently: a FIFO, a dangling link and a link loop with log names inside a
# directory, and a link loop named on the command line (ELOOP's own words, not "No such file").
# The real log beside them is read whole; exit 2 as for any skipped input.
source "$(dirname "$0")/lib.bash"
mkdir "$SCRATCH/logs"
cp "$TESTDATA/incidents/zkfc-connectionloss/monitor.log" "$SCRATCH/logs/"
mkfifo "$SCRATCH/logs/pipe.log"
ln -s nowhere.log "$SCRATCH/logs/dangling.log"
ln -s loop.log "$SCRATCH/logs/loop.log"
ln -s b.log "$SCRATCH/a.log"
ln -s a.log "$SCRATCH/b.log"
OUT="$SCRATCH/stdout" ERR="$SCRATCH/stderr"
timeout 60 "$FAULTLINE" events --count "$SCRATCH/logs" "$SCRATCH/a.log" >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
[ "$STATUS" -ne 124 ] || fail "faultline blocked (on the FIFO?)"
expect_status 2
expect_stderr_line "faultline: $SCRATCH/logs/pipe.log: a FIFO (named pipe), not a regular file: skipped"
expect_stderr_line "faultline: $SCRATCH/logs/dangling.log: dangling symbolic link, skipped"
expect_stderr_line "faultline: $SCRATCH/logs/loop.log: symbolic link: Too many levels of symbolic links, skipped"
expect_stderr_line "faultline: $SCRATCH/a.log: Too many levels of symbolic links"
[ "$(wc -l <"$ERR")" -eq 4 ] || fail "expected 4 lines on stderr: $(cat "$ERR")"
[ "$(cat "$OUT")" -eq "$(grep -c '^2019' "$SCRATCH/logs/monitor.log")" ] || fail "monitor.log records lost"
pass
