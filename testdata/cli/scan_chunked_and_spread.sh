# Exactly-once at scale: logs of two clusters a day apart, fed to scan in chunks (cut anywhere,
# mid-line too), give the incidents one `analyze` of the whole gives, each once; later runs with
# no new bytes, or with new lines that complete nothing, report nothing and exit 0, whatever the
# inputs' time spread. SCAN_TEST_MB sets the corpus size (default 4; the regression seen at
# scale was checked with 300).
source "$(dirname "$0")/lib.bash"
MB=${SCAN_TEST_MB:-4}
CHUNKS=${SCAN_TEST_CHUNKS:-7}
python3 "$(dirname "$0")/scan_corpus.py" "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/full" "$MB" \
  || fail "corpus generator"
mkdir -p "$SCRATCH/logs/a" "$SCRATCH/logs/b" "$SCRATCH/reports"
files="a/zk-a.log a/zkfc-a.log b/zk-b.log b/zkfc-b.log"

# One pass over the whole.
run analyze --format json "$SCRATCH/full"
[ "$STATUS" -le 1 ] || fail "analyze: $STATUS $(cat "$ERR")"
# Incidents the end of the input cut short (a chain still waiting, an absence window still open)
# are for a later run to decide; every other one must come out of the chunked scans.
python3 - "$OUT" >"$SCRATCH/expected" 3>"$SCRATCH/fired" <<'PY'
import json, os, sys
fired = os.fdopen(3, "w")
for i in json.load(open(sys.argv[1]))["incidents"]:
    if not i["ended_waiting"] and not i["window_open_at_end"]:
        print(i["fingerprint"])
        fired.write(" ".join(i["rules_fired"]) + "\n")
PY
sort -o "$SCRATCH/expected" "$SCRATCH/expected"
[ "$(wc -l <"$SCRATCH/expected")" -ge 20 ] || fail "too few incidents to test with: $(wc -l <"$SCRATCH/expected")"
grep -q "zk-no-leader-elected" "$SCRATCH/fired" || fail "no absence incident planted"
grep -q "zk-election-storm" "$SCRATCH/fired" || fail "no storm planted"

# The same bytes in chunks, a scan after each: with --no-group every occurrence is reported on
# its own (to compare with analyze); beside it, the default grouping into episodes.
mkdir "$SCRATCH/episodes"
: >"$SCRATCH/reported"
: >"$SCRATCH/grouped"
for ((k = 1; k <= CHUNKS; k++)); do
  for f in $files; do
    size=$(stat -c %s "$SCRATCH/full/$f")
    from=$(((k - 1) * size / CHUNKS + 1)) to=$((k * size / CHUNKS))
    tail -c +"$from" "$SCRATCH/full/$f" | head -c $((to - from + 1)) >>"$SCRATCH/logs/$f"
  done
  run scan --quiet --format json --state "$SCRATCH/gstate" --report-dir "$SCRATCH/episodes" "$SCRATCH/logs"
  [ "$STATUS" -le 1 ] || fail "chunk $k (grouped): $STATUS $(cat "$ERR")"
  if [ -s "$OUT" ]; then
    python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
for i in doc["incidents"]:
    print(i["episode"]["state"], i["rule"], i["episode"]["first"])
for e in doc.get("resolved", []):
    print("resolved", e["key"], e["first"])' "$OUT" >>"$SCRATCH/grouped"
  fi
  run scan --no-group --quiet --format json --state "$SCRATCH/state" --report-dir "$SCRATCH/reports" "$SCRATCH/logs"
  [ "$STATUS" -le 1 ] || fail "chunk $k: $STATUS $(cat "$ERR")"
  if [ -s "$OUT" ]; then
    python3 -c '
import json, sys
for i in json.load(open(sys.argv[1]))["incidents"]:
    print(i["status"], i["fingerprint"])' "$OUT" >>"$SCRATCH/reported"
  fi
done
cmp -s "$SCRATCH/full/a/zk-a.log" "$SCRATCH/logs/a/zk-a.log" || fail "chunks do not add up"
# Each incident reported new once; the union of all reports is what analyze found.
dups=$(awk '$1 == "new" { print $2 }' "$SCRATCH/reported" | sort | uniq -d)
[ -z "$dups" ] || fail "reported new twice: $dups"
awk '{ print $2 }' "$SCRATCH/reported" | sort -u >"$SCRATCH/union"
diff "$SCRATCH/expected" "$SCRATCH/union" >"$SCRATCH/diff" ||
  fail "chunked scans and one analyze differ ($(grep -c '^<' "$SCRATCH/diff") only in analyze, $(grep -c '^>' "$SCRATCH/diff") only in scan): $(head -5 "$SCRATCH/diff")"
[ "$(ls "$SCRATCH/reports" | grep -c 'json$')" -eq "$(awk '$1 == "new"' "$SCRATCH/reported" | wc -l)" ] ||
  fail "report files: $(ls "$SCRATCH/reports" | grep -c 'json$') for $(awk '$1 == "new"' "$SCRATCH/reported" | wc -l) new incidents"

# Episodes: fewer than the incidents, one report file pair each, each opened and resolved once.
opened=$(grep -c '^opened ' "$SCRATCH/grouped")
[ "$opened" -eq "$(ls "$SCRATCH/episodes" | grep -c 'json$')" ] ||
  fail "$opened episodes opened, $(ls "$SCRATCH/episodes" | grep -c 'json$') report files"
[ "$opened" -lt "$(wc -l <"$SCRATCH/expected")" ] || fail "no repeats grouped: $opened episodes"
grep -q '^ongoing ' "$SCRATCH/grouped" && fail "a repeat that changed nothing was printed"
[ -z "$(grep '^resolved ' "$SCRATCH/grouped" | sort | uniq -d)" ] || fail "an episode resolved twice"
[ "$(grep -c '^resolved ' "$SCRATCH/grouped")" -ge $((opened / 2)) ] || fail "few episodes resolved: $(cat "$SCRATCH/grouped")"
for i in 1 2; do
  run scan --state "$SCRATCH/gstate" --report-dir "$SCRATCH/episodes" "$SCRATCH/logs"
  expect_status 0
  [ ! -s "$OUT" ] || fail "idle grouped scan $i printed: $(head -3 "$OUT")"
done

# Nothing new: nothing printed (even without --quiet), exit 0, three times.
for i in 1 2 3; do
  run scan --no-group --state "$SCRATCH/state" --report-dir "$SCRATCH/reports" "$SCRATCH/logs"
  expect_status 0
  [ ! -s "$OUT" ] || fail "idle scan $i printed: $(head -3 "$OUT")"
done
# New lines that complete nothing, in every log: no old incident comes back, whatever the spread.
for f in $files; do
  last=$(grep -E '^[0-9]{4}-' "$SCRATCH/logs/$f" | tail -n 1 | cut -c1-23)
  case $f in
  */zk-*) echo "$last [myid:3] - INFO  [main:QuorumPeer@100] - a quiet line" ;;
  *) echo "$last INFO org.apache.hadoop.ha.ZKFailoverController: a quiet line" ;;
  esac >>"$SCRATCH/logs/$f"
done
run scan --no-group --quiet --state "$SCRATCH/state" --report-dir "$SCRATCH/reports" "$SCRATCH/logs"
expect_status 0
[ ! -s "$OUT" ] || fail "old incidents came back after new quiet lines: $(head -3 "$OUT")"
pass
