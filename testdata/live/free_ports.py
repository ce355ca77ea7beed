#!/usr/bin/env python3
"""free_ports.py N: N distinct free TCP ports on 127.0.0.1, below the kernel's ephemeral range (so
the servers' own outgoing connections cannot take one between this check and the server's bind).
Shared by the ZooKeeper scenarios (lib.bash) and the ClickHouse tests (tests/clickhouse_cluster.sh)."""
import random, socket, sys
try:
    low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except (OSError, ValueError, IndexError):
    low = 32768
candidates = list(range(20000, max(20001, min(low, 32000))))
random.shuffle(candidates)
socks = []
for port in candidates:
    if len(socks) == int(sys.argv[1]):
        break
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        socks.append(s)
    except OSError:
        s.close()
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
