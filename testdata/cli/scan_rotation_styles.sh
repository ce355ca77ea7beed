# Each rotation style (create: rename and a new file; copytruncate; rename then gzip) on logs of
# two clusters a day apart: the lines written just before the rotation are reported once (the
# two runs together report what one run over the whole does), and no later run (no new bytes, or
# new lines that complete nothing, in either cluster) reports an old incident again.
source "$(dirname "$0")/lib.bash"
python3 "$(dirname "$0")/scan_corpus.py" "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/full" 2 \
  || fail "corpus generator"
fingerprints() { # the incidents of a scan's JSON output ($OUT), one "status fingerprint" a line
  [ -s "$OUT" ] || return 0
  python3 -c '
import json, sys
for i in json.load(open(sys.argv[1]))["incidents"]:
    print(i["fingerprint"])' "$OUT"
}
quiet_line() { # a line at the time of the last record of file $1 that completes nothing
  echo "$(grep -aE '^[0-9]{4}-' "$1" | tail -n 1 | cut -c1-23) [myid:3] - INFO  [main:QuorumPeer@100] - a quiet line"
}
split_at() { # split_at STAMP before|after: the records of stdin up to STAMP, or the rest
  awk -v cut="$1" -v want="$2" '/^[0-9][0-9][0-9][0-9]-/ { late = substr($0, 1, 19) > cut }
    (want == "after") == late'
}
run scan --quiet --format json --state "$SCRATCH/whole.state" "$SCRATCH/full"
expect_status 1
fingerprints | sort >"$SCRATCH/whole"
[ "$(wc -l <"$SCRATCH/whole")" -ge 10 ] || fail "too few incidents: $(cat "$SCRATCH/whole")"
for style in create copytruncate rename-gzip; do
  logs="$SCRATCH/$style" state="$SCRATCH/$style.state"
  cp -r "$SCRATCH/full" "$logs"
  log="$logs/b/zk-b.log"
  # Cluster b's last third is written after a first run, then its ZooKeeper log is rotated.
  cut=$(sed -n "$(($(wc -l <"$log") * 2 / 3))p" "$log" | cut -c1-19)
  for f in zk-b.log zkfc-b.log; do
    split_at "$cut" before <"$SCRATCH/full/b/$f" >"$logs/b/$f"
  done
  run scan --quiet --format json --state "$state" "$logs"
  expect_status 1
  fingerprints >"$SCRATCH/runs"
  for f in zk-b.log zkfc-b.log; do
    split_at "$cut" after <"$SCRATCH/full/b/$f" >>"$logs/b/$f"
  done
  quiet_line "$log" >"$SCRATCH/quiet"
  case $style in
  create) mv "$log" "$log.1" && : >"$log" ;;
  copytruncate) cp "$log" "$log.1" && : >"$log" ;;
  rename-gzip) mv "$log" "$log.1" && gzip "$log.1" && : >"$log" ;;
  esac
  cat "$SCRATCH/quiet" >>"$log"
  run scan --quiet --format json --state "$state" "$logs"
  [ "$STATUS" -le 1 ] || fail "$style after rotation: $STATUS $(cat "$ERR")"
  fingerprints >>"$SCRATCH/runs"
  dups=$(sort "$SCRATCH/runs" | uniq -d)
  [ -z "$dups" ] || fail "$style: reported twice: $dups"
  sort -o "$SCRATCH/runs" "$SCRATCH/runs"
  diff "$SCRATCH/whole" "$SCRATCH/runs" >&2 || fail "$style: the two runs differ from one run over the whole"
  for i in 1 2 3; do
    run scan --state "$state" "$logs"
    expect_status 0
    [ ! -s "$OUT" ] || fail "$style: idle run $i printed: $(head -3 "$OUT")"
  done
  for f in "$log" "$logs/a/zk-a.log"; do
    quiet_line "$f" >>"$f"
    run scan --quiet --state "$state" "$logs"
    expect_status 0
    [ ! -s "$OUT" ] || fail "$style: an old incident came back after a quiet line in $f: $(head -3 "$OUT")"
  done
done
pass
