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
  expect_same_records "$incident/$f" "$SCRATCH/page/$f"
done
expect_same_diagnosis "$incident" "$SCRATCH/page"
pass
