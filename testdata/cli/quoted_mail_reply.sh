# Logs quoted in a mailing-list reply ("> 2019-09-17 ...", ">> " a level deeper, stack frames
# keeping their own indent after the marks) read as the logs themselves: same records, fields and
# continuations, same diagnosis, on files and on standard input.
source "$(dirname "$0")/lib.bash"
incident="$TESTDATA/incidents/zkfc-connectionloss"
mkdir -p "$SCRATCH/reply"
for f in zk-leader.log hadoop-hdfs-zkfc-nn1.log monitor.log; do
  marks="> "
  [ "$f" = hadoop-hdfs-zkfc-nn1.log ] && marks=">> "
  { printf 'On Tue, Sep 17, 2019 at 6:02 AM Ops <ops@example.org> wrote:\n\n'
    sed "s/^/$marks/; s/^> \$/>/" "$incident/$f"; } >"$SCRATCH/reply/$f"
done

for f in zk-leader.log hadoop-hdfs-zkfc-nn1.log monitor.log; do
  # The reply's own first lines ("On Tue, ... wrote:" and a blank) are records of their own.
  expect_same_records "$incident/$f" "$SCRATCH/reply/$f" '|On Tue, Sep 17\|||||$'
  # The ZKFC's FATAL record carries its tab-indented frames (through ">> " in the reply).
  [ "$f" != hadoop-hdfs-zkfc-nn1.log ] || grep -q 'at org.apache.hadoop.ha' "$SCRATCH/want.txt" ||
    fail "no frames in the plain ZKFC records"
done
expect_same_diagnosis "$incident" "$SCRATCH/reply"
run_stdin "$SCRATCH/reply/zk-leader.log" events -
grep -q '"level":"WARN".*transaction timeout' "$OUT" || fail "standard input: no quoted record read"

# A log that merely has a line starting with '>' is not a quoted reply.
{ cat "$incident/zk-leader.log"; echo '> not a quote mark'; } >"$SCRATCH/one.log"
run events "$SCRATCH/one.log"
grep -q '"message":"> not a quote mark"\|"continuation":"> not a quote mark"' "$OUT" ||
  fail "a lone '>' line lost its mark: $(grep 'not a quote' "$OUT")"
pass
