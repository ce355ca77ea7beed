# Terminal colour codes left in a log: the escape sequences of a console saved to a file (a
# Bitnami container's setup lines, a coloured level), and what is left of them when a terminal's
# text is copied without the escape byte ("[33mWARN[0m"). Records read as the plain log's, and
# a log with one bracketed "[0m" of its own keeps it.
source "$(dirname "$0")/lib.bash"
esc=$'\x1b'
plain="$SCRATCH/plain.log"
cat >"$plain" <<'LOG'
zookeeper 10:46:31.05 INFO  ==> ** Starting ZooKeeper setup **
zookeeper 10:46:31.12 WARN  ==> You have set the environment variable ALLOW_ANONYMOUS_LOGIN=yes.
2024-01-02 10:46:33,101 [myid:1] - INFO  [main:QuorumPeerConfig@174] - Reading configuration from: /opt/bitnami/zookeeper/bin/../conf/zoo.cfg
2024-01-02 10:46:40,220 [myid:1] - WARN  [QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):Follower@131] - Exception when following the leader
java.net.SocketTimeoutException: Read timed out
	at java.base/java.net.SocketInputStream.socketRead0(Native Method)
2024-01-02 10:46:41,001 [myid:1] - ERROR [QuorumPeer[myid=1](plain=0.0.0.0:2181)(secure=disabled):QuorumPeer@1512] - Unexpected exception causing shutdown while sock still open
LOG
# How Bitnami's liblog.sh colours its lines, and a console that colours the level.
sed -E "s/^zookeeper ([0-9:.]+) (INFO|WARN) /${esc}[38;5;6mzookeeper ${esc}[38;5;5m\1 ${esc}[0m${esc}[38;5;2m\2${esc}[0m /;
        s/ - (WARN|ERROR) / - ${esc}[33m\1${esc}[0m /" "$plain" >"$SCRATCH/escapes.log"
tr -d '\033' <"$SCRATCH/escapes.log" >"$SCRATCH/orphans.log"
grep -q '\[38;5;6mzookeeper' "$SCRATCH/orphans.log" || fail "the orphan copy was not made"

for copy in escapes orphans; do
  expect_same_records "$plain" "$SCRATCH/$copy.log"
  grep -q 'u001b\|\[0m' "$OUT" && fail "$copy: colour codes left: $(grep -m1 'u001b\|\[0m' "$OUT")"
done
grep -q '|WARN|Follower|' "$SCRATCH/want.txt" || fail "the plain log is not read: $(head -3 "$SCRATCH/want.txt")"

{ echo '2024-01-02 10:46:33,101 [myid:1] - INFO  [main:Foo@1] - a path named [0m stays'
  echo '2024-01-02 10:46:34,101 [myid:1] - INFO  [main:Foo@1] - plain'; } >"$SCRATCH/own.log"
run events "$SCRATCH/own.log"
grep -q 'a path named \[0m stays' "$OUT" || fail "a message's own [0m was cut: $(head -1 "$OUT")"
pass
