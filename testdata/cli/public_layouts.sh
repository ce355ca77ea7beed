# Log lines in layouts people post publicly (testdata/parsers/public-layouts: ZooKeeper, Hadoop,
# HDFS, Hive, Accumulo, Flink, Solr, Storm, NiFi, Spring Boot, Pulsar, Kafka Connect, ClickHouse,
# the ZooKeeper C client, glog, Go, kazoo, and their wrappers) give the level, logger, thread,
# message and instant their layout says, record by record (expected.tsv). The threshold is what
# the binary reached when the corpus was added, rounded down; raise it as parsers learn layouts.
source "$(dirname "$0")/lib.bash"
THRESHOLD=100
DIR="$TESTDATA/parsers/public-layouts"
[ -f "$DIR/expected.tsv" ] || fail "no public-layouts fixtures"
python3 "$DIR/check.py" "$FAULTLINE" --threshold "$THRESHOLD" >"$SCRATCH/report" 2>&1
status=$?
[ "$status" -eq 0 ] || { cat "$SCRATCH/report" >&2; fail "public layouts below ${THRESHOLD}% (check.py exit $status)"; }
pass
