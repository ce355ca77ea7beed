#!/bin/bash
# follower-frozen: a follower is SIGSTOPped for FREEZE_SECONDS (default 8 s, well past
# tickTime × syncLimit = 500 ms × 4 = 2 s) while the monitor writes, then SIGCONTed. The
# follower is one the monitor is not connected to, so the client should not notice.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
live_start --session-timeout 6
VICTIM=$(pick_follower)
[ -n "$VICTIM" ] || die "no follower found"
LEADER=$(find_leader)
fact "victim=$VICTIM" "leader=$LEADER"
log "leader is server $LEADER, freezing follower $VICTIM"
freeze_server "$VICTIM"
sleep_log "${FREEZE_SECONDS:-8}" "follower $VICTIM frozen"
thaw_server "$VICTIM"
wait_for_quorum 30
sleep_log 5 "after recovery"
live_finish
