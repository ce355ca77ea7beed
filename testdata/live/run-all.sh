#!/bin/bash
# Runs the live scenarios one after the other (all, or the names given) and prints one line
# per scenario: PASS / SKIP / FAIL, its duration, and whether any ZooKeeper server or monitor
# was left running afterwards. Exit status: 0 if none failed.
#   FAULTLINE=build/faultline testdata/live/run-all.sh [NAME...]
# LIVE_OUT / LIVE_CAPTURE_DIR are passed through to the scenarios (see lib.bash).
set -u
here=$(cd "$(dirname "$0")" && pwd)
names=("$@")
if [ "${#names[@]}" -eq 0 ]; then
  for f in "$here"/scenarios/*.sh; do names+=("$(basename "$f" .sh)"); done
fi
failed=0
for name in "${names[@]}"; do
  start=$(date +%s)
  log=$(mktemp "${TMPDIR:-/tmp}/faultline-live-$name.XXXXXX.log")
  "$here/scenarios/$name.sh" >"$log" 2>&1
  rc=$?
  took=$(($(date +%s) - start))
  case $rc in
    0) verdict=PASS ;;
    77) verdict=SKIP ;;
    *) verdict=FAIL failed=1 ;;
  esac
  left=$(pgrep -f 'faultline-live\.|testdata/live/monitor.py' | tr '\n' ' ')
  echo "$verdict $name (${took}s)${left:+ LEFT RUNNING: $left}"
  [ -n "$left" ] && failed=1
  if [ "$verdict" = PASS ]; then
    grep '^  ' "$log"  # the analysis summary
  else
    sed 's/^/    /' "$log"
  fi
  rm -f "$log"
done
exit "$failed"
