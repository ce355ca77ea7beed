#!/bin/bash
# healthy: three servers start, elect a leader, a kazoo client writes for at least 60 s
# (HEALTHY_SECONDS), everything stops cleanly. Nothing is injected.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
start_all
wait_for_quorum 30
start_monitor --session-timeout 6
sleep_log "${HEALTHY_SECONDS:-60}" "writes flow, nothing injected"
live_finish
