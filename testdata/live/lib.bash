# shellcheck shell=bash
# Live harness: a real 3-server ZooKeeper ensemble on 127.0.0.1 plus a real kazoo client
# (monitor.py), used by scenarios/*.sh to produce real logs of real faults.
#
# A scenario script sources this file, then calls (in order, more or less):
#   live_setup [extra zoo.cfg lines...]   # work dir, ports, zoo.cfg per server
#   live_start [--session-timeout S]    # start_all, wait_for_quorum, start_monitor, 5 s of writes
#   ... inject a fault (freeze_server / thaw_server / kill9_server / start_server ...) ...
#   live_finish                           # stop everything, collect, analyze, assert_analysis
#
# Environment:
#   FAULTLINE         the faultline binary (default: ../../build/faultline from here)
#   LIVE_OUT          where collected sets go, as $LIVE_OUT/NAME/ (default: a new temp dir, kept)
#   LIVE_CAPTURE_DIR  if set, the collected logs (no analysis.json) are also copied to
#                     $LIVE_CAPTURE_DIR/NAME/
#   LIVE_KEEP_WORK=1  keep the scratch work dir (data dirs, java stdout) for debugging
#   ZK_TICK ZK_INIT_LIMIT ZK_SYNC_LIMIT  ensemble timing (default 500 ms, 10, 4)
#
# Exit codes: 0 pass, 1 failure, 77 skipped (missing prerequisite), as ctest expects.
# Everything this file starts is recorded by PID; the EXIT trap ends exactly those processes
# (SIGCONT first, so stopped ones can die), unthrottles, unmounts and detaches what it set up.

set -u
set -o pipefail

LIVE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LIVE_NAME=${LIVE_NAME:-$(basename "$0" .sh)}
PY=/usr/bin/python3
JAVA=${JAVA:-/usr/bin/java}
ZK_JAR=/usr/share/java/zookeeper.jar
: "${FAULTLINE:=$LIVE_DIR/../../build/faultline}"
ZK_TICK=${ZK_TICK:-500}
ZK_INIT_LIMIT=${ZK_INIT_LIMIT:-10}
ZK_SYNC_LIMIT=${ZK_SYNC_LIMIT:-4}

declare -A ZK_PID=()     # myid -> java pid (while running)
declare -A ZK_CLIENT=()  # myid -> client port
declare -A ZK_QUORUM=()  # myid -> quorum port
declare -A ZK_ELECT=()   # myid -> election port
declare -A ZK_ADMIN=()   # myid -> admin server port
ALL_PIDS=()              # every pid ever started here
MON_PID=""
LOOP_DEVS=()             # loop devices we attached
MOUNTS=()                # mount points we mounted
THROTTLES=()             # "MAJ:MIN" with a blkio throttle we set
WORK=""
OUTDIR=""
T0=$(date +%s)

# log MSG: to stderr and, once the work dir exists, to harness.txt (collected with the logs as
# the ground truth of what was injected when; .txt so that faultline does not read it).
log() {
  local line
  line=$(printf '%s [live:%s] %s' "$(date '+%Y-%m-%d %H:%M:%S.%3N')" "$LIVE_NAME" "$*")
  echo "$line" >&2
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then echo "$line" >>"$WORK/harness.txt"; fi
}
# fact KEY=VALUE...: a line check_analysis.py reads back from harness.txt (who was the victim,
# which server led, the timing), so the captured sets can be checked without the harness.
fact() {
  log "fact $*"
}
die() {
  log "FAIL: $*"
  exit 1
}
skip() {
  echo "SKIP: $*" >&2
  exit 77
}

# ---------------------------------------------------------------------------------------------
# clean-up

# _is_our_child PID: true if PID is alive and its parent is this shell (bash reaps children on
# its own, so a recorded PID could in theory have been reused by another process).
_is_our_child() {
  [ "$(awk '/^PPid:/ {print $2}' "/proc/$1/status" 2>/dev/null)" = "$$" ]
}

_stop_pid() {  # pid: SIGCONT, SIGTERM, wait up to 5 s, then SIGKILL
  local pid=$1 i
  if ! _is_our_child "$pid"; then
    _forget_pid "$pid"
    return 0
  fi
  kill -CONT "$pid" 2>/dev/null
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  _forget_pid "$pid"
  return 0
}

# _forget_pid PID: once a child is reaped its PID may be reused by anything, so drop it from
# ALL_PIDS (until then it is a zombie of ours and kill cannot reach another process).
_forget_pid() {
  local p keep=()
  for p in "${ALL_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  ALL_PIDS=("${keep[@]}")
}

live_cleanup() {
  local rc=$? pid dev mnt
  trap - EXIT INT TERM
  [ -n "${SLEEP_PID:-}" ] && kill "$SLEEP_PID" 2>/dev/null
  # Unthrottle first: a process blocked on throttled I/O cannot die until its I/O completes.
  for dev in "${THROTTLES[@]}"; do unthrottle_dev "$dev"; done
  if [ "${#ALL_PIDS[@]}" -gt 0 ]; then
    log "clean-up: stopping pids ${ALL_PIDS[*]}"
    for pid in "${ALL_PIDS[@]}"; do _stop_pid "$pid"; done  # only live children of ours
  fi
  for mnt in "${MOUNTS[@]}"; do
    umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null
  done
  for dev in "${LOOP_DEVS[@]}"; do losetup -d "$dev" 2>/dev/null; done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    if [ "${LIVE_KEEP_WORK:-0}" = 1 ]; then
      log "work dir kept: $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  exit "$rc"
}
trap live_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# set-up

# _free_ports N: N distinct free TCP ports on 127.0.0.1, below the kernel's ephemeral range (so the
# servers' own outgoing connections cannot take one between this check and the server's bind).
_free_ports() { "$PY" "$(dirname "${BASH_SOURCE[0]}")/free_ports.py" "$1"; }

_classpath() {
  # zookeeper.jar's manifest Class-Path brings netty, jute, jackson, jetty, metrics, slf4j-api...
  # Debian's own CLASSPATH lacks an SLF4J binding, so add slf4j-log4j12 + log4j 1.2 to get a log.
  local cp="$WORK/conf:$ZK_JAR" j
  for j in slf4j-log4j12.jar log4j-1.2.jar; do
    [ -f "/usr/share/java/$j" ] || skip "/usr/share/java/$j missing"
    cp="$cp:/usr/share/java/$j"
  done
  echo "$cp"
}

# live_setup [extra zoo.cfg lines...]: the extra lines go into every server's zoo.cfg.
live_setup() {
  [ -x "$JAVA" ] || skip "no java at $JAVA"
  [ -f "$ZK_JAR" ] || skip "no $ZK_JAR (apt-get install zookeeper)"
  "$PY" -c 'import kazoo' 2>/dev/null || skip "$PY has no kazoo (apt-get install python3-kazoo)"
  [ -x "$FAULTLINE" ] || die "FAULTLINE=$FAULTLINE is not executable"
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/faultline-live.XXXXXX")
  if [ -n "${LIVE_OUT:-}" ]; then
    mkdir -p "$LIVE_OUT"
  else
    LIVE_OUT=$(mktemp -d "${TMPDIR:-/tmp}/faultline-live-out.XXXXXX")
  fi
  OUTDIR=$LIVE_OUT/$LIVE_NAME
  rm -rf "$OUTDIR"
  mkdir -p "$WORK/conf" "$OUTDIR"
  # Debian's /etc/zookeeper/conf/log4j.properties, reduced to the file appender it uses.
  cat >"$WORK/conf/log4j.properties" <<'EOF'
log4j.rootLogger=${zookeeper.root.logger}
log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender
log4j.appender.CONSOLE.Threshold=INFO
log4j.appender.CONSOLE.layout=org.apache.log4j.PatternLayout
log4j.appender.CONSOLE.layout.ConversionPattern=%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n
log4j.appender.ROLLINGFILE=org.apache.log4j.RollingFileAppender
log4j.appender.ROLLINGFILE.Threshold=DEBUG
log4j.appender.ROLLINGFILE.File=${zookeeper.log.dir}/zookeeper.log
log4j.appender.ROLLINGFILE.MaxFileSize=10MB
log4j.appender.ROLLINGFILE.layout=org.apache.log4j.PatternLayout
log4j.appender.ROLLINGFILE.layout.ConversionPattern=%d{ISO8601} - %-5p [%t:%C{1}@%L] - %m%n
EOF
  ZK_CP=$(_classpath)
  local ports n i=0
  read -r -a ports <<<"$(_free_ports 12)"
  [ "${#ports[@]}" -eq 12 ] || die "could not pick free ports"
  for n in 1 2 3; do
    ZK_CLIENT[$n]=${ports[i]} ZK_QUORUM[$n]=${ports[i + 1]} ZK_ELECT[$n]=${ports[i + 2]}
    ZK_ADMIN[$n]=${ports[i + 3]}
    i=$((i + 4))
  done
  for n in 1 2 3; do
    mkdir -p "$WORK/zk$n/data"
    echo "$n" >"$WORK/zk$n/data/myid"
    write_cfg "$n" "$@"
  done
  log "work dir $WORK; client ports ${ZK_CLIENT[1]} ${ZK_CLIENT[2]} ${ZK_CLIENT[3]}; out $OUTDIR"
  fact "tickTime=$ZK_TICK" "syncLimit=$ZK_SYNC_LIMIT"
}

# write_cfg N [extra lines...]: (re)writes server N's zoo.cfg. The servers' files differ only
# in dataDir, clientPort and admin.serverPort (and whatever extra lines a scenario adds).
write_cfg() {
  local n=$1 line m
  shift
  {
    echo "# faultline live harness: server $n of 3, all on 127.0.0.1"
    echo "tickTime=$ZK_TICK"
    echo "initLimit=$ZK_INIT_LIMIT"
    echo "syncLimit=$ZK_SYNC_LIMIT"
    echo "dataDir=$WORK/zk$n/data"
    echo "clientPort=${ZK_CLIENT[$n]}"
    echo "clientPortAddress=127.0.0.1"
    echo "admin.serverAddress=127.0.0.1"
    echo "admin.serverPort=${ZK_ADMIN[$n]}"
    echo "4lw.commands.whitelist=srvr,stat,mntr,ruok"
    echo "autopurge.snapRetainCount=3"
    echo "autopurge.purgeInterval=0"
    for line in "$@"; do echo "$line"; done
    for m in 1 2 3; do
      echo "server.$m=127.0.0.1:${ZK_QUORUM[$m]}:${ZK_ELECT[$m]}"
    done
  } >"$WORK/zk$n/zoo.cfg"
}

# ---------------------------------------------------------------------------------------------
# servers

start_server() {  # N
  local n=$1
  if [ -n "${ZK_PID[$n]:-}" ] && kill -0 "${ZK_PID[$n]}" 2>/dev/null; then
    die "server $n already running (pid ${ZK_PID[$n]})"
  fi
  "$JAVA" -Xms64m -Xmx256m -XX:+UseSerialGC \
    -Dzookeeper.log.dir="$WORK/zk$n" -Dzookeeper.root.logger=INFO,ROLLINGFILE \
    -Dlog4j.configuration="file:$WORK/conf/log4j.properties" \
    -cp "$ZK_CP" org.apache.zookeeper.server.quorum.QuorumPeerMain "$WORK/zk$n/zoo.cfg" \
    >>"$WORK/zk$n/zookeeper.out" 2>&1 </dev/null &
  ZK_PID[$n]=$!
  ALL_PIDS+=("$!")
  log "started server $n (pid ${ZK_PID[$n]})"
}

start_all() {
  local n
  for n in 1 2 3; do start_server "$n"; done
}

stop_server() {  # N: graceful (SIGTERM)
  local n=$1
  [ -n "${ZK_PID[$n]:-}" ] || return 0
  _stop_pid "${ZK_PID[$n]}"
  log "stopped server $n (pid ${ZK_PID[$n]})"
  ZK_PID[$n]=""
}

stop_all() {  # SIGTERM to every running server at once (as an operator stopping the ensemble)
  local n pid
  for n in 1 2 3; do
    pid=${ZK_PID[$n]:-}
    [ -n "$pid" ] && kill -CONT "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  done
  for n in 1 2 3; do stop_server "$n"; done
}

kill9_server() {  # N
  local n=$1
  [ -n "${ZK_PID[$n]:-}" ] || die "server $n not running"
  _is_our_child "${ZK_PID[$n]}" || die "server $n (pid ${ZK_PID[$n]}) is not ours any more"
  kill -KILL "${ZK_PID[$n]}"
  wait "${ZK_PID[$n]}" 2>/dev/null
  _forget_pid "${ZK_PID[$n]}"
  log "kill -9 server $n (pid ${ZK_PID[$n]})"
  ZK_PID[$n]=""
}

freeze_server() {  # N: SIGSTOP
  _is_our_child "${ZK_PID[$1]:-0}" || die "server $1 is not running"
  kill -STOP "${ZK_PID[$1]}" || die "SIGSTOP server $1"
  log "SIGSTOP server $1 (pid ${ZK_PID[$1]})"
}

thaw_server() {  # N: SIGCONT
  _is_our_child "${ZK_PID[$1]:-0}" || die "server $1 is not running"
  kill -CONT "${ZK_PID[$1]}" || die "SIGCONT server $1"
  log "SIGCONT server $1 (pid ${ZK_PID[$1]})"
}

# zk_4lw PORT CMD: a four-letter word over bash's /dev/tcp, bounded by a 2 s timeout.
zk_4lw() {
  # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "%s" "$2" >&3 && cat <&3' \
    _ "$1" "$2" 2>/dev/null
}

zk_mode() {  # N: prints leader / follower / "" (not serving or down)
  local n=$1
  [ -n "${ZK_PID[$n]:-}" ] || return 0
  zk_4lw "${ZK_CLIENT[$n]}" srvr | sed -n 's/^Mode: //p'
}

# wait_for_quorum TIMEOUT_S [N...]: until one of the servers N... (default: the running ones)
# is leader and all the others are followers.
wait_for_quorum() {
  local timeout=$1 deadline n mode leaders followers want
  shift
  local ids=("$@")
  if [ "${#ids[@]}" -eq 0 ]; then
    for n in 1 2 3; do [ -n "${ZK_PID[$n]:-}" ] && ids+=("$n"); done
  fi
  want=${#ids[@]}
  deadline=$(($(date +%s) + timeout))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    leaders=0 followers=0
    for n in "${ids[@]}"; do
      mode=$(zk_mode "$n")
      [ "$mode" = leader ] && leaders=$((leaders + 1))
      [ "$mode" = follower ] && followers=$((followers + 1))
    done
    if [ "$leaders" -eq 1 ] && [ $((leaders + followers)) -eq "$want" ]; then
      log "quorum: leader is server $(find_leader) (servers ${ids[*]})"
      return 0
    fi
    sleep 0.5
  done
  die "no quorum among servers ${ids[*]} within ${timeout}s"
}

find_leader() {  # prints the myid of the leader, or nothing
  local n
  for n in 1 2 3; do
    if [ "$(zk_mode "$n")" = leader ]; then
      echo "$n"
      return 0
    fi
  done
}

find_follower() {  # prints the myid of one follower (the lowest), or nothing
  local n
  for n in 1 2 3; do
    if [ "$(zk_mode "$n")" = follower ]; then
      echo "$n"
      return 0
    fi
  done
}

# wait_until TIMEOUT_S COMMAND...: polls COMMAND every 0.5 s until it succeeds.
wait_until() {
  local timeout=$1 deadline
  shift
  deadline=$(($(date +%s) + timeout))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    "$@" && return 0
    sleep 0.5
  done
  return 1
}

SLEEP_PID=""
sleep_log() {  # S [why]; sleeps in the background so that a signal ends the scenario at once
  log "sleep $1 s${2:+ ($2)}"
  sleep "$1" &
  SLEEP_PID=$!
  wait "$SLEEP_PID"
  SLEEP_PID=""
}

# ---------------------------------------------------------------------------------------------
# the kazoo monitor

# live_start [monitor.py options...]: the usual opening of a scenario: all three servers up with
# a quorum, then the monitor connected and writing for 5 s.
live_start() {
  start_all
  wait_for_quorum 30
  start_monitor "$@"
  sleep_log 5 "writes flow"
}

# start_monitor [monitor.py options...]: connects to all three servers and writes steadily.
start_monitor() {
  local hosts="127.0.0.1:${ZK_CLIENT[1]},127.0.0.1:${ZK_CLIENT[2]},127.0.0.1:${ZK_CLIENT[3]}"
  "$PY" "$LIVE_DIR/monitor.py" --hosts "$hosts" --log "$WORK/monitor.log" "$@" \
    >>"$WORK/monitor.out" 2>&1 </dev/null &
  MON_PID=$!
  ALL_PIDS+=("$!")
  log "started monitor (pid $MON_PID)"
  wait_until 15 grep -q "connection established" "$WORK/monitor.log" 2>/dev/null ||
    die "monitor did not connect within 15 s"
}

# monitor_server: the myid of the server the monitor last connected to (from its log).
monitor_server() {
  local port n
  port=$(sed -n 's/.*Connecting to [^ ]*:\([0-9]*\), use_ssl.*/\1/p' "$WORK/monitor.log" | tail -n 1)
  for n in 1 2 3; do
    [ "${ZK_CLIENT[$n]}" = "$port" ] && echo "$n" && return 0
  done
}

# pick_follower: a follower, preferring one the monitor is not connected to.
pick_follower() {
  local n mon
  mon=$(monitor_server)
  for n in 1 2 3; do
    [ "$n" != "$mon" ] && [ "$(zk_mode "$n")" = follower ] && echo "$n" && return 0
  done
  find_follower
}

freeze_monitor() {
  _is_our_child "${MON_PID:-0}" || die "the monitor is not running"
  kill -STOP "$MON_PID" || die "SIGSTOP monitor"
  log "SIGSTOP monitor (pid $MON_PID)"
}

thaw_monitor() {
  kill -CONT "$MON_PID" || die "SIGCONT monitor"
  log "SIGCONT monitor (pid $MON_PID)"
}

stop_monitor() {
  [ -n "$MON_PID" ] || return 0
  _stop_pid "$MON_PID"
  log "stopped monitor (pid $MON_PID)"
  MON_PID=""
}

# ---------------------------------------------------------------------------------------------
# slow disk: a file-backed ext4 on a loop device, throttled with the cgroup-v1 blkio controller

BLKIO=/sys/fs/cgroup/blkio

# slow_disk_setup DIR: mounts a fresh ext4 (loop device) on DIR; prints nothing, sets SLOW_DEV
# (the loop device) and SLOW_MAJMIN. Skips (77) when the kernel cannot do it.
slow_disk_setup() {
  local dir=$1 img=$WORK/slowdisk.img
  [ "$(id -u)" -eq 0 ] || skip "slow disk needs root (loop device, mount, blkio)"
  [ -w "$BLKIO/blkio.throttle.write_iops_device" ] ||
    skip "no cgroup-v1 blkio throttle at $BLKIO"
  if ! command -v losetup >/dev/null || ! command -v mkfs.ext4 >/dev/null; then
    skip "losetup / mkfs.ext4 missing"
  fi
  truncate -s 256M "$img" || skip "cannot create $img"
  mkfs.ext4 -q -F "$img" >/dev/null 2>&1 || skip "mkfs.ext4 failed"
  SLOW_DEV=$(losetup -f --show "$img" 2>/dev/null) || skip "no free loop device"
  LOOP_DEVS+=("$SLOW_DEV")
  SLOW_MAJMIN=$(cat "/sys/block/$(basename "$SLOW_DEV")/dev")
  mkdir -p "$dir"
  mount -t ext4 "$SLOW_DEV" "$dir" || skip "cannot mount $SLOW_DEV"
  MOUNTS+=("$dir")
  log "slow disk: $SLOW_DEV ($SLOW_MAJMIN) mounted on $dir"
}

throttle_dev() {  # MAJ:MIN WRITE_IOPS
  echo "$1 $2" >"$BLKIO/blkio.throttle.write_iops_device" || return 1
  THROTTLES+=("$1")
  log "blkio: $1 limited to $2 write IOPS"
}

unthrottle_dev() {  # MAJ:MIN
  echo "$1 0" >"$BLKIO/blkio.throttle.write_iops_device" 2>/dev/null
  echo "$1 0" >"$BLKIO/blkio.throttle.write_bps_device" 2>/dev/null
  return 0
}

# fsync_ms DIR: how long one small write + fsync takes on DIR, in ms.
fsync_ms() {
  local t0 t1
  t0=$(date +%s%N)
  dd if=/dev/zero of="$1/.fsync-probe" bs=512 count=1 conv=fsync status=none 2>/dev/null
  t1=$(date +%s%N)
  rm -f "$1/.fsync-probe"
  echo $(((t1 - t0) / 1000000))
}

# ---------------------------------------------------------------------------------------------
# collecting and analysing

collect() {
  local n
  for n in 1 2 3; do
    mkdir -p "$OUTDIR/zk$n"
    if [ -f "$WORK/zk$n/zookeeper.log" ]; then
      cp "$WORK/zk$n/zookeeper.log" "$OUTDIR/zk$n/zookeeper.log"
    else
      log "warning: server $n wrote no zookeeper.log"
    fi
  done
  [ -f "$WORK/monitor.log" ] && cp "$WORK/monitor.log" "$OUTDIR/monitor.log"
  # One zoo.cfg for the set: server 1's file (the three differ only in dataDir/ports).
  cp "$WORK/zk1/zoo.cfg" "$OUTDIR/zoo.cfg"
  log "collected into $OUTDIR"
  cp "$WORK/harness.txt" "$OUTDIR/harness.txt"
  if [ -n "${LIVE_CAPTURE_DIR:-}" ]; then
    rm -rf "${LIVE_CAPTURE_DIR:?}/$LIVE_NAME"
    mkdir -p "$LIVE_CAPTURE_DIR/$LIVE_NAME"
    cp -r "$OUTDIR/." "$LIVE_CAPTURE_DIR/$LIVE_NAME/"
    rm -f "$LIVE_CAPTURE_DIR/$LIVE_NAME/analysis.json"
    log "captured into $LIVE_CAPTURE_DIR/$LIVE_NAME"
  fi
}

analyze() {
  "$FAULTLINE" analyze --format json "$OUTDIR" >"$OUTDIR/analysis.json" 2>"$WORK/analyze.err"
  ANALYZE_STATUS=$?
  log "faultline analyze exit $ANALYZE_STATUS -> $OUTDIR/analysis.json"
  [ -s "$WORK/analyze.err" ] && sed 's/^/  analyze stderr: /' "$WORK/analyze.err" >&2
  return 0
}

# summarize_analysis: prints, per incident, the rule, the root cause, the hosts and the rules
# that fired (schema faultline.analyze/1).
summarize_analysis() {
  "$PY" - "$OUTDIR/analysis.json" <<'EOF' >&2
import json, sys
try:
    doc = json.load(open(sys.argv[1]))
except Exception as e:
    print("  analysis.json unreadable: %s" % e)
    sys.exit(0)
incs = doc.get("incidents", [])
print("  analysis: %d incident(s), %s records" % (len(incs), doc.get("records", "?")))
for inc in incs:
    print("  - rule=%s root_cause=%s severity=%s hosts=%s first=%s" % (
        inc.get("rule"), inc.get("root_cause"), inc.get("severity"),
        ",".join(inc.get("hosts", [])), inc.get("first")))
    print("    rules_fired=%s" % ",".join(inc.get("rules_fired", [])))
    print("    summary: %s" % inc.get("summary"))
EOF
}

# assert_analysis: what faultline must have said about this scenario (check_analysis.py, which
# the ordinary test suite also runs on the captured sets).
assert_analysis() {
  summarize_analysis
  "$PY" "$LIVE_DIR/check_analysis.py" "$LIVE_NAME" "$OUTDIR" >&2
}

# json_get PYTHON_EXPR: evaluates PYTHON_EXPR with `d` = the parsed analysis.json, prints it.
#   e.g. [ "$(json_get 'd["incidents"][0]["rule"]')" = zk-follower-lost-leader ] || return 1
json_get() {
  "$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
    "$OUTDIR/analysis.json" "$1"
}

# live_finish: stop the monitor, collect the logs while the servers still run (the harness's own
# stop is not part of the scenario), stop them, analyse, assert.
live_finish() {
  stop_monitor
  collect
  stop_all
  analyze
  assert_analysis || die "assert_analysis failed"
  log "done in $(($(date +%s) - T0)) s; logs in $OUTDIR"
}
