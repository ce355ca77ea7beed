#!/bin/bash
# rolling-restart: a planned rolling restart done right: each server in turn gets SIGTERM and is
# started again, the followers first and the leader last, each time waiting until the ensemble
# has a leader and all three servers serve again. ZooKeeper 3.8 logs nothing on SIGTERM, so the
# leader's stop looks like a kill in its followers' logs; what tells it apart is that the other
# servers were restarted one at a time just before, each rejoining a serving leader.
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

live_setup
live_start --session-timeout 6
LEADER=$(find_leader)
[ -n "$LEADER" ] || die "no leader found"
FOLLOWERS=()
for n in 1 2 3; do [ "$n" != "$LEADER" ] && FOLLOWERS+=("$n"); done
fact "leader=$LEADER" "followers=${FOLLOWERS[0]},${FOLLOWERS[1]}"
for n in "${FOLLOWERS[@]}" "$LEADER"; do
  OTHERS=()
  for m in 1 2 3; do [ "$m" != "$n" ] && OTHERS+=("$m"); done
  log "rolling restart: stopping server $n (leader is $(find_leader))"
  stop_server "$n"
  wait_for_quorum 30 "${OTHERS[@]}"
  sleep_log 2 "server $n down"
  start_server "$n"
  wait_for_quorum 30
  sleep_log "${ROLL_PAUSE:-5}" "all three serve again"
done
live_finish
