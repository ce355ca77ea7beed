# `faultline layouts` lists the built-in layout table; docs/layouts.md holds the same table, so the
# documentation cannot drift from what detection reads.
source "$(dirname "$0")/lib.bash"
run layouts --markdown
expect_status 0
sed -n '/<!-- layouts:begin -->/,/<!-- layouts:end -->/p' "$TESTDATA/../docs/layouts.md" |
  sed '1d;$d' >"$SCRATCH/doc-table"
expect_same "$SCRATCH/doc-table" "$OUT"
run layouts
expect_status 0
expect_stdout_has "zookeeper/myid       scanner  log4j  %d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n"
pass
