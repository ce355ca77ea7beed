# Real ClickHouse servers for the tests, on 127.0.0.1 only, in a scratch directory, stopped by PID.
# Source it from a bash test script:
#
#   source tests/clickhouse_cluster.sh
#   ch_start 1              # one server: CH_HTTP[1] is its HTTP port
#   ch_start 2              # two shards, one replica each, as cluster "faultline_test"
#                           # (plus one ZooKeeper for ON CLUSTER DDL); CH_HTTP[1], CH_HTTP[2]
#   ch_query 1 'SELECT 1'   # SQL over HTTP to server 1, answer on stdout; fails on an error
#   ch_stop 1               # stop one server (by PID), e.g. to test "server down"
#
# Users: "default" without password, and "ops" with password "secret". Every server and the
# ZooKeeper are stopped and the scratch directory removed on exit (trap; CH_KEEP=1 keeps it).
# Exits 77 (ctest: skipped) when clickhouse-server is not installed. Waits are bounded.

CH_SERVER=${CH_SERVER:-/usr/sbin/clickhouse-server}
CH_CLUSTER=faultline_test
declare -a CH_HTTP=() CH_TCP=() CH_PID=()
CH_ZK_PID=""
CH_WORK=""

ch_log() { echo "clickhouse_cluster: $*" >&2; }

_ch_free_ports() {  # N distinct free TCP ports on 127.0.0.1
  python3 "$(dirname "${BASH_SOURCE[0]}")/../testdata/live/free_ports.py" "$1"
}

ch_stop_all() {
  local pid deadline
  for pid in "${CH_PID[@]}" $CH_ZK_PID; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true  # safe under set -e: it may be gone
  done
  deadline=$((SECONDS + 15))
  for pid in "${CH_PID[@]}" $CH_ZK_PID; do
    [ -n "$pid" ] || continue
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  CH_PID=()
  CH_ZK_PID=""
  if [ -n "$CH_WORK" ] && [ -z "${CH_KEEP:-}" ]; then rm -rf "$CH_WORK"; fi
}
trap ch_stop_all EXIT

_ch_users() {
  cat <<'XML'
<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile><quota>default</quota></default>
    <ops><password>secret</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile><quota>default</quota></ops>
  </users>
  <quotas><default></default></quotas>
</yandex>
XML
}

# _ch_config N SHARDS: server N's config.xml, with the cluster when there are several shards.
_ch_config() {
  local n=$1 shards=$2 dir=$CH_WORK/ch$1 i
  cat <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog>
    <console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${CH_HTTP[n]}</http_port>
  <tcp_port>${CH_TCP[n]}</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$CH_WORK/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709120</mark_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <macros><shard>$n</shard><replica>r1</replica></macros>
XML
  if [ "$shards" -gt 1 ]; then
    echo "  <remote_servers><$CH_CLUSTER>"
    for ((i = 1; i <= shards; i++)); do
      echo "    <shard><replica><host>127.0.0.1</host><port>${CH_TCP[i]}</port></replica></shard>"
    done
    echo "  </$CH_CLUSTER></remote_servers>"
    echo "  <zookeeper><node><host>127.0.0.1</host><port>$CH_ZK_PORT</port></node></zookeeper>"
    echo "  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>"
  fi
  echo "</yandex>"
}

# A standalone ZooKeeper: ClickHouse's ON CLUSTER DDL goes through it.
_ch_start_zookeeper() {
  local jar=/usr/share/java/zookeeper.jar cp j dir=$CH_WORK/zk
  [ -f "$jar" ] || { ch_log "no $jar (apt-get install zookeeper): skipped"; exit 77; }
  cp=$jar
  for j in slf4j-log4j12.jar log4j-1.2.jar; do
    [ -f "/usr/share/java/$j" ] && cp="$cp:/usr/share/java/$j"
  done
  mkdir -p "$dir/data"
  printf 'tickTime=2000\ndataDir=%s/data\nclientPort=%s\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n' \
    "$dir" "$CH_ZK_PORT" >"$dir/zoo.cfg"
  java -Xmx128m -XX:+UseSerialGC -cp "$cp" org.apache.zookeeper.server.quorum.QuorumPeerMain \
    "$dir/zoo.cfg" >"$dir/zookeeper.out" 2>&1 </dev/null &
  CH_ZK_PID=$!
  # ClickHouse 18.16's DDL worker dereferences a null session and dies (SIGSEGV in
  # zkutil::ZooKeeper::createImpl) when ZooKeeper does not answer at its start: wait for it first.
  local deadline=$((SECONDS + 30))
  until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $CH_ZK_PORT), 1)" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$CH_ZK_PID" 2>/dev/null; then
      ch_log "ZooKeeper did not listen on $CH_ZK_PORT:"; tail -20 "$dir/zookeeper.out" >&2; return 1
    fi
    sleep 0.1
  done
}

# ch_start N: N servers (N > 1: one cluster of N shards). Sets CH_START_SECONDS to how long the
# servers took to answer SELECT 1.
ch_start() {
  local count=$1 n ports started
  [ -x "$CH_SERVER" ] || { ch_log "no $CH_SERVER (apt-get install clickhouse-server): skipped"; exit 77; }
  CH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/faultline-ch.XXXXXX")
  read -r -a ports <<<"$(_ch_free_ports $((2 * count + 1)))"
  for ((n = 1; n <= count; n++)); do
    CH_HTTP[n]=${ports[2 * n - 2]}
    CH_TCP[n]=${ports[2 * n - 1]}
  done
  CH_ZK_PORT=${ports[2 * count]}
  _ch_users >"$CH_WORK/users.xml"
  started=$(date +%s.%N)
  if [ "$count" -gt 1 ]; then _ch_start_zookeeper || return 1; fi
  for ((n = 1; n <= count; n++)); do
    mkdir -p "$CH_WORK/ch$n"/{log,data,tmp,user_files,format_schemas}
    _ch_config "$n" "$count" >"$CH_WORK/ch$n/config.xml"
    "$CH_SERVER" --config-file="$CH_WORK/ch$n/config.xml" >"$CH_WORK/ch$n/log/stdout" 2>&1 </dev/null &
    CH_PID[n]=$!
  done
  for ((n = 1; n <= count; n++)); do _ch_wait_ready "$n" || return 1; done
  CH_START_SECONDS=$(python3 -c "import time; print(f'{time.time() - $started:.2f}')")
  ch_log "$count server(s) ready in ${CH_START_SECONDS}s: HTTP ports ${CH_HTTP[*]}, work $CH_WORK"
}

_ch_wait_ready() {  # N: SELECT 1 answers within 30 s, or the server's log is shown
  local n=$1 deadline=$((SECONDS + 30))
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(curl -s --max-time 2 "http://127.0.0.1:${CH_HTTP[n]}/" --data-binary 'SELECT 1' 2>/dev/null)" = 1 ]; then
      return 0
    fi
    kill -0 "${CH_PID[n]}" 2>/dev/null || break
    sleep 0.1
  done
  ch_log "server $n did not answer SELECT 1 on port ${CH_HTTP[n]}:"
  tail -20 "$CH_WORK/ch$n/log/error.log" "$CH_WORK/ch$n/log/stdout" >&2 2>/dev/null
  return 1
}

ch_query() {  # N SQL
  curl -sS --fail-with-body --max-time 60 "http://127.0.0.1:${CH_HTTP[$1]}/" --data-binary "$2"
}

ch_stop() {  # N
  local pid=${CH_PID[$1]} deadline=$((SECONDS + 15))
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  CH_PID[$1]=""
}
