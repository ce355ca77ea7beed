# The HTML report opened in a real browser (headless Chromium, after its script ran): the seed
# incident's lanes, chain marks, Δt arrows, tickTime × syncLimit band and remedy; a step not in
# the logs drawn hollow; several incidents linked from the overview strip; a log line holding
# markup shown as text; a screenshot that is not blank. Skipped (77) where chromium is not installed; CI installs it.
source "$(dirname "$0")/lib.bash"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "SKIP: no chromium"; exit 77; }
check() { python3 "$(dirname "$0")/html_dom.py" "$@" || fail "html_dom.py $*"; }
# browse MODE FILE OUT: one bounded headless run with its own profile.
browse() {
  local mode=$1 file=$2 out=$3
  local args=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
    --user-data-dir="$SCRATCH/profile" --window-size=1280,1000)
  if [ "$mode" = dom ]; then
    timeout 60 "$CHROMIUM" "${args[@]}" --dump-dom "file://$file" >"$out" 2>>"$SCRATCH/chromium.log"
  else
    timeout 60 "$CHROMIUM" "${args[@]}" --screenshot="$out" "file://$file" >>"$SCRATCH/chromium.log" 2>&1
  fi
  [ -s "$out" ] || fail "chromium gave no $mode for $file: $(tail -5 "$SCRATCH/chromium.log")"
}
seed="$TESTDATA/incidents/zkfc-connectionloss"
export HOME=$SCRATCH  # chromium writes its caches under HOME

run analyze --format html "$seed"
expect_status 1
cp "$OUT" "$SCRATCH/seed.html"
# Self-contained: nothing is fetched (no src/href to another origin, no <link>, no @import).
! grep -Pq '(src|href)="(https?:)?//|<link|@import|url\((?!#)' "$SCRATCH/seed.html" ||
  fail "the page refers to something outside itself"
browse dom "$SCRATCH/seed.html" "$SCRATCH/seed.dom"
check seed "$SCRATCH/seed.dom"
browse png "$SCRATCH/seed.html" "$SCRATCH/seed.png"
check png "$SCRATCH/seed.png"

# The seed as an excerpt without the ActiveStandbyElector line: that step is drawn hollow.
run analyze --format html "$TESTDATA/rules/zk-txn-timeout-zkfc-exit/partial"
expect_status 1
cp "$OUT" "$SCRATCH/partial.html"
browse dom "$SCRATCH/partial.html" "$SCRATCH/partial.dom"
check partial "$SCRATCH/partial.dom"

# Several incidents: the seed's two and three from the captured live runs.
c="$TESTDATA/live/captured"
run analyze --format markdown "$seed" "$c/follower-slow-disk" "$c/client-session-expired" "$c/max-client-cnxns"
count=$(grep -c '^## [0-9]' "$OUT")
[ "$count" -ge 4 ] || fail "the multi-incident inputs gave $count incidents"
run analyze --format html "$seed" "$c/follower-slow-disk" "$c/client-session-expired" "$c/max-client-cnxns"
expect_status 1
cp "$OUT" "$SCRATCH/multi.html"
browse dom "$SCRATCH/multi.html" "$SCRATCH/multi.dom"
check multi "$SCRATCH/multi.dom" "$count"

# A log line holding markup: the leader's time-out line carries a script, an image with an
# onerror handler, and a </script> that must not end anything.
mkdir "$SCRATCH/hostile"
cp "$seed"/*.log "$SCRATCH/hostile/"
sed -i "s|Closing connection to peer due to transaction timeout.|& <script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"> </script>\"'|" \
  "$SCRATCH/hostile/zk-leader.log"
grep -q "PWNED" "$SCRATCH/hostile/zk-leader.log" || fail "hostile line not written"
run analyze --format html "$SCRATCH/hostile"
expect_status 1
cp "$OUT" "$SCRATCH/hostile.html"
browse dom "$SCRATCH/hostile.html" "$SCRATCH/hostile.dom"
check hostile "$SCRATCH/hostile.dom"
pass
