# The systemd pair in contrib/ runs the README's crontab command, and systemd accepts both units
# (checked with systemd-analyze where it is installed).
source "$(dirname "$0")/lib.bash"
root="$TESTDATA/.."
service="$root/contrib/faultline-scan.service" timer="$root/contrib/faultline-scan.timer"
exec_start=$(sed -n 's/^ExecStart=//p' "$service")
cron=$(grep -m1 '^\*/5 \* \* \* \* faultline scan ' "$root/README.md")
[ "${exec_start#/usr/local/bin/}" = "${cron#\*/5 \* \* \* \* }" ] ||
  fail "service runs '$exec_start', README's crontab runs '$cron'"
grep -qx 'SuccessExitStatus=1' "$service" || fail "exit 1 (new incidents) would mark the unit failed"
# The ship pair runs the README's ship crontab line, with the server from FAULTLINE_CLICKHOUSE.
ship="$root/contrib/faultline-ship.service" ship_timer="$root/contrib/faultline-ship.timer"
url=$(sed -n 's/^Environment=FAULTLINE_CLICKHOUSE=//p' "$ship")
ship_exec=$(sed -n 's/^ExecStart=//p' "$ship" | sed "s#\${FAULTLINE_CLICKHOUSE}#$url#")
ship_cron=$(grep -m1 '^\*/5 \* \* \* \* faultline ship ' "$root/README.md")
[ "${ship_exec#/usr/local/bin/}" = "${ship_cron#\*/5 \* \* \* \* }" ] ||
  fail "ship service runs '$ship_exec', README's crontab runs '$ship_cron'"
if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: systemd-analyze is not installed; the unit files were not verified"
  exit 77
fi
mkdir "$SCRATCH/units"
sed "s#/usr/local/bin/faultline#$FAULTLINE#" "$service" >"$SCRATCH/units/faultline-scan.service"
cp "$timer" "$ship_timer" "$SCRATCH/units/"
sed "s#/usr/local/bin/faultline#$FAULTLINE#" "$ship" >"$SCRATCH/units/faultline-ship.service"
systemd-analyze verify "$SCRATCH/units/faultline-scan.service" "$SCRATCH/units/faultline-scan.timer" \
  "$SCRATCH/units/faultline-ship.service" "$SCRATCH/units/faultline-ship.timer" \
  >"$SCRATCH/verify" 2>&1 || fail "systemd-analyze verify: $(cat "$SCRATCH/verify")"
[ ! -s "$SCRATCH/verify" ] || fail "systemd-analyze warns: $(cat "$SCRATCH/verify")"
pass
