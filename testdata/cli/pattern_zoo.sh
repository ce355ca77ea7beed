# Logs written with logging patterns found in public configuration files (testdata/parsers/
# pattern-zoo: log4j, logback, log4j2 and Python formats) are read field by field, as written and
# inside the wrappers they arrive in (kubectl --timestamps, docker compose, journald) and piped in
# on standard input (one line at a time is detected there, as in compose output): told the
# pattern (--layout, --datefmt) every record must be right; handed over blind, the share the
# parsers reached when the zoo was last grown, rounded down. Raise BLIND as detection learns.
source "$(dirname "$0")/lib.bash"
BLIND=83
BLIND_PER_LINE=82  # standard input and docker compose output
DIR="$TESTDATA/parsers/pattern-zoo"
[ -f "$DIR/patterns.tsv" ] || fail "no pattern-zoo patterns"
for wrap in none kubectl compose journald stdin; do
  blind=$BLIND
  args=(--wrap "$wrap")
  case "$wrap" in
    none) args=() ;;
    stdin) args=(--stdin); blind=$BLIND_PER_LINE ;;
    compose) blind=$BLIND_PER_LINE ;;
  esac
  python3 "$DIR/zoo.py" "$FAULTLINE" "${args[@]}" --blind-threshold "$blind" \
    --layout-threshold 100 --keep "$SCRATCH/zoo-$wrap" >"$SCRATCH/report-$wrap" 2>&1
  status=$?
  [ "$status" -eq 0 ] || { cat "$SCRATCH/report-$wrap" >&2; fail "pattern zoo ($wrap) below its thresholds (zoo.py exit $status)"; }
done
pass
