#!/bin/bash
# leader-killed: kill -9 of the leader while the monitor writes; the two others elect a new
# leader and the monitor reconnects; then the old leader is started again and rejoins.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
live_start --session-timeout 6
VICTIM=$(find_leader)
[ -n "$VICTIM" ] || die "no leader found"
fact "victim=$VICTIM"
log "killing leader $VICTIM (monitor is on server $(monitor_server))"
kill9_server "$VICTIM"
OTHERS=()
for n in 1 2 3; do [ "$n" != "$VICTIM" ] && OTHERS+=("$n"); done
wait_for_quorum 30 "${OTHERS[@]}"
sleep_log 6 "running on two servers"
start_server "$VICTIM"
wait_for_quorum 30
sleep_log 5 "after recovery"
live_finish
