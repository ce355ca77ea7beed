#!/usr/bin/env python3
"""Generates a scan test corpus (never committed): ZooKeeper and ZKFC logs of two clusters whose
times lie a day apart, from the zkfc-connectionloss seed hour (one transaction-timeout incident per
copy) with election trouble planted between the copies: storms of 'Notification time out' (a count
rule), elections that find no leader within 10 s (an absence rule) and ones that do.

Usage: scan_corpus.py SEED_DIR OUT_DIR [MEGABYTES] [RANDOM_SEED]
Writes OUT_DIR/a/{zk-a.log,zkfc-a.log} and OUT_DIR/b/{zk-b.log,zkfc-b.log} (b: 27 h later),
about MEGABYTES in all (default 4). Deterministic for a given seed."""
import datetime
import os
import random
import re
import sys

seed_dir, out = sys.argv[1], sys.argv[2]
megabytes = float(sys.argv[3]) if len(sys.argv) > 3 else 4.0
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})")
FMT = "%Y-%m-%d %H:%M:%S"


def read(name):
    lines, last = [], None
    for line in open(os.path.join(seed_dir, name), encoding="utf-8", errors="replace"):
        m = STAMP.match(line)
        if m:
            last = datetime.datetime.strptime(m.group(1), FMT) + datetime.timedelta(
                milliseconds=int(m.group(2)))
            lines.append((last, line[23:]))
        elif last is not None:  # a continuation: keeps the time of its record
            lines.append((last, None, line))
    return lines


def stamp(t):
    return t.strftime(FMT) + ",%03d" % (t.microsecond // 1000)


ZK = read("zk-leader.log")
ZKFC = read("hadoop-hdfs-zkfc-nn1.log")
T0 = ZK[0][0]
seed_bytes = sum(len(l[-1]) + 23 for l in ZK) + sum(len(l[-1]) + 23 for l in ZKFC)
copies = max(2, int(megabytes * 1e6 / 2 / seed_bytes + 0.5))
ELECT = " [myid:3] - INFO  [QuorumPeer[myid=3]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@%d] - %s\n"


def election_trouble(start, end):
    """Planted election lines between start and end: (time, text) pairs."""
    planted = []
    t = start + datetime.timedelta(minutes=rng.uniform(5, 20))
    while t < end - datetime.timedelta(minutes=5):
        zxid = "%x" % rng.randrange(1 << 36)
        planted.append((t, ELECT % (740, "New election. My id =  3, proposed zxid=0x" + zxid)))
        kind = rng.random()
        u = t
        if kind < 0.4:  # a storm: many time-outs, a leader only much later
            for _ in range(rng.randrange(6, 30)):
                u += datetime.timedelta(seconds=rng.uniform(1, 9))
                planted.append((u, ELECT % (847, "Notification time out: %d" % rng.choice(
                    [400, 800, 1600, 3200]))))
            u += datetime.timedelta(seconds=rng.uniform(1, 5))
            planted.append((u, ELECT % (1055, "LEADING")))
        elif kind < 0.7:  # no leader within 10 s, then one
            u += datetime.timedelta(seconds=rng.uniform(11, 40))
            planted.append((u, ELECT % (1055, "FOLLOWING")))
        else:  # a quick election
            u += datetime.timedelta(seconds=rng.uniform(0.2, 3))
            planted.append((u, ELECT % (1055, "LEADING")))
        t = u + datetime.timedelta(minutes=rng.uniform(3, 40))
    return planted


def write_cluster(name, shift):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    with open(os.path.join(out, name, "zk-%s.log" % name), "w") as zk, \
            open(os.path.join(out, name, "zkfc-%s.log" % name), "w") as zkfc:
        for copy in range(copies):
            delta = shift + datetime.timedelta(hours=2 * copy)
            planted = election_trouble(T0 + delta + datetime.timedelta(hours=1, minutes=10),
                                       T0 + delta + datetime.timedelta(hours=2))
            rows = [(t + delta, 0, i, rest) for i, (t, *rest) in enumerate(ZK)]
            rows += [(t, 1, i, (text,)) for i, (t, text) in enumerate(planted)]
            rows.sort(key=lambda r: (r[0], r[1], r[2]))
            for t, _, _, rest in rows:
                zk.write(stamp(t) + rest[0] if len(rest) == 1 else rest[1])
            for t, *rest in ZKFC:
                zkfc.write(stamp(t + delta) + rest[0] if len(rest) == 1 else rest[1])


write_cluster("a", datetime.timedelta(0))
write_cluster("b", datetime.timedelta(hours=27 + 2 * copies))
