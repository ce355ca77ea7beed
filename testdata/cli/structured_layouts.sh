# JSON lines and logfmt lines as writers post them (testdata/parsers/structured) are read by the
# json and logfmt parsers with the right variant, time, level, logger, thread and message; string
# values keep their escapes as written.
source "$(dirname "$0")/lib.bash"
cd "$TESTDATA/parsers/structured" || fail "no structured fixtures"
run sources .
expect_status 0
expect_same expected-sources.txt "$OUT"

# events: one JSON object per record; check the fields of each sample line.
run events .
expect_status 0
expect_fields ./zookeeper-ecs.log 2 \
  "json|INFO|org.apache.zookeeper.server.quorum.QuorumPeerConfig|main|clientPortAddress is 0.0.0.0:2181|2023-10-10T18:14:26.047Z"
expect_fields ./burrow-zap.log 1 \
  "json|WARN|notifier||failed to get zk lock|2019-05-17T22:26:24.631549Z"
expect_fields ./traefik-json.log 3 \
  "json|INFO|||Traefik version v1.7.19 built on 2019-10-28_02:07:32PM|2021-05-06T16:00:34.000Z"
expect_fields ./backbeat-werelogs.log 1 \
  "json|INFO|Backbeat:Notification:QueueProcessor||zookeeper new state|2026-01-06T11:52:05.481Z"
expect_fields ./traefik-logrus.log 2 \
  "logfmt|INFO|||Using TOML configuration file /etc/traefik/traefik.toml|2016-06-13T09:55:35.000Z"
expect_fields ./prometheus-gokit.log 2 \
  "logfmt|ERROR|runutil.go:49||function failed. Retrying in next tick|2019-03-15T09:22:03.354235Z"
# The Ambari line's message keeps its "\n\tat" escapes (two characters each), as written.
got=$(record_fields ./ambari-logfeeder.log 1)
case "$got" in
  'json|WARN|org.apache.zookeeper.ClientCnxn|zkCallback-6-thread-10-SendThread(c6402.ambari.apache.org:2181)|Session 0x355e0023b38001d for server null, unexpected error, closing socket connection and attempting reconnect\njava.net.SocketException: Network is unreachable\n\tat sun.nio.ch.Net.connect0(Native Method)\n'*'|2016-07-13T10:45:56.757Z') ;;
  *) fail "ambari-logfeeder.log:1: got '$got'" ;;
esac

# A JSON or logfmt line is never a continuation: every line is its own record.
run events --count .
[ "$(cat "$OUT")" -eq 14 ] || fail "expected 14 records, got $(cat "$OUT")"
pass
