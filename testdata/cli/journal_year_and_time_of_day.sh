# Dates a line does not write: journalctl's "-- Logs begin at ..., end at ... --" line names the
# year of the syslog times below it (a file or standard input), its -x explanation lines
# ("░░ Subject: ...") continue their entry, and a time of day with no date in the file takes the
# file's modification date (standard input: today's), flagged date-inferred and listed by sources.
source "$(dirname "$0")/lib.bash"
cat >"$SCRATCH/journal.log" <<'LOG'
-- Logs begin at Mon 2020-01-06 10:00:00 UTC, end at Sat 2020-02-29 12:00:00 UTC. --
Feb 29 10:11:12 zk1 zookeeper[1234]: 2020-02-29 10:11:12,345 [myid:1] - INFO  [main:QuorumPeerMain@132] - Starting quorum peer
Feb 29 10:11:13 zk1 systemd[1]: zookeeper.service: Main process exited, code=exited, status=1/FAILURE
░░ Subject: Unit process exited
░░ Defined-By: systemd
Feb 29 10:11:14 zk1 zookeeper[1234]: WARN  [main:QuorumPeer@400] - Unable to load database on disk
LOG
# Modified in a year without Feb 29: the header's year wins, and the syslog-only lines are not
# flagged date-inferred (they would be, with the dated line 2's year, without the header).
touch -d '2026-03-01 00:00:00 UTC' "$SCRATCH/journal.log"
flags() {  # LINE -> "instant|flags|continuation lines"
  python3 -c '
import json, sys
for l in open(sys.argv[1]):
    j = json.loads(l)
    if j["line"] == int(sys.argv[2]):
        print("|".join([j["instant"], ",".join(j["flags"]), str(j["continuation"].count("\n") + bool(j["continuation"]))]))
' "$OUT" "$1"
}
for how in file stdin; do
  if [ "$how" = file ]; then run events "$SCRATCH/journal.log"; else run_stdin "$SCRATCH/journal.log" events -; fi
  expect_status 0
  got=$(flags 3)
  [ "$got" = "2020-02-29T10:11:13.000Z||2" ] || fail "$how: line 3: got '$got'"
  got=$(flags 6)
  [ "$got" = "2020-02-29T10:11:14.000Z||0" ] || fail "$how: line 6: got '$got'"
done

printf '10:00:00.123 [main] INFO  org.apache.zookeeper.ClientCnxn - Opening socket connection\n' \
  >"$SCRATCH/client.log"
touch -d '2021-03-04 05:06:07 UTC' "$SCRATCH/client.log"
run events "$SCRATCH/client.log"
expect_status 0
got=$(flags 1)
[ "$got" = "2021-03-04T10:00:00.123Z|date-inferred|0" ] || fail "time of day: got '$got'"
run sources "$SCRATCH/client.log"
expect_status 0
expect_stdout_has "Dates inferred:"
expect_stdout_has "client.log: 1 records have a time of day and no date; dated by the file's modification date (flagged date-inferred)"
today=$(date -u +%Y-%m-%d)
run_stdin "$SCRATCH/client.log" events -
after=$(date -u +%Y-%m-%d)  # the run may cross midnight
got=$(flags 1)
case "$got" in
  "${today}T10:00:00.123Z|date-inferred|0" | "${after}T10:00:00.123Z|date-inferred|0") ;;
  *) fail "stdin time of day: got '$got', expected today's date ($today)" ;;
esac
pass
