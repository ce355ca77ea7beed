# An absence window opened at the end of one run ("New election" and, so far, no leader) is
# neither fired too early nor lost: the next run closes it on log time, once.
source "$(dirname "$0")/lib.bash"
zk() { printf '2019-11-04 02:17:%s [myid:1] - INFO  [QuorumPeer[myid=1]/0.0.0.0:2181:%s] - %s\n' "$@"; }
for ending in no-leader leader; do
  logs="$SCRATCH/$ending" state="$SCRATCH/$ending.state"
  mkdir -p "$logs/zk1"
  {
    zk 40,000 'QuorumPeer@909' 'LOOKING'
    zk 41,778 'FastLeaderElection@813' 'New election. My id =  1, proposed zxid=0x50000a3b1'
    zk 43,000 'FastLeaderElection@852' 'Notification time out: 400'
  } >"$logs/zk1/zookeeper.log"
  run scan --state "$state" --format json "$logs"
  python3 - "$OUT" <<'PY' || fail "$ending: fired while the window was still open"
import json, sys
assert [i["rule"] for i in json.load(open(sys.argv[1]))["incidents"]] == [], sys.argv[1]
PY
  if [ "$ending" = leader ]; then
    zk 45,100 'QuorumPeer@991' 'FOLLOWING' >>"$logs/zk1/zookeeper.log"
  fi
  zk 58,000 'FastLeaderElection@852' 'Notification time out: 800' >>"$logs/zk1/zookeeper.log"
  run scan --state "$state" --format json "$logs"
  python3 - "$OUT" "$ending" <<'PY' || fail "$ending: second run"
import json, sys
rules = [i["rule"] for i in json.load(open(sys.argv[1]))["incidents"]]
want = ["zk-no-leader-elected"] if sys.argv[2] == "no-leader" else []
assert rules == want, (sys.argv[2], rules)
PY
  run scan --state "$state" --quiet "$logs"
  [ ! -s "$OUT" ] || fail "$ending: reported again: $(cat "$OUT")"
done
pass
