#!/bin/bash
# follower-slow-disk: one follower's dataLogDir (its transaction log) is an ext4 file system on
# a loop device; while the monitor writes, the cgroup-v1 blkio controller limits that device to
# SLOW_IOPS write IOPS (default 1) for SLOW_SECONDS (default 14 s), so each fsync takes
# seconds while the follower's process keeps running and answering the leader's pings.
# Needs root, loop devices and /sys/fs/cgroup/blkio; otherwise it exits 77 (skipped).
# shellcheck source=../lib.bash disable=SC2119  # live_setup args are extra zoo.cfg lines
source "$(dirname "$0")/../lib.bash"

SLOW=1  # with equal zxids the highest myid wins the first election, so server 1 follows
live_setup
slow_disk_setup "$WORK/zk$SLOW/txlog"
write_cfg "$SLOW" "dataLogDir=$WORK/zk$SLOW/txlog"
log "fsync of 512 bytes on the loop fs, unthrottled: $(fsync_ms "$WORK/zk$SLOW/txlog") ms"
throttle_dev "$SLOW_MAJMIN" "${SLOW_IOPS:-1}" || skip "cannot set a blkio throttle"
SLOW_MS=$(fsync_ms "$WORK/zk$SLOW/txlog")
unthrottle_dev "$SLOW_MAJMIN"
log "fsync of 512 bytes on the loop fs at ${SLOW_IOPS:-1} write IOPS: $SLOW_MS ms"
[ "$SLOW_MS" -ge 1000 ] || skip "the blkio throttle does not slow fsync here ($SLOW_MS ms)"

start_all
wait_for_quorum 30
if [ "$(find_leader)" = "$SLOW" ]; then
  log "server $SLOW leads; restarting it so that it follows"
  stop_server "$SLOW"
  start_server "$SLOW"
  wait_for_quorum 30
fi
start_monitor --session-timeout 6
sleep_log 5 "writes flow"
LEADER=$(find_leader)
fact "victim=$SLOW" "leader=$LEADER"
log "leader is server $LEADER; slowing follower $SLOW's transaction log"
throttle_dev "$SLOW_MAJMIN" "${SLOW_IOPS:-1}"
sleep_log "${SLOW_SECONDS:-14}" "follower $SLOW's disk is slow"
unthrottle_dev "$SLOW_MAJMIN"
log "blkio throttle removed"
wait_for_quorum 40
sleep_log 5 "after recovery"
live_finish
