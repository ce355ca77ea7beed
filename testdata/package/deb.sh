# The Debian package: `cpack -G DEB` in the build tree makes faultline_VERSION_ARCH.deb with the
# binary, man page, rules, completions, systemd units, example and copyright, and Depends from
# dpkg-shlibdeps. As root (CI), it is installed with dpkg -i, used from a directory with no build
# tree around (--version, man -l, bash completion, analyze of the installed example, which must
# print the README's output), then removed and purged: nothing it installed may be left.
# ctest runs it alone (RUN_SERIAL), and a lock file keeps two build trees' runs off dpkg at once. Skipped (77) for the install part when not root or when a faultline package
# is already installed (it is not ours to remove).
set -u
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/faultline-deb.XXXXXX")
INSTALLED=0
cleanup() {
  if [ "$INSTALLED" = 1 ]; then dpkg --purge faultline >/dev/null 2>&1; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

cpack -G DEB -B "$SCRATCH/pkg" --config "$BUILD_DIR/CPackConfig.cmake" >"$SCRATCH/cpack.log" 2>&1 ||
  fail "cpack: $(tail -20 "$SCRATCH/cpack.log")"
deb=$(ls "$SCRATCH"/pkg/faultline_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no faultline_*.deb in $SCRATCH/pkg"
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$SCRATCH/contents"
for path in /usr/bin/faultline /usr/share/man/man1/faultline.1.gz \
  /usr/share/faultline/rules/zk-txn-timeout-zkfc-exit.toml \
  /usr/share/bash-completion/completions/faultline /usr/share/zsh/vendor-completions/_faultline \
  /usr/share/fish/vendor_completions.d/faultline.fish \
  /usr/lib/systemd/system/faultline-scan.service /usr/lib/systemd/system/faultline-scan.timer \
  /usr/lib/systemd/system/faultline-ship.service /usr/lib/systemd/system/faultline-ship.timer \
  /usr/share/doc/faultline/copyright \
  /usr/share/doc/faultline/examples/zkfc-connectionloss/zk-leader.log \
  /usr/share/doc/faultline/examples/zkfc-connectionloss/hadoop-hdfs-zkfc-nn1.log \
  /usr/share/doc/faultline/examples/zkfc-connectionloss/monitor.log; do
  grep -qxF "$path" "$SCRATCH/contents" || fail "package lacks $path"
done
rules=$(grep -c '^/usr/share/faultline/rules/.*\.toml$' "$SCRATCH/contents")
[ "$rules" -eq "$(ls "$SOURCE_DIR"/rules/*.toml | wc -l)" ] || fail "package has $rules rule files"
grep -q '^/usr/local' "$SCRATCH/contents" && fail "package installs under /usr/local"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libre2 zlib1g libcurl4 tzdata; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/system/faultline-scan.service |
  grep -q '^ExecStart=/usr/bin/faultline scan ' || fail "the unit does not run /usr/bin/faultline"

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing needs root (the package's contents were checked)"
  exit 77
fi
exec 9>/var/lock/faultline-deb-test.lock
flock -w 600 9 || fail "another package test holds /var/lock/faultline-deb-test.lock"
if dpkg-query -W -f='${Status}' faultline 2>/dev/null | grep -q 'install ok installed'; then
  echo "SKIP: a faultline package is already installed on this machine; not touching it"
  exit 77
fi
INSTALLED=1
# Minimal images tell dpkg to leave out /usr/share/man and /usr/share/doc: the page and the
# example are what this test uses, so they are let in.
dpkg -i --path-include='/usr/share/man/man1/faultline.1.gz' --path-include='/usr/share/doc/faultline/*' \
  "$deb" >"$SCRATCH/dpkg.log" 2>&1 || fail "dpkg -i: $(cat "$SCRATCH/dpkg.log")"
dpkg -L faultline | sort >"$SCRATCH/listed"
# Used as a user would, with no build tree or source tree in sight.
mkdir "$SCRATCH/elsewhere" && cd "$SCRATCH/elsewhere" || fail "cd"
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
[ "$(command -v faultline)" = /usr/bin/faultline ] || fail "faultline on PATH is $(command -v faultline)"
faultline --version >"$SCRATCH/version" || fail "faultline --version"
grep -q "^faultline [0-9.]* (commit [0-9a-f]*\|unknown)" "$SCRATCH/version" ||
  fail "--version: $(cat "$SCRATCH/version")"
grep -qx "$rules rules from /usr/share/faultline/rules" "$SCRATCH/version" ||
  fail "the installed binary does not read the installed rules: $(cat "$SCRATCH/version")"
if command -v man >/dev/null; then
  MANPAGER=cat MANWIDTH=100 man -l /usr/share/man/man1/faultline.1.gz >"$SCRATCH/man" 2>"$SCRATCH/man.err" ||
    fail "man -l: $(cat "$SCRATCH/man.err")"
  grep -q "faultline" "$SCRATCH/man" && grep -q -- "--no-progress" "$SCRATCH/man" ||
    fail "man page renders without its options"
  [ "$(man -w faultline 2>&1)" = /usr/share/man/man1/faultline.1.gz ] ||
    fail "man faultline finds $(man -w faultline 2>&1)"
else
  echo "note: man is not installed; the page was not rendered"
fi
bash --norc -c 'source /usr/share/bash-completion/completions/faultline && complete -p faultline' |
  grep -qx 'complete -F _faultline faultline' || fail "installed bash completion does not register"
ls /etc/systemd/system/*.wants/faultline* >/dev/null 2>&1 && fail "installing enabled the units"
example=/usr/share/doc/faultline/examples/zkfc-connectionloss
faultline analyze --color never "$example" >"$SCRATCH/analysis" 2>"$SCRATCH/analysis.err"
status=$?
[ "$status" -eq 1 ] || fail "analyze of the installed example exited $status: $(cat "$SCRATCH/analysis.err")"
[ ! -s "$SCRATCH/analysis.err" ] || fail "analyze complained: $(cat "$SCRATCH/analysis.err")"
# The same report as the build tree's binary gives for the source tree's copy ...
"$BUILD_DIR/faultline" analyze --color never "$SOURCE_DIR/testdata/incidents/zkfc-connectionloss" |
  sed "s#$SOURCE_DIR/testdata/incidents/zkfc-connectionloss#$example#g" >"$SCRATCH/expected"
diff -u "$SCRATCH/expected" "$SCRATCH/analysis" >&2 || fail "installed analyze differs from the build tree's"
# ... and the README's output: its block, abridged with "...", read as fragments that must
# appear in this order (blanks compared as one space, since abridging rewraps lines).
python3 - "$SOURCE_DIR/README.md" "$SCRATCH/analysis" "$example" <<'PY' || fail "README output"
import re, sys
readme, actual, example = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
start = readme.index("$ faultline analyze testdata/incidents/zkfc-connectionloss\n")
block = readme[start:readme.index("```", start)].split("\n", 1)[1]
block = block.replace("testdata/incidents/zkfc-connectionloss", example)
flat = lambda text: re.sub(r"\s+", " ", text)
actual, at, fragments = flat(actual), 0, 0
for fragment in (flat(f).strip() for f in block.split("...")):
    if not fragment:
        continue
    found = actual.find(fragment, at)
    if found < 0:
        sys.exit("README text not in the output (in order): " + fragment)
    at, fragments = found + len(fragment), fragments + 1
print("README output: %d fragments found in order" % fragments)
PY
cd / || fail "cd"
dpkg -r faultline >"$SCRATCH/remove.log" 2>&1 || fail "dpkg -r: $(cat "$SCRATCH/remove.log")"
dpkg --purge faultline >>"$SCRATCH/remove.log" 2>&1 || fail "dpkg --purge: $(cat "$SCRATCH/remove.log")"
INSTALLED=0
dpkg-query -W faultline >/dev/null 2>&1 && fail "dpkg still knows faultline after purge"
left=0
while read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then
    echo "left behind: $path" >&2
    left=1
  fi
done <"$SCRATCH/listed"
for dir in /usr/share/faultline /usr/share/doc/faultline; do
  [ -e "$dir" ] && echo "left behind: $dir" >&2 && left=1
done
[ "$left" -eq 0 ] || fail "files left after purge"
echo "installed $(wc -l <"$SCRATCH/listed") paths, all removed"
echo "PASS: package.deb"
