#!/bin/bash
# follower-frozen-short: as follower-frozen, but frozen for 3.5 s: less than twice tickTime × syncLimit
# (2 × 2 s), so it notices only about 1.5 s after the others gave up on it, less than
# tickTime × syncLimit itself. The rule must still tell that it was frozen.
export LIVE_NAME=follower-frozen-short FREEZE_SECONDS=${FREEZE_SECONDS:-3.5}
exec bash "$(dirname "$0")/follower-frozen.sh"
