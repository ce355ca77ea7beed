# Cron mode: after a rotate + gzip the freed inode may be given to the new log, which can even
# have the old log's size. The new log is still read from its start (its first bytes differ) and
# the rotated .gz, recognised by its first bytes, is not read again from its start.
source "$(dirname "$0")/lib.bash"
logs="$SCRATCH/logs" state="$SCRATCH/state"
mkdir "$logs"
two_hours() {  # 120 lines, one a minute, all of one size
  for h in 03 04; do for m in $(seq -w 0 59); do
    printf '2019-09-17 %s:%s:00,000 INFO org.apache.hadoop.ha.HealthMonitor: %s\n' "$h" "$m" "$1"
  done; done
}
log="$logs/hadoop-hdfs-zkfc-nn1.log"
two_hours "old" >"$log"
run scan --state "$state" --stats "$logs"
expect_status 0
old_inode=$(stat -c %i "$log") old_size=$(stat -c %s "$log")
mv "$log" "$log.1"
gzip "$log.1"
two_hours "new" | sed 's/^2019-09-17 03/2019-09-17 05/; s/^2019-09-17 04/2019-09-17 06/' >"$log"
[ "$(stat -c %s "$log")" = "$old_size" ] || fail "test setup: sizes differ"
new_inode=$(stat -c %i "$log")
if [ "$new_inode" = "$old_inode" ]; then
  echo "the new log reused inode $old_inode"
else
  # Make the state say what a reuse would: the remembered log has the new log's inode.
  echo "this file system gave the new log inode $new_inode; the state is made to match it"
  sed -i "s/^\(file [0-9]* \)$old_inode /\1$new_inode /" "$state"
  grep -q "^file [0-9]* $new_inode " "$state" || fail "test setup: state not rewritten"
fi
run scan --state "$state" --stats "$logs"
expect_status 0
read_lines=$(sed -n 's/^faultline: stats: \([0-9]*\) lines read.*/\1/p' "$ERR")
# All 120 lines of the new log, plus at most the re-read tail of the rotated one (not all 120).
[ -n "$read_lines" ] && [ "$read_lines" -ge 120 ] && [ "$read_lines" -lt 240 ] ||
  fail "lines read: ${read_lines:-none}; stderr: $(cat "$ERR")"
grep -q " 120 .*hadoop-hdfs-zkfc-nn1.log$" "$state" || fail "new log not read to its end: $(cat "$state")"
pass
