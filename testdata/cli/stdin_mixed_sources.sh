# `cat a b c | faultline timeline -` gives the same records in the same log-time order as reading
# the directory: stdin is split per line by format and re-sorted by log time, not arrival.
source "$(dirname "$0")/lib.bash"
dir="$TESTDATA/incidents/zkfc-connectionloss"
run events "$dir"
expect_status 0
cp "$OUT" "$SCRATCH/from-dir.ndjson"
cat "$dir/hadoop-hdfs-zkfc-nn1.log" "$dir/monitor.log" "$dir/zk-leader.log" >"$SCRATCH/all.log"
run_stdin "$SCRATCH/all.log" events -
expect_status 0
python3 - "$SCRATCH/from-dir.ndjson" "$OUT" <<'PY' || fail "stdin order differs from directory order"
import json, sys
def key(path):
    return [(e["instant"], e["level"], e["message"], e["continuation"])
            for e in map(json.loads, open(path))]
a, b = key(sys.argv[1]), key(sys.argv[2])
assert len(a) == len(b), (len(a), len(b))
assert [x[0] for x in b] == sorted(x[0] for x in b), "stdin output not in time order"
assert sorted(a) == sorted(b), "different records"
# Equal instants may tie-break differently (input order differs); times must match one to one.
assert [x[0] for x in a] == [x[0] for x in b]
# The incident's three key lines, fed as ZKFC, monitor, ZK, come out in causal order.
def first(needle):
    return next(i for i, x in enumerate(b) if needle in x[2])
assert first("outstanding heartbeat ping not received") < first("transaction timeout") \
    < first("Got a fatal error"), "causal order lost"
PY
pass
