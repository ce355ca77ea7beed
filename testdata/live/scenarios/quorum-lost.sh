#!/bin/bash
# quorum-lost: kill -9 of both followers while the monitor writes, so the leader loses its
# quorum; DOWN_SECONDS (default 12 s) later both are started again and the ensemble recovers.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
live_start --session-timeout 6
LEADER=$(find_leader)
[ -n "$LEADER" ] || die "no leader found"
VICTIMS=()
for n in 1 2 3; do [ "$n" != "$LEADER" ] && VICTIMS+=("$n"); done
fact "leader=$LEADER" "victims=$(IFS=,; echo "${VICTIMS[*]}")"
log "leader is $LEADER; killing followers ${VICTIMS[*]} (monitor is on server $(monitor_server))"
for n in "${VICTIMS[@]}"; do kill9_server "$n"; done
sleep_log "${DOWN_SECONDS:-12}" "only server $LEADER up, no quorum"
for n in "${VICTIMS[@]}"; do start_server "$n"; done
wait_for_quorum 30
sleep_log 6 "after recovery"
live_finish
