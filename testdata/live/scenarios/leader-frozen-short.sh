#!/bin/bash
# leader-frozen-short: as leader-frozen, but frozen for 3.5 s only: less than twice tickTime × syncLimit (2 s),
# so it notices about 1.5 s after the others gave up on it. The rule must still tell it was frozen.
export LIVE_NAME=leader-frozen-short FREEZE_SECONDS=${FREEZE_SECONDS:-3.5}
exec bash "$(dirname "$0")/leader-frozen.sh"
