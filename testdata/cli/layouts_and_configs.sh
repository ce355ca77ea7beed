# --layout reads a layout no built-in parser knows; HOST=PATTERN applies to one host; a logging
# config among the inputs (or given with --config) teaches the layout of the files its appenders
# write; sources says which layout came from where; bad layouts are usage errors.
source "$(dirname "$0")/lib.bash"
cd "$SCRATCH" || fail "cd"
mkdir -p logs conf
# A vendor layout: '|' between every field, the logger before the message.
cat >logs/app.log <<'LOG'
2024-03-01 10:00:00.123 | WARN  | main-SendThread(zk1:2181) | o.a.z.ClientCnxn | Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and attempting reconnect
2024-03-01 10:00:01.456 | ERROR | main | o.a.z.ZooKeeper | boom
java.io.IOException: boom
	at a.B.c(B.java:1)
LOG
fields() {  # FILE LINE -> "format|level|logger|thread|message|instant"
  python3 -c '
import json, sys
for l in open(sys.argv[1]):
    j = json.loads(l)
    if j["line"] == int(sys.argv[2]):
        print("|".join([j["format"], j["level"], j["logger"], j["thread"], j["message"], j["instant"]]))
' "$OUT" "$1"
}

run events --layout '%d{yyyy-MM-dd HH:mm:ss.SSS} | %-5p | %t | %c | %m%n' logs/app.log
expect_status 0
[ "$(fields 1)" = "layout|WARN|o.a.z.ClientCnxn|main-SendThread(zk1:2181)|Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and attempting reconnect|2024-03-01T10:00:00.123Z" ] ||
  fail "--layout line 1: $(fields 1)"
[ "$(fields 2)" = "layout|ERROR|o.a.z.ZooKeeper|main|boom|2024-03-01T10:00:01.456Z" ] || fail "--layout line 2: $(fields 2)"
[ "$(wc -l <"$OUT")" -eq 2 ] || fail "the stack trace must continue record 2"

# HOST=PATTERN: only that host's inputs (host "app" comes from the file name).
run events --layout 'nn1=%d %p %m%n' logs/app.log
expect_status 0
[ "$(fields 2 | cut -d'|' -f1)" != "layout" ] || fail "a layout for host nn1 was used for host app"

# A logging config among the inputs: its appender names the file, so its layout wins.
cat >conf/log4j.properties <<'CFG'
app.dir=/var/log/app
log4j.rootLogger=INFO, R
log4j.appender.R=org.apache.log4j.RollingFileAppender
log4j.appender.R.File=${app.dir}/app.log
log4j.appender.R.layout=org.apache.log4j.PatternLayout
log4j.appender.R.layout.ConversionPattern=%d{yyyy-MM-dd HH:mm:ss.SSS} | %-5p | %t | %c | %m%n
CFG
run sources .
expect_status 0
expect_stdout_has "  ./logs/app.log: '%d{yyyy-MM-dd HH:mm:ss.SSS} | %-5p | %t | %c | %m%n' from ./conf/log4j.properties:6"
run events .
expect_status 0
[ "$(fields 2)" = "layout|ERROR|o.a.z.ZooKeeper|main|boom|2024-03-01T10:00:01.456Z" ] || fail "config layout: $(fields 2)"

# --config with ZooKeeper's own log4j.properties (3.4.14, as shipped) for a zookeeper.log.
mkdir -p zk
cp "$TESTDATA/parsers/real-zk38/zookeeper-myid.log" zk/zookeeper.log
run sources --config "$TESTDATA/configs/zookeeper-3.4.14-log4j.properties" zk/zookeeper.log
expect_status 0
expect_stdout_has "  zk/zookeeper.log: '%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n' from $TESTDATA/configs/zookeeper-3.4.14-log4j.properties:46"
grep -q "zk/zookeeper.log  *layout  *zookeeper  *zk " "$OUT" || fail "the zookeeper.log read with the config's layout is ZooKeeper's: $(cat "$OUT")"

# Bad input: a layout that does not compile, --datefmt without a layout.
run events --layout '%d %q %m' logs/app.log
expect_status 2
expect_stderr_line "faultline: error: --layout '%d %q %m': column 4: unknown conversion %q"
run events --datefmt '%d-%b-%Y' logs/app.log
expect_status 2
expect_stderr_line "faultline: error: --datefmt needs a --layout to apply to"
pass
