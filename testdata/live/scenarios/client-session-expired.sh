#!/bin/bash
# client-session-expired: the monitor (the kazoo client, session timeout 4 s) is SIGSTOPped for
# FREEZE_SECONDS (default 10 s), so the leader expires its session; after SIGCONT kazoo finds
# the session expired and starts a new one. The ensemble itself stays healthy.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
live_start --session-timeout 4
fact "session_timeout=4"
log "monitor is on server $(monitor_server); leader is $(find_leader)"
freeze_monitor
sleep_log "${FREEZE_SECONDS:-10}" "client frozen past its 4 s session timeout"
thaw_monitor
sleep_log 8 "client reconnects"
live_finish
