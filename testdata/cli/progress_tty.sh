# Progress line: on a terminal (a pty) a large input gets one status line (share, MB, records,
# MB/s, ETA, file), redrawn in place and erased at the end; piped, with --no-progress, with
# scan --quiet, or when timeline's output goes to the same terminal, nothing of it is written.
source "$(dirname "$0")/lib.bash"
python3 - "$SCRATCH/big.log" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(60000):  # about 8 MB
        ms = i * 50
        f.write("2019-09-17 %02d:%02d:%02d,%03d [myid:3] - INFO  [CommitProcessor:3:ZooKeeperServer@694]"
                " - Established session 0x%x with negotiated timeout 4000 for client /10.0.0.4:38416\n"
                % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000, i))
PY
# pty_run OUTFILE STDOUT_ON_PTY ARGS...: runs faultline with stderr on a pty (stdout too when
# STDOUT_ON_PTY is 1, else to /dev/null); OUTFILE receives every byte written to the pty.
pty_run() {
  local out=$1 on_pty=$2
  shift 2
  python3 - "$out" "$on_pty" "$FAULTLINE" "$@" <<'PY'
import os, pty, subprocess, sys
out, on_pty, argv = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
master, slave = pty.openpty()
env = dict(os.environ, FAULTLINE_PROGRESS_AFTER_BYTES="1", TERM="xterm")
child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stderr=slave, env=env,
                         stdout=slave if on_pty else subprocess.DEVNULL)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the child closed its end
        break
    if not chunk:
        break
    data += chunk
child.wait()
open(out, "wb").write(data)
PY
}
export SCRATCH
pty_run "$SCRATCH/tty" 0 analyze "$SCRATCH/big.log"
grep -aq 'MB/s' "$SCRATCH/tty" || fail "no progress line on a terminal: $(cat -v "$SCRATCH/tty")"
grep -aqE 'faultline: [0-9]+% [0-9.]+ of [0-9.]+ MB, [0-9]+ records, ([0-9.]+|-) MB/s(, ETA [0-9:]+)?, .*big\.log' \
  "$SCRATCH/tty" || fail "progress line lacks share, size, records, rate or file: $(cat -v "$SCRATCH/tty")"
# Erased at the end: the last bytes on the terminal are the erase sequence, nothing left over.
[ "$(tail -c 4 "$SCRATCH/tty" | od -An -tx1 | tr -d ' \n')" = 0d1b5b4b ] ||
  fail "the progress line was not erased at the end: $(tail -c 40 "$SCRATCH/tty" | cat -v)"
# analyze -j 2 reads the file in two threads: counted once (60,000 records, 10 MB at most).
pty_run "$SCRATCH/jobs" 0 analyze -j 2 "$SCRATCH/big.log"
most=$(grep -aoE '[0-9]+ records' "$SCRATCH/jobs" | sort -n | tail -1)
[ -n "$most" ] && [ "${most% records}" -le 60000 ] || fail "records counted twice with -j 2: $most"
grep -aoE ' of [0-9.]+ MB' "$SCRATCH/jobs" | grep -qv ' of 10\.[0-9] MB' && fail "size counted twice with -j 2"
# analyze's report on the same terminal starts on a clean line.
pty_run "$SCRATCH/both" 1 analyze "$SCRATCH/big.log"
grep -aq $'\r\033\\[KRead ' "$SCRATCH/both" || grep -aq $'\r\033\\[KNo incident' "$SCRATCH/both" ||
  grep -aq $'\033\\[K.*incident' "$SCRATCH/both" || fail "report not after an erased line: $(cat -v "$SCRATCH/both" | tail -5)"
# Never: piped, --no-progress, scan --quiet, timeline writing to the same terminal.
FAULTLINE_PROGRESS_AFTER_BYTES=1 "$FAULTLINE" analyze "$SCRATCH/big.log" >/dev/null 2>"$SCRATCH/piped"
grep -aq 'MB/s' "$SCRATCH/piped" && fail "progress line written to a pipe"
pty_run "$SCRATCH/off" 0 analyze --no-progress "$SCRATCH/big.log"
grep -aq 'MB/s' "$SCRATCH/off" && fail "progress line despite --no-progress"
pty_run "$SCRATCH/scan" 0 scan --quiet --state "$SCRATCH/state" "$SCRATCH/big.log"
grep -aq 'MB/s' "$SCRATCH/scan" && fail "progress line in scan --quiet"
pty_run "$SCRATCH/timeline" 1 timeline --level error "$SCRATCH/big.log"
grep -aq 'MB/s' "$SCRATCH/timeline" && fail "progress line mixed into timeline's terminal output"
pty_run "$SCRATCH/timeline-file" 0 timeline "$SCRATCH/big.log"
grep -aq 'MB/s' "$SCRATCH/timeline-file" || fail "no progress line for timeline written to a file"
pass
