# A .gz cut short: the lines before the cut are kept, the problem is named, exit 2.
source "$(dirname "$0")/lib.bash"
awk 'BEGIN { for (i = 0; i < 60; i++) printf "2019-09-17 05:04:%02d,000 INFO org.apache.hadoop.ha.HealthMonitor: line %d\n", i, i }' >"$SCRATCH/a.log"
for i in $(seq 1 200); do cat "$SCRATCH/a.log"; done | gzip -c >"$SCRATCH/full.log.gz"
size=$(stat -c %s "$SCRATCH/full.log.gz")
head -c $((size / 2)) "$SCRATCH/full.log.gz" >"$SCRATCH/cut.log.gz"
run events --count "$SCRATCH/cut.log.gz"
expect_status 2
grep -q "^faultline: $SCRATCH/cut.log.gz: truncated gzip data" "$ERR" || fail "no truncation message: $(cat "$ERR")"
got=$(cat "$OUT")
[ "$got" -gt 100 ] || fail "only $got records decoded before the cut"
# The complete file reads cleanly.
run events --count "$SCRATCH/full.log.gz"
expect_status 0
[ "$(cat "$OUT")" -eq 12000 ] || fail "full gzip gave $(cat "$OUT") records, expected 12000"
pass
