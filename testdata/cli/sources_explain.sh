# sources --explain says, for a file no parser took, where each parser stopped and why.
source "$(dirname "$0")/lib.bash"
printf 'Sep 17 05:04:12 nn1 kernel: eth0 link down\nSep 17 05:04:13 nn1 kernel: eth0 link up\n' >"$SCRATCH/syslog.log"
cd "$SCRATCH" || fail "cd"
run sources --explain syslog.log
expect_status 0
cat >"$SCRATCH/expected" <<'TXT'
SOURCE      FORMAT  HOST    COMPONENT  ZONE  LINES  RECORDS  UNPARSED  OOO  FIRST                     LAST
syslog.log  -       syslog  other      UTC       2        2         2    0  1970-01-01T00:00:00.001Z  1970-01-01T00:00:00.002Z

syslog.log: no parser recognised its first 2 lines; name the layout with --layout PATTERN, or give the logging config that writes it (log4j.properties, logback.xml, log4j2.xml, logging.conf)
  zookeeper: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  hadoop: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  java: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp (or [timestamp])
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  logback: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  python: 0 of 2 lines are headers; line 1 stopped at column 1: expected a Python level name or a timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  spring-boot '%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p %pid --- [%15.15t] %-40.40logger{39} : %m%n': 0 of 2 lines are headers; line 1 stopped at column 1: no time of this pattern's date format here
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  no line read by: spring-boot-app, log4j2-offset, time-of-day, pinpoint, druid, nifi, flink, storm, solr, hdfs-compact, ttcc, python-bracket, python-bracket-time, timeless, generic
TXT
expect_same "$SCRATCH/expected" "$OUT"
# The unparsed lines are still events, counted, never dropped.
run events --count syslog.log
[ "$(cat "$OUT")" -eq 2 ] || fail "unparsed lines lost"
pass
