# Every rule's fixtures pass again with their logs rewritten in other logging layouts
# (testdata/rules/relayout.py): logback's classic console pattern and Elasticsearch's
# "[%d][%-5p][%-25c{1.}]" for the JVM logs, two Python formats for kazoo's. A rule that stops
# firing, or fires on its near miss, when only the layout changed depends on the layout, not on
# the incident. The floor is what the rules reached when the test was written, rounded down.
source "$(dirname "$0")/lib.bash"
MIN=98
python3 "$TESTDATA/rules/relayout.py" "$FAULTLINE" --pattern logback-classic \
  --pattern es-bracket-fields --min "$MIN" >"$SCRATCH/report" 2>&1
status=$?
[ "$status" -eq 0 ] || { cat "$SCRATCH/report" >&2; fail "rules below ${MIN}% in another layout (relayout.py exit $status)"; }
pass
