"""What `faultline analyze` must say about each live scenario.

    check_analysis.py SCENARIO DIR [--faultline BIN]

DIR is a collected log set (zk1/zookeeper.log ..., monitor.log, zoo.cfg) with the harness's
harness.txt, whose "fact" lines say what was injected (victim=2 leader=3 ...). With --faultline
the analysis is run here (the captured sets in the ordinary test suite); without it DIR holds the
analysis.json the live scenario wrote. Exit 0 when every expectation holds, 1 otherwise, naming
each one that failed.
"""
import json
import re
import subprocess
import sys


def load_facts(path):
    facts = {}
    with open(path) as f:
        for line in f:
            m = re.search(r"\] fact (.*)$", line)
            if m:
                for pair in m.group(1).split():
                    key, _, value = pair.partition("=")
                    facts[key] = value
    return facts


def analyze(faultline, directory):
    run = subprocess.run([faultline, "analyze", "--format", "json", directory],
                         capture_output=True, text=True, timeout=120)
    if run.returncode not in (0, 1):
        sys.exit("faultline analyze exit %d: %s" % (run.returncode, run.stderr))
    return json.loads(run.stdout)


class Checker:
    def __init__(self, doc, facts):
        self.doc, self.facts, self.failures = doc, facts, []

    def expect(self, ok, what):
        if not ok:
            self.failures.append(what)
        return ok

    def root(self, rule):
        """The first (highest-ranked) incident, which must have `rule` as its root cause."""
        incidents = self.doc["incidents"]
        if not self.expect(incidents, "an incident (there is none)"):
            return None
        top = incidents[0]
        if not self.expect(top["rule"] == rule,
                           "root cause rule %s, got %s" % (rule, top["rule"])):
            return None
        return top

    def entry(self, incident, name):
        for c in incident["chain"]:
            if c["name"] == name:
                return c
        self.expect(False, "%s: no %r in the chain" % (incident["rule"], name))
        return {"host": None, "captures": {}, "delta_from_root_ms": None}

    def config(self, incident, name, value):
        for c in incident["configuration"]:
            if c["name"] == name:
                self.expect(c["value"] == value and not c["default"] and "zoo.cfg" in c["origin"],
                            "%s = %s from zoo.cfg, got %s" % (name, value, c))
                return
        self.expect(False, "%s: configuration %s not cited" % (incident["rule"], name))

    def not_fired(self, rule):
        fired = [r for i in self.doc["incidents"] for r in i["rules_fired"]]
        self.expect(rule not in fired, "%s must not fire (fired: %s)" % (rule, fired))

    def timing(self, incident):
        self.config(incident, "tickTime", self.facts["tickTime"])
        self.config(incident, "syncLimit", self.facts["syncLimit"])
        return int(self.facts["tickTime"]) * int(self.facts["syncLimit"])


def follower_frozen(c, f):
    inc = c.root("zk-follower-stalled")
    if inc:
        c.timing(inc)
        c.expect(c.entry(inc, "dropped")["host"] == "zk" + f["leader"], "dropped by the leader")
        c.expect(c.entry(inc, "learner")["captures"].get("myid") == f["victim"],
                 "the leader names learner %s" % f["victim"])
        woke = c.entry(inc, "woke")
        c.expect(woke["host"] == "zk" + f["victim"], "woke on zk%s, got %s" % (f["victim"], woke["host"]))
        gap = woke["delta_from_root_ms"] - c.entry(inc, "learner")["delta_from_root_ms"]
        ticks = 2 * int(f["tickTime"])
        c.expect(gap >= ticks, "the follower noticed %d ms after being dropped (>= %d)" % (gap, ticks))
    c.not_fired("zk-slow-fsync")


def follower_slow_disk(c, f):
    inc = c.root("zk-slow-fsync")
    if inc:
        limit = c.timing(inc)
        fsync, timeout = c.entry(inc, "fsync"), c.entry(inc, "timeout")
        c.expect(fsync["host"] == "zk" + f["victim"], "slow fsync on zk%s, got %s" % (f["victim"], fsync["host"]))
        c.expect(int(fsync["captures"].get("ms", 0)) >= 1000, "an fsync of a second or more")
        c.expect(timeout["host"] == "zk" + f["leader"], "the leader zk%s timed out" % f["leader"])
        c.expect(timeout["delta_from_root_ms"] <= limit + int(f["tickTime"]), "time-out within the window")
    c.not_fired("zk-follower-stalled")


def leader_killed(c, f):
    inc = c.root("zk-leader-lost")
    if inc:
        c.timing(inc)
        c.expect(c.entry(inc, "broken")["captures"].get("peer") == f["victim"],
                 "the broken election link names server %s" % f["victim"])
        elected = c.entry(inc, "elected")
        c.expect(elected["host"] not in (None, "zk" + f["victim"]), "another server leads")
        c.expect(int(elected["captures"].get("election_ms", -1)) >= 0, "the election time is given")
        c.entry(inc, "reconnected")  # the monitor's reconnect
    c.not_fired("zk-leader-stalled")
    c.not_fired("zk-rolling-restart")  # a cold start, then a kill: nothing was restarted before


def leader_frozen(c, f):
    inc = c.root("zk-leader-stalled")
    if inc:
        c.timing(inc)
        elected, woke = c.entry(inc, "elected"), c.entry(inc, "woke")
        c.expect(woke["host"] == "zk" + f["victim"], "the old leader zk%s steps down" % f["victim"])
        c.expect(elected["host"] not in (None, "zk" + f["victim"]), "another server leads")
        gap = woke["delta_from_root_ms"] - elected["delta_from_root_ms"]
        ticks = 2 * int(f["tickTime"])
        c.expect(gap >= ticks, "the old leader stepped down %d ms after the election (>= %d)" % (gap, ticks))
    c.not_fired("zk-leader-lost")


def quorum_lost(c, f):
    inc = c.root("zk-quorum-lost")
    if inc:
        c.expect(inc["severity"] == "critical", "critical")
        c.expect(c.entry(inc, "shutdown")["host"] == "zk" + f["leader"], "the leader steps down")
        c.expect(c.entry(inc, "broken")["captures"].get("peer") in f["victims"].split(","),
                 "a killed server is named")
        c.expect(c.entry(inc, "shutdown")["captures"].get("synced") == f["leader"],
                 "synced only with itself")


def client_session_expired(c, f):
    inc = c.root("kazoo-session-expired-both-sides")
    if inc:
        expired, refused = c.entry(inc, "expired"), c.entry(inc, "refused")
        c.expect(expired["captures"].get("sid") and
                 expired["captures"].get("sid") == refused["captures"].get("sid"),
                 "the session the server expired is the one it refused later")
        c.expect(expired["captures"].get("timeout_ms") == str(int(float(f["session_timeout"]) * 1000)),
                 "the session timeout %s s" % f["session_timeout"])
        c.expect(c.entry(inc, "client")["host"] == "monitor", "kazoo's side, from the monitor")
        c.expect("kazoo-session-lost" in inc["rules_fired"], "kazoo-session-lost in the incident")


def max_client_cnxns(c, f):
    inc = c.root("zk-too-many-connections")
    if inc:
        first = c.entry(inc, "first")
        c.expect(first["host"] == "zk" + f["victim"], "on the flooded server zk%s" % f["victim"])
        c.expect(first["captures"].get("ip") == "127.0.0.1", "names the client address")
        c.config(inc, "maxClientCnxns", f["maxClientCnxns"])


def healthy(c, f):
    loud = [i["rule"] for i in c.doc["incidents"] if i["severity"] in ("warning", "critical")]
    c.expect(not loud, "no incident at warning or above, got %s" % loud)


def rolling_restart(c, f):
    healthy(c, f)  # a planned restart is no incident at warning or above
    inc = c.root("zk-rolling-restart")
    if inc:
        c.expect(inc["severity"] == "info", "info, got %s" % inc["severity"])
        c.expect(c.entry(inc, "up")["captures"].get("myid") in f["followers"].split(","),
                 "a follower (%s) restarted first" % f["followers"])
        c.expect(c.entry(inc, "joined")["captures"].get("leader") == f["leader"],
                 "it rejoined leader %s" % f["leader"])
        c.expect(c.entry(inc, "lost")["captures"].get("leader") == f["leader"],
                 "then leader %s went away" % f["leader"])
        c.expect("zk-leader-lost" in inc["rules_fired"], "zk-leader-lost explained in the incident")


SCENARIOS = {
    "follower-frozen": follower_frozen,
    "follower-frozen-short": follower_frozen,
    "follower-slow-disk": follower_slow_disk,
    "leader-killed": leader_killed,
    "leader-frozen": leader_frozen,
    "leader-frozen-short": leader_frozen,
    "quorum-lost": quorum_lost,
    "client-session-expired": client_session_expired,
    "max-client-cnxns": max_client_cnxns,
    "healthy": healthy,
    "rolling-restart": rolling_restart,
}


def main():
    args = sys.argv[1:]
    faultline = None
    if "--faultline" in args:
        i = args.index("--faultline")
        faultline = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or args[0] not in SCENARIOS:
        sys.exit(__doc__)
    scenario, directory = args
    facts = load_facts(directory + "/harness.txt")
    if faultline:
        doc = analyze(faultline, directory)
    else:
        doc = json.load(open(directory + "/analysis.json"))
    checker = Checker(doc, facts)
    try:
        SCENARIOS[scenario](checker, facts)
    except KeyError as e:
        checker.expect(False, "harness.txt lacks the fact %s" % e)
    except (TypeError, ValueError) as e:  # a chain entry that is missing or malformed
        checker.expect(False, "unexpected analysis: %s" % e)
    for failure in checker.failures:
        print("FAIL %s: %s" % (scenario, failure))
    if checker.failures:
        return 1
    print("PASS %s: %s" % (scenario, ", ".join(i["rule"] for i in doc["incidents"]) or "no incident"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
