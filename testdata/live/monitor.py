#!/usr/bin/python3
"""Live-harness client: a kazoo client that keeps writing to one znode.

Run with /usr/bin/python3 (Debian's python3-kazoo). It connects to every server given in
--hosts, sets a znode every --interval seconds (so proposals are always in flight) and logs,
with kazoo's own messages, in the layout

    %(asctime)s -%(module)s:%(filename)s-L%(lineno)d-%(levelname)s: %(message)s

It stops cleanly (client stopped and closed) on SIGTERM/SIGINT or after --max-lifetime
seconds; a watchdog hard-exits if a clean stop hangs.
"""

import argparse
import logging
import os
import signal
import threading
import time

from kazoo.client import KazooClient
from kazoo.exceptions import KazooException
from kazoo.handlers.threading import KazooTimeoutError

FORMAT = "%(asctime)s -%(module)s:%(filename)s-L%(lineno)d-%(levelname)s: %(message)s"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--hosts", required=True, help="host:port,host:port,...")
    p.add_argument("--log", required=True, help="log file")
    p.add_argument("--session-timeout", type=float, default=6.0, help="seconds (default 6)")
    p.add_argument("--interval", type=float, default=0.15, help="seconds between writes")
    p.add_argument("--path", default="/faultline-live/monitor")
    p.add_argument("--report-every", type=float, default=5.0,
                   help="seconds between progress lines (default 5)")
    p.add_argument("--max-lifetime", type=float, default=300.0, help="seconds (default 300)")
    return p.parse_args()


def main():
    args = parse_args()
    logging.basicConfig(filename=args.log, level=logging.INFO, format=FORMAT)
    log = logging.getLogger("monitor")
    stop = threading.Event()

    def on_signal(signum, _frame):
        log.info("signal %d received, stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    deadline = time.monotonic() + args.max_lifetime

    zk = KazooClient(hosts=args.hosts, timeout=args.session_timeout,
                     connection_retry={"max_tries": -1, "delay": 0.2, "max_delay": 1.0})

    def on_state(state):
        log.info("listener state=%s", state)

    zk.add_listener(on_state)
    log.info("monitor starting: hosts=%s session_timeout=%.1fs interval=%.2fs path=%s",
             args.hosts, args.session_timeout, args.interval, args.path)

    while not stop.is_set():
        try:
            zk.start(timeout=5)
            break
        except KazooTimeoutError:
            log.warning("could not connect within 5s, retrying")
            if time.monotonic() > deadline:
                return 1
    try:
        zk.ensure_path(args.path)
    except KazooException as e:
        log.warning("ensure_path %s failed: %s", args.path, type(e).__name__)

    ok = failed = 0
    seq = 0
    next_report = time.monotonic() + args.report_every
    while not stop.is_set() and time.monotonic() < deadline:
        seq += 1
        try:
            stat = zk.set_async(args.path, b"%d" % seq).get(timeout=2.0)
            ok += 1
            last_zxid = stat.mzxid
        except KazooTimeoutError:
            failed += 1
            log.warning("set #%d: no reply within 2s (state %s)", seq, zk.state)
        except KazooException as e:
            failed += 1
            log.warning("set #%d failed: %s (state %s)", seq, type(e).__name__, zk.state)
            stop.wait(0.5)  # don't spin while disconnected
        now = time.monotonic()
        if now >= next_report:
            log.info("writes ok=%d failed=%d last mzxid=0x%x", ok, failed,
                     last_zxid if ok else 0)
            next_report = now + args.report_every
        stop.wait(args.interval)

    if not stop.is_set():
        log.info("max lifetime %.0fs reached, stopping", args.max_lifetime)
    # A clean stop must not hang the harness: hard exit if it takes more than 10 s.
    watchdog = threading.Timer(10.0, lambda: os._exit(3))
    watchdog.daemon = True
    watchdog.start()
    log.info("writes ok=%d failed=%d; closing the client", ok, failed)
    zk.stop()
    zk.close()
    log.info("monitor stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
