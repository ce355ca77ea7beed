#!/usr/bin/python3
"""A leaking client for the max-client-cnxns scenario.

Opens a plain TCP connection to 127.0.0.1:PORT every --every seconds for --seconds seconds and
never closes the ones the server keeps (as an application that creates a client per task and
forgets to close it would), then closes everything. It prints how many the server accepted
and how many it dropped right away (over maxClientCnxns).
"""

import argparse
import socket
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("port", type=int)
    p.add_argument("--seconds", type=float, default=6.0)
    p.add_argument("--every", type=float, default=0.2)
    args = p.parse_args()

    held, refused, attempts = [], 0, 0
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        attempts += 1
        try:
            s = socket.create_connection(("127.0.0.1", args.port), timeout=2)
            held.append(s)
        except OSError:
            refused += 1
        time.sleep(args.every)
    # A connection over the limit is accepted by the kernel and then closed by ZooKeeper:
    # it reads as EOF (or a reset) here.
    alive = 0
    for s in held:
        s.setblocking(False)
        try:
            if s.recv(1) != b"":
                alive += 1
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
        s.close()
    print("flood: %d attempts, %d refused at connect, %d held open until the end"
          % (attempts, refused, alive))


if __name__ == "__main__":
    main()
