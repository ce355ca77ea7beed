# zoo.cfg beside the logs is read and used in windows and explanations, with its origin.
source "$(dirname "$0")/lib.bash"
cp -r "$TESTDATA/incidents/zkfc-connectionloss" "$SCRATCH/logs"
printf '# cluster config\ntickTime=3000\ninitLimit=10\nsyncLimit=2\nbroken line\n' >"$SCRATCH/logs/zoo.cfg"
run analyze --color never "$SCRATCH/logs"
expect_status 1
expect_stdout_has "tickTime × syncLimit = 3000 ms × 2 = 6s"
expect_stdout_has "tickTime = 3000 ms (from $SCRATCH/logs/zoo.cfg:2)"
expect_stderr_line "faultline: warning: $SCRATCH/logs/zoo.cfg:5: not a key=value line, ignored: broken line"
pass
