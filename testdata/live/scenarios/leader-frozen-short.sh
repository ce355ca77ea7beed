#!/bin/bash
# leader-frozen-short: as leader-frozen, but frozen for 3.8 s: less than twice tickTime × syncLimit
# (2 × 2 s), so it notices only about 1.8 s after the others gave up on it, less than
# tickTime × syncLimit itself. The rule must still tell that it was frozen.
export LIVE_NAME=leader-frozen-short FREEZE_SECONDS=${FREEZE_SECONDS:-3.8}
exec bash "$(dirname "$0")/leader-frozen.sh"
