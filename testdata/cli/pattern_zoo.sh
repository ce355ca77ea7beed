# Logs written with logging patterns found in public configuration files (testdata/parsers/
# pattern-zoo: log4j, logback, log4j2 and Python formats) are read field by field: told the pattern
# (--layout, --datefmt) every record must be right; handed over blind, the share the parsers reached
# when the zoo was last grown, rounded down. Raise BLIND as detection learns the patterns.
source "$(dirname "$0")/lib.bash"
BLIND=82
DIR="$TESTDATA/parsers/pattern-zoo"
[ -f "$DIR/patterns.tsv" ] || fail "no pattern-zoo patterns"
python3 "$DIR/zoo.py" "$FAULTLINE" --blind-threshold "$BLIND" --layout-threshold 100 \
  --keep "$SCRATCH/zoo" >"$SCRATCH/report" 2>&1
status=$?
[ "$status" -eq 0 ] || { cat "$SCRATCH/report" >&2; fail "pattern zoo below its thresholds (zoo.py exit $status)"; }
pass
