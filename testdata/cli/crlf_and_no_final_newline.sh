# CRLF line ends are removed; a last line without a newline is still read; leading spaces before
# the timestamp do not stop detection.
source "$(dirname "$0")/lib.bash"
printf '2019-09-17 05:04:03,691 -connection:connection.py-L608-WARNING: Connection dropped: outstanding heartbeat ping not received\r\n  2019-09-17 05:04:03,691 -client:client.py-L490-INFO: Zookeeper connection lost\r\n2019-09-17 05:04:03,895 -connection:connection.py-L610-WARNING: Connection time-out: socket time-out during read' >"$SCRATCH/monitor.log"
run events "$SCRATCH/monitor.log"
expect_status 0
python3 - "$OUT" <<'PY' || fail "CRLF / final line handling"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
assert len(events) == 3, events
assert events[0]["message"] == "Connection dropped: outstanding heartbeat ping not received", events[0]
assert events[1]["message"] == "Zookeeper connection lost", events[1]
assert events[2]["message"].endswith("during read"), events[2]
assert all(e["format"] == "python" and not e["flags"] for e in events), events
PY
pass
