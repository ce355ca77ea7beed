#!/usr/bin/env bash
# One command on a fresh Debian 12 machine:
#   scripts/bootstrap.sh demo   install missing packages, build, analyse the bundled incident
#   scripts/bootstrap.sh test   install missing packages, build, run every test (ctest)
#   scripts/bootstrap.sh package   install missing packages, build, make ./faultline_*.deb
# Packages are installed only when missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(g++ cmake make pkg-config libre2-dev libcli11-dev libhowardhinnant-date-dev doctest-dev
  libtomlplusplus-dev zlib1g-dev libcurl4-openssl-dev tzdata python3 gzip util-linux)
# Hyperscan (the rules' pattern prefilter) exists for x86-64 only; elsewhere RE2 does its work.
if [ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ]; then PACKAGES+=(libhyperscan-dev); fi
# The tests also use the real thing: a ZooKeeper ensemble and a kazoo client (testdata/live; the
# slow-disk scenario needs mkfs.ext4), and systemd-analyze for the contrib/ units.
TEST_PACKAGES=(zookeeper libslf4j-java liblog4j1.2-java python3-kazoo e2fsprogs procps systemd)
# The package test builds the .deb (dpkg-shlibdeps computes its Depends), installs it, renders
# the man page and loads the bash completion; the completion test drives zsh and fish too.
TEST_PACKAGES+=(dpkg-dev man-db bash-completion zsh fish)
# `ship` and `analyze --engine` are tested against real ClickHouse servers (tests/clickhouse_*.sh).
TEST_PACKAGES+=(clickhouse-server clickhouse-client)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
      echo "bootstrap: missing packages: ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
      exit 2
    }
    sudo=(sudo)
  fi
  echo "bootstrap: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAULTLINE_WERROR=ON >/dev/null
  cmake --build build -j "$(nproc)"
}

case "${1:-}" in
  demo)
    install_missing
    build
    # Exit status 1 means "incidents found", which is what the bundled example holds.
    ./build/faultline analyze testdata/incidents/zkfc-connectionloss || [ $? -eq 1 ]
    ;;
  test)
    PACKAGES+=("${TEST_PACKAGES[@]}")
    install_missing
    build
    ctest --test-dir build --output-on-failure -j "$(nproc)" -LE live
    # Real ZooKeeper, real timing: a scenario that fails is run once more before the run fails.
    ctest --test-dir build --output-on-failure -L live --repeat until-pass:2
    ;;
  package)
    PACKAGES+=(dpkg-dev)
    install_missing
    build
    (cd build && cpack -G DEB >/dev/null)
    cp build/package/faultline_*.deb .
    echo "bootstrap: built $(ls faultline_*.deb); install it with: apt install ./$(ls faultline_*.deb)"
    ;;
  *)
    echo "usage: scripts/bootstrap.sh demo|test|package" >&2
    exit 2
    ;;
esac
