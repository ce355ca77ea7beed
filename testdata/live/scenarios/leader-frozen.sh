#!/bin/bash
# leader-frozen: the leader is SIGSTOPped for FREEZE_SECONDS (default 8 s; tickTime × syncLimit
# is 2 s) while the monitor writes; the two followers elect a new leader; then SIGCONT, and
# the old leader rejoins as a follower.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
live_start --session-timeout 6
VICTIM=$(find_leader)
[ -n "$VICTIM" ] || die "no leader found"
fact "victim=$VICTIM"
log "freezing leader $VICTIM (monitor is on server $(monitor_server))"
freeze_server "$VICTIM"
sleep_log "${FREEZE_SECONDS:-8}" "leader $VICTIM frozen"
thaw_server "$VICTIM"
wait_for_quorum 30
log "new leader is server $(find_leader)"
sleep_log 5 "after recovery"
live_finish
