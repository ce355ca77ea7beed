# Logs written by Debian 12's real zookeeper 3.8 and kazoo 2.8 are recognised whole: right
# parser and variant, no unparsed line, out-of-order lines counted.
source "$(dirname "$0")/lib.bash"
cd "$TESTDATA/parsers/real-zk38" || fail "no real-zk38 fixtures"
run sources .
expect_status 0
expect_same expected-sources.txt "$OUT"
pass
