# Episodes: analyze names each run of repeats (one rule, one root-cause host, less than the
# quiet period apart) once in its summary, --no-group lists every occurrence, and JSON keeps
# every incident plus the episodes with each occurrence's time. scan writes one report file
# pair per episode and updates it in place: opened, then (after a quiet hour) resolved.
source "$(dirname "$0")/lib.bash"
python3 "$(dirname "$0")/scan_corpus.py" "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/logs" 2 \
  || fail "corpus generator"
run analyze --format json "$SCRATCH/logs"
expect_status 1
read -r incidents episodes occurrences repeated <<<"$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
eps = d["episodes"]
print(len(d["incidents"]), len(eps), sum(len(e["occurrences"]) for e in eps),
      sum(1 for e in eps if e["count"] > 1))' "$OUT")"
[ "$occurrences" -eq "$incidents" ] || fail "episodes hold $occurrences occurrences of $incidents incidents"
[ "$repeated" -ge 1 ] && [ "$episodes" -lt "$incidents" ] || fail "nothing grouped: $episodes of $incidents"
run analyze "$SCRATCH/logs"
[ "$(grep -c '^\[[0-9]*\] ' "$OUT")" -eq "$episodes" ] || fail "text lists $(grep -c '^\[[0-9]*\] ' "$OUT"), not $episodes episodes"
grep -qE '^    Episode: [0-9]+ occurrences from .* UTC \(.*\), the worst shown$' "$OUT" || fail "no episode line"
run analyze --no-group "$SCRATCH/logs"
[ "$(grep -c '^\[[0-9]*\] ' "$OUT")" -eq "$incidents" ] || fail "--no-group lists $(grep -c '^\[[0-9]*\] ' "$OUT"), not $incidents"
grep -q 'Episode:' "$OUT" && fail "--no-group shows episodes"
run analyze --quiet-period 1s "$SCRATCH/logs"
[ "$(grep -c '^\[[0-9]*\] ' "$OUT")" -eq "$incidents" ] || fail "--quiet-period 1s still groups"
run analyze --quiet-period soon "$SCRATCH/logs"
expect_status 2
grep -q "^faultline: error: --quiet-period soon: " "$ERR" || fail "$(cat "$ERR")"

# scan, all at once: one report pair per episode; each printed once when it opens.
mkdir "$SCRATCH/reports"
run scan --format json --state "$SCRATCH/state" --report-dir "$SCRATCH/reports" "$SCRATCH/logs"
expect_status 1
[ "$(ls "$SCRATCH/reports" | grep -c 'json$')" -eq "$episodes" ] || fail "$(ls "$SCRATCH/reports" | grep -c 'json$') report files for $episodes episodes"
[ "$(ls "$SCRATCH/reports" | grep -c 'html$')" -eq "$episodes" ] || fail "$(ls "$SCRATCH/reports" | grep -c 'html$') HTML reports for $episodes episodes"
python3 - "$OUT" "$SCRATCH/reports" <<'PY' || fail "scan output or report files"
import json, os, sys
doc = json.load(open(sys.argv[1]))
states = [i["episode"]["state"] for i in doc["incidents"]]
assert set(states) == {"opened"}, states
for name in os.listdir(sys.argv[2]):
    if name.endswith(".json"):
        r = json.load(open(os.path.join(sys.argv[2], name)))
        e = r["episode"]
        assert e["count"] == len(e["occurrences"]), name
        assert r["worst"]["incidents"][0]["rule"] == e["key"].split("|")[0], name
# Every episode but those of each cluster's last hours has ended within the run.
assert len(doc["resolved"]) >= len(states) - 6, (len(doc["resolved"]), len(states))
PY
grep -l '"state":"open"' "$SCRATCH"/reports/*.json | sort >"$SCRATCH/open"
[ -s "$SCRATCH/open" ] || fail "no episode left open at the end of the logs"
# Two hours later in every log: the open episodes end, once; their files say so, in place.
for f in "$SCRATCH"/logs/*/*.log; do
  last=$(grep -aE '^[0-9]{4}-' "$f" | tail -n 1 | cut -c1-19)
  later=$(date -u -d "$last UTC + 2 hours" '+%Y-%m-%d %H:%M:%S')
  echo "$later,000 [myid:3] - INFO  [main:QuorumPeer@100] - a quiet line" >>"$f"
done
before=$(ls "$SCRATCH/reports")
run scan --state "$SCRATCH/state" --report-dir "$SCRATCH/reports" "$SCRATCH/logs"
expect_status 0
[ "$(grep -c '^Resolved: ' "$OUT")" -eq "$(wc -l <"$SCRATCH/open")" ] || fail "resolved: $(cat "$OUT")"
grep -q '^Resolved: .*: no occurrence for 1h (' "$OUT" || fail "$(cat "$OUT")"
[ "$(ls "$SCRATCH/reports")" = "$before" ] || fail "resolving wrote other files"
for f in $(cat "$SCRATCH/open"); do
  grep -q '"state":"resolved"' "$f" || fail "$f not marked resolved"
  grep -q '"worst":{"schema":"faultline.analyze/1"' "$f" || fail "$f lost its worst occurrence"
done
grep -q -- '- \*\*State:\*\* resolved: no occurrence for 1h' "$(sed 's/json$/md/' "$SCRATCH/open" | head -1)" || fail "markdown header"
run scan --state "$SCRATCH/state" --report-dir "$SCRATCH/reports" "$SCRATCH/logs"
expect_status 0
[ ! -s "$OUT" ] || fail "resolved again: $(cat "$OUT")"
pass
