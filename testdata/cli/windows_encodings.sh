# Logs saved on Windows: UTF-16 (PowerShell's `>` and Out-File write it, with a byte order mark)
# and UTF-8 with a byte order mark (Notepad) give the same records and the same diagnosis as the
# UTF-8 originals, with and without gzip, from a file or standard input.
source "$(dirname "$0")/lib.bash"
SEED="$TESTDATA/incidents/zkfc-connectionloss"
mkdir -p "$SCRATCH/utf8" "$SCRATCH/utf16le" "$SCRATCH/utf16be" "$SCRATCH/bom" "$SCRATCH/gz"
for f in zk-leader.log hadoop-hdfs-zkfc-nn1.log monitor.log; do
  cp "$SEED/$f" "$SCRATCH/utf8/$f"
  iconv -f UTF-8 -t UTF-16 "$SEED/$f" >"$SCRATCH/utf16le/$f" # glibc writes little endian + mark
  { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$SEED/$f"; } >"$SCRATCH/utf16be/$f"
  { printf '\xef\xbb\xbf'; cat "$SEED/$f"; } >"$SCRATCH/bom/$f"
  gzip -c "$SCRATCH/utf16le/$f" >"$SCRATCH/gz/$f.gz"
done
head -c 2 "$SCRATCH/utf16le/monitor.log" | od -An -tx1 | grep -q 'ff fe' || fail "iconv wrote no mark"

run events "$SCRATCH/utf8"
expect_status 0
sed 's#/utf8/#/X/#g' "$OUT" >"$SCRATCH/events-utf8"
run analyze --format json "$SCRATCH/utf8"
expect_status 1
sed 's#/utf8/#/X/#g' "$OUT" >"$SCRATCH/analyze-utf8"
for kind in utf16le utf16be bom; do
  run events "$SCRATCH/$kind"
  expect_status 0
  sed "s#/$kind/#/X/#g" "$OUT" | cmp -s - "$SCRATCH/events-utf8" || fail "$kind: records differ"
  run analyze --format json "$SCRATCH/$kind"
  expect_status 1
  sed "s#/$kind/#/X/#g" "$OUT" | cmp -s - "$SCRATCH/analyze-utf8" || fail "$kind: report differs"
done
run analyze "$SCRATCH/gz"
expect_status 1
grep -q 'rule zk-txn-timeout-zkfc-exit' "$OUT" || fail "gzip of UTF-16: no diagnosis"
run_stdin "$SCRATCH/utf16le/zk-leader.log" events -
expect_status 0
[ "$(wc -l <"$OUT")" -eq "$(grep -c '"source":"[^"]*zk-leader' "$SCRATCH/events-utf8")" ] ||
  fail "UTF-16 on standard input: record count differs"
grep -q '"unparsed"' "$OUT" && fail "UTF-16 on standard input: unparsed records"
pass
