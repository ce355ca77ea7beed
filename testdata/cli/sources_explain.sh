# sources --explain says, for a file no parser took, where each parser stopped and why. (Syslog
# lines without the program's [pid]: the syslog layout wants it.)
source "$(dirname "$0")/lib.bash"
printf 'Sep 17 05:04:12 nn1 kernel: eth0 link down\nSep 17 05:04:13 nn1 kernel: eth0 link up\n' >"$SCRATCH/syslog.log"
cd "$SCRATCH" || fail "cd"
run sources --explain syslog.log
expect_status 0
cat >"$SCRATCH/expected" <<'TXT'
SOURCE      FORMAT  HOST    COMPONENT  ZONE  LINES  RECORDS  UNPARSED  OOO  FIRST                     LAST
syslog.log  -       syslog  other      UTC       2        2         2    0  1970-01-01T00:00:00.001Z  1970-01-01T00:00:00.002Z

syslog.log: no parser recognised its first 2 lines; name the layout with --layout PATTERN, or give the logging config that writes it (log4j.properties, logback.xml, log4j2.xml, logging.conf)
  syslog '%(asctime)s %(hostname)s %(name)s[%(process)d]: %(message)s': 0 of 2 lines are headers; line 1 stopped at column 43: the text that should follow this field is not here
    Sep 17 05:04:12 nn1 kernel: eth0 link down
                                              ^ matched up to here
  python-syslog '%(asctime)s %(hostname)s %(prog)s[%(process)d,%(name)s,%(funcName)s]: (%(levelname)s) %(message)s': 0 of 2 lines are headers; line 1 stopped at column 39: the text that should follow this field is not here
    Sep 17 05:04:12 nn1 kernel: eth0 link down
                                          ^ matched up to here
  bitnami '%c %d{HH:mm:ss.SS} %notEmpty{%-5p ==> }%m%n': 0 of 2 lines are headers; line 1 stopped at column 7: no time of this pattern's date format here
    Sep 17 05:04:12 nn1 kernel: eth0 link down
          ^ matched up to here
  jul '%d{MMM dd, yyyy h:mm:ss a} %C %M%n': 0 of 2 lines are headers; line 1 stopped at column 7: no time of this pattern's date format here
    Sep 17 05:04:12 nn1 kernel: eth0 link down
          ^ matched up to here
  dotnet-trace '%cn %p: %sn : [%d{yyyy-MM-dd HH:mm:ss.SSS z} %p %c %m] ': 0 of 2 lines are headers; line 1 stopped at column 5: no level name here
    Sep 17 05:04:12 nn1 kernel: eth0 link down
        ^ matched up to here
  zookeeper: 0 of 2 lines are headers; line 1 stopped at column 1: no ISO8601 timestamp
    Sep 17 05:04:12 nn1 kernel: eth0 link down
    ^ matched up to here
  no line read by: hadoop, java, logback, python, json, logfmt, csv, spring-boot, spring-boot-app, spring-boot-sleuth, log4j2-offset, time-of-day, pinpoint, hadoop-test, hive, druid, nifi, flink, storm, solr, hdfs-compact, ttcc, storm2, accumulo, dolphinscheduler, openwhisk, solr-console, clickhouse, zookeeper-c, glog, glog-year, python-bracket-level, aws-lambda, python-name-level, oslo, thread-first, streams, dcache, pinpoint-dated, zkweb, logger-paren, python-bracket, python-bracket-time, confluent-operator, elasticsearch5, elasticsearch, logstash, zookeeper-iso-t, slash-date, python-name-file-line, pipe-dash, class-method, kylin-l4j, finagle, thread-level-colon, zeppelin, jepsen, slf4j-simple, strimzi-angle, class-line-thread, heron, relative-time, log4go, logstash-cabin, bracket-fields, karaf, stunnel, dropwizard, telegraf-plugin, telegraf, atlas, cloudstack, quarkus, wildfly, solr-admin-ui, airflow, structlog, airlift, play-mdc, zap-console, datasophon, bracket-logger, play-file, glassfish-odl, glassfish-ulf, rfc5424, librdkafka, librdkafka-dotnet, mysql8, redis, redis-no-year, redis2, dotnet-console, glog-file-header, erlang-report, logger-method-line, ignite-quiet, supervisord, python-time-dash, timeless, generic
TXT
expect_same "$SCRATCH/expected" "$OUT"
# The unparsed lines are still events, counted, never dropped.
run events --count syslog.log
[ "$(cat "$OUT")" -eq 2 ] || fail "unparsed lines lost"
pass
