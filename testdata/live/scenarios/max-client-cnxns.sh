#!/bin/bash
# max-client-cnxns: every server has maxClientCnxns=5; flood.py (a leaking client) opens a TCP
# connection from 127.0.0.1 to the monitor's server every 0.2 s for 6 s and keeps them, so
# the server refuses those over the limit ("Too many connections from /127.0.0.1 - max is 5").
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup "maxClientCnxns=5"
live_start --session-timeout 6
TARGET=$(monitor_server)
fact "victim=$TARGET" "maxClientCnxns=5"
log "flooding server $TARGET (the monitor's server): a new connection every 0.2 s for 6 s"
"$PY" "$LIVE_DIR/flood.py" "${ZK_CLIENT[$TARGET]}" --seconds 6 --every 0.2 >&2 ||
  die "flood.py failed"
sleep_log 5 "after the flood"
live_finish
