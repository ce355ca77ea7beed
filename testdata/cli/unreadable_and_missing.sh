# A missing path and an unreadable file are reported one line each; the rest is read; exit 2.
source "$(dirname "$0")/lib.bash"
cp "$TESTDATA/incidents/zkfc-connectionloss/monitor.log" "$SCRATCH/monitor.log"
printf '2019-09-17 05:04:12,043 [myid:3] - WARN  [main:Leader@1] - secret\n' >"$SCRATCH/locked.log"
chmod 000 "$SCRATCH/locked.log"
chmod 755 "$SCRATCH"
chmod 644 "$SCRATCH/monitor.log"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  # root reads anything: drop to nobody so that permissions apply.
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
OUT="$SCRATCH/stdout" ERR="$SCRATCH/stderr"
"${as_user[@]}" "$FAULTLINE" events --count "$SCRATCH/monitor.log" "$SCRATCH/locked.log" \
  "$SCRATCH/absent.log" >"$OUT" 2>"$ERR" </dev/null
STATUS=$?
expect_status 2
expect_stderr_line "faultline: $SCRATCH/locked.log: cannot open: Permission denied"
expect_stderr_line "faultline: $SCRATCH/absent.log: No such file or directory"
[ "$(cat "$OUT")" -eq "$(grep -c '^2019' "$SCRATCH/monitor.log")" ] || fail "monitor.log records lost"
pass
