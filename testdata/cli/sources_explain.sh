# sources --explain says, for a file no parser took, where each parser stopped and why.
source "$(dirname "$0")/lib.bash"
printf 'Sep 17 05:04:12 nn1 kernel: eth0 link down\nSep 17 05:04:13 nn1 kernel: eth0 link up\n' >"$SCRATCH/syslog.log"
cd "$SCRATCH" || fail "cd"
run sources --explain syslog.log
expect_status 0
cat >"$SCRATCH/expected" <<'TXT'
SOURCE      FORMAT  HOST    COMPONENT  ZONE  LINES  RECORDS  UNPARSED  OOO  FIRST                     LAST
syslog.log  -       syslog  other      UTC       2        2         2    0  1970-01-01T00:00:00.001Z  1970-01-01T00:00:00.002Z

syslog.log: no parser recognised its first 2 lines
  zookeeper: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
  hadoop: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
  java: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp (or [timestamp])
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
  logback: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
  python: 0 of 2 lines are headers; line 1 stopped at column 1: expected a Python level name or a timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
  timeless: 0 of 2 lines are headers; line 1 stopped at column 1: expected a level name or 'Exception in thread'
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
  generic: 0 of 2 lines are headers; line 1 stopped at column 1: no timestamp at line start
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^
TXT
expect_same "$SCRATCH/expected" "$OUT"
# The unparsed lines are still events, counted, never dropped.
run events --count syslog.log
[ "$(cat "$OUT")" -eq 2 ] || fail "unparsed lines lost"
pass
