# A log copied from a web page (a blog post, a wiki): its spaces arrive as no-break spaces
# (U+00A0, the page's "&nbsp;"), some as ideographic spaces (U+3000), with zero-width spaces
# (U+200B) between words. Read as the plain log: same records and fields, same diagnosis.
source "$(dirname "$0")/lib.bash"
incident="$TESTDATA/incidents/zkfc-connectionloss"
mkdir -p "$SCRATCH/page"
for f in zk-leader.log hadoop-hdfs-zkfc-nn1.log monitor.log; do
  sed 's/ /\xc2\xa0/g; 0~3 s/\xc2\xa0/\xe3\x80\x80/; 0~5 s/^/\xe2\x80\x8b/' "$incident/$f" >"$SCRATCH/page/$f"
done
grep -q $'\xc2\xa0' "$SCRATCH/page/zk-leader.log" || fail "the web copy was not made"
for f in zk-leader.log hadoop-hdfs-zkfc-nn1.log monitor.log; do
  run events "$incident/$f"
  copy_fields <"$OUT" >"$SCRATCH/want.txt"
  run events "$SCRATCH/page/$f"
  expect_status 0
  copy_fields <"$OUT" >"$SCRATCH/got.txt"
  diff "$SCRATCH/want.txt" "$SCRATCH/got.txt" >"$SCRATCH/diff" || fail "$f: $(head -4 "$SCRATCH/diff")"
done
run analyze --color never "$incident"
top=$(head -1 "$OUT")
run analyze --color never "$SCRATCH/page"
expect_status 1
[ "$(head -1 "$OUT")" = "$top" ] || fail "diagnosis of the web copy: $(head -1 "$OUT"), not: $top"
pass
