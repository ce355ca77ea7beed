# Shared helpers for the CLI tests. Each test script sources this, runs the real binary
# ($FAULTLINE) on files under $TESTDATA or built in a scratch directory, and asserts on exit
# status, stdout and stderr.
set -u
: "${FAULTLINE:?set FAULTLINE to the faultline binary}"
: "${TESTDATA:?set TESTDATA to the testdata directory}"
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/faultline-cli.XXXXXX")
trap 'chmod -R u+rwx "$SCRATCH" 2>/dev/null; rm -rf "$SCRATCH"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run ARGS...: runs faultline, leaving $STATUS, $OUT (stdout file) and $ERR (stderr file).
run() {
  OUT="$SCRATCH/stdout" ERR="$SCRATCH/stderr"
  "$FAULTLINE" "$@" >"$OUT" 2>"$ERR" </dev/null
  STATUS=$?
}

# run_stdin FILE ARGS...: like run, with FILE on standard input.
run_stdin() {
  local input=$1
  shift
  OUT="$SCRATCH/stdout" ERR="$SCRATCH/stderr"
  "$FAULTLINE" "$@" >"$OUT" 2>"$ERR" <"$input"
  STATUS=$?
}

expect_status() {
  [ "$STATUS" -eq "$1" ] || fail "exit status $STATUS, expected $1; stderr: $(cat "$ERR")"
}

# expect_stderr_line TEXT: stderr has a line that is exactly TEXT.
expect_stderr_line() {
  grep -qxF -- "$1" "$ERR" || fail "stderr lacks line: $1; stderr was: $(cat "$ERR")"
}

expect_stdout_has() {
  grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1"
}

# expect_same EXPECTED_FILE ACTUAL_FILE
expect_same() {
  diff -u "$1" "$2" >&2 || fail "output differs from $1"
}

pass() {
  echo "PASS: $(basename "$0" .sh)"
  exit 0
}

# record_fields FILE LINE: "format|level|logger|thread|message|instant" of the record that
# `faultline events` (its NDJSON in $OUT) gives for source FILE, line LINE.
record_fields() {
  python3 -c '
import json, sys
for l in open(sys.argv[1]):
    j = json.loads(l)
    if j["source"] == sys.argv[2] and j["line"] == int(sys.argv[3]):
        print("|".join([j["format"], j["level"], j["logger"], j["thread"], j["message"], j["instant"]]))
' "$OUT" "$1" "$2"
}

# expect_fields FILE LINE EXPECTED: record_fields gives EXPECTED.
expect_fields() {
  local got
  got=$(record_fields "$1" "$2")
  [ "$got" = "$3" ] || fail "$1:$2: got '$got', expected '$3'"
}

# copy_fields <NDJSON: what a copy of a log (quoted, coloured, from a web page) must keep of
# each record - instant, level, logger, thread, message, continuation - one record per line.
copy_fields() {
  python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(r["instant"], r["level"], r["logger"], r["thread"], r["message"], r["continuation"], sep="|")'
}

# expect_same_records ORIGINAL COPY [DROP]: `events` reads COPY (the log pasted, quoted, coloured)
# as it reads ORIGINAL: the same copy_fields, record for record. COPY's records matching the grep
# pattern DROP (lines the paste added) are left out. $OUT is then COPY's events.
expect_same_records() {
  run events "$1"
  copy_fields <"$OUT" >"$SCRATCH/want.txt"
  [ -s "$SCRATCH/want.txt" ] || fail "$1: no records"
  run events "$2"
  expect_status 0
  if [ -n "${3:-}" ]; then copy_fields <"$OUT" | grep -v -e "$3"; else copy_fields <"$OUT"; fi \
    >"$SCRATCH/got.txt"
  diff "$SCRATCH/want.txt" "$SCRATCH/got.txt" >"$SCRATCH/diff" ||
    fail "$2 reads differently from $1: $(head -6 "$SCRATCH/diff")"
}

# expect_same_diagnosis ORIGINAL COPY: `analyze` gives COPY the top incident it gives ORIGINAL.
expect_same_diagnosis() {
  run analyze --color never "$1"
  local top
  top=$(head -1 "$OUT")
  run analyze --color never "$2"
  expect_status 1
  [ "$(head -1 "$OUT")" = "$top" ] || fail "diagnosis of $2: $(head -1 "$OUT"), not: $top"
}
