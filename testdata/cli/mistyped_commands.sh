# A mistyped command or option is named, with the closest known one, and exits 2.
source "$(dirname "$0")/lib.bash"
run anlyze x.log
expect_status 2
expect_stderr_line "faultline: error: unknown command 'anlyze' (did you mean 'analyze'?)"
run rules tset
expect_status 2
expect_stderr_line "faultline: error: unknown command 'rules tset' (did you mean 'test'?)"
run events --levle warn x.log
expect_status 2
expect_stderr_line "faultline: error: events has no option --levle (did you mean '--level'?)"
run analyze --layuot '%d %m' x.log
expect_status 2
expect_stderr_line "faultline: error: analyze has no option --layuot (did you mean '--layout'?)"
run frobnicate
expect_status 2
expect_stderr_line "faultline: error: unknown command 'frobnicate'"
# What CLI11 answers itself stays as it was.
run --version
expect_status 0
pass
