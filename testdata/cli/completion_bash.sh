# Shell completion generated from the command line: bash registers it for `faultline`, and
# completes subcommands, flags, enumerated values, rule ids and paths; the hidden `completion`
# command is not offered; the scripts the build installs are what the binary prints today.
source "$(dirname "$0")/lib.bash"
for shell in bash zsh fish; do
  run completion $shell
  expect_status 0
  cp "$OUT" "$SCRATCH/completion.$shell"
done
# The build's copies (installed by the package) match the binary's command line.
built="$(dirname "$FAULTLINE")/completions"
if [ -d "$built" ]; then
  cmp -s "$built/faultline" "$SCRATCH/completion.bash" || fail "$built/faultline is stale"
  cmp -s "$built/_faultline" "$SCRATCH/completion.zsh" || fail "$built/_faultline is stale"
  cmp -s "$built/faultline.fish" "$SCRATCH/completion.fish" || fail "$built/faultline.fish is stale"
fi
mkdir "$SCRATCH/bin" && ln -s "$(realpath "$FAULTLINE")" "$SCRATCH/bin/faultline"
if command -v zsh >/dev/null; then
  zsh -n "$SCRATCH/completion.zsh" || fail "zsh script does not parse"
  # zsh's completion system in a pty (zpty): type, press Tab, read what the line became.
  mkdir "$SCRATCH/zfunc" && cp "$SCRATCH/completion.zsh" "$SCRATCH/zfunc/_faultline"
  zsh_completes() {
    SCRATCH=$SCRATCH timeout 30 zsh -f -c '
      zmodload zsh/zpty
      zpty z zsh -f -i
      zpty -w z "PS1=\"> \"; fpath=($SCRATCH/zfunc \$fpath); autoload -U compinit; compinit -u -D; PATH=$SCRATCH/bin:\$PATH"
      zpty -w -n z "$1"$'"'"'\t'"'"'
      out=""
      for i in {1..100}; do
        while zpty -r -t z chunk; do out+=$chunk; done
        [[ $out == *"$2"* ]] && break
        sleep 0.1
      done
      zpty -d z
      [[ $out == *"$2"* ]]' zsh_completes "$1" "$2"
  }
  zsh_completes 'faultline rules show zk-txn-' 'faultline rules show zk-txn-timeout-zkfc-exit' ||
    fail "zsh does not complete rule ids"
  zsh_completes 'faultline analyze --fail-on cr' 'faultline analyze --fail-on critical' ||
    fail "zsh does not complete --fail-on values"
fi
if command -v fish >/dev/null; then
  # Where fish is installed, its own completion engine is asked, with faultline on PATH.
  fish_offers() {
    PATH="$SCRATCH/bin:$PATH" fish --no-config -c "source $SCRATCH/completion.fish; complete -C '$1'" |
      cut -f1 | sort | tr '\n' ' ' | sed 's/ $//'
  }
  [ "$(fish_offers 'faultline an')" = analyze ] || fail "fish: $(fish_offers 'faultline an')"
  [ "$(fish_offers 'faultline rules show zk-txn-')" = zk-txn-timeout-zkfc-exit ] ||
    fail "fish rule ids: $(fish_offers 'faultline rules show zk-txn-')"
  [ "$(fish_offers 'faultline timeline --level e')" = error ] ||
    fail "fish levels: $(fish_offers 'faultline timeline --level e')"
fi
grep -q "^complete -c faultline -n \"__faultline_is 'analyze'\" -l fail-on -xa 'info warning critical'" \
  "$SCRATCH/completion.fish" || fail "fish script lacks analyze --fail-on values"
grep -q "'analyze:--fail-on') compadd -- info warning critical" "$SCRATCH/completion.zsh" ||
  fail "zsh script lacks analyze --fail-on values"

mkdir "$SCRATCH/logs" && touch "$SCRATCH/logs/zk-leader.log" "$SCRATCH/logs/zkfc.log"
# complete WORDS...: what the bash script offers for the last word (one per line, sorted).
cat >"$SCRATCH/driver.bash" <<'DRIVER'
source "$1"
complete -p faultline
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
_faultline
printf '%s\n' "${COMPREPLY[@]}" | sort
DRIVER
complete() {
  bash --norc --noprofile "$SCRATCH/driver.bash" "$SCRATCH/completion.bash" "$FAULTLINE" "$@" \
    2>"$SCRATCH/driver.err" >"$SCRATCH/offered" || fail "driver failed: $(cat "$SCRATCH/driver.err")"
  [ ! -s "$SCRATCH/driver.err" ] || fail "bash complains: $(cat "$SCRATCH/driver.err")"
  head -1 "$SCRATCH/offered" | grep -qx 'complete -F _faultline faultline' ||
    fail "complete -p does not show the faultline function: $(head -1 "$SCRATCH/offered")"
  tail -n +2 "$SCRATCH/offered" | grep -v '^$' | tr '\n' ' ' | sed 's/ $//'
}
expect_offer() {
  local want=$1
  shift
  local got
  got=$(complete "$@")
  [ "$got" = "$want" ] || fail "completing '$*': offered '$got', expected '$want'"
}
expect_offer "analyze" an
expect_offer "rules" ru
expect_offer "" comp  # hidden
expect_offer "check keys list show sql test" rules ""
expect_offer "--fail-on --format --from" analyze --f
# analyze's report formats as its --help lists them (the IsMember set), whatever they are.
formats=$("$FAULTLINE" analyze --help | sed -n 's/.*--format TEXT:{\([^}]*\)}.*/\1/p' | tr ',' '\n' |
  sort | tr '\n' ' ' | sed 's/ $//')
for f in json markdown text; do
  case " $formats " in *" $f "*) ;; *) fail "analyze --help formats lack $f: '$formats'" ;; esac
done
expect_offer "$formats" analyze --format ""
expect_offer "always auto never" timeline --color ""
expect_offer "warn" timeline --level w
expect_offer "critical" scan --fail-on c
expect_offer "zk-txn-timeout-zkfc-exit zk-txnlog-partial-exit" rules show zk-txn
expect_offer "zk-txn-timeout-zkfc-exit" rules test --only zk-txn-
expect_offer "$SCRATCH/logs/zk-leader.log" analyze --explain "$SCRATCH/logs/zk-"
expect_offer "$SCRATCH/logs" analyze --rules "$SCRATCH/lo"
# Every subcommand takes --color and the reading ones --no-progress.
for cmd in analyze timeline events sources scan layouts rules "rules list"; do
  # shellcheck disable=SC2086
  got=$(complete $cmd --)
  case " $got " in *" --color "*) ;; *) fail "$cmd offers no --color: $got" ;; esac
done
for cmd in analyze timeline events sources scan; do
  got=$(complete $cmd --no-p)
  [ "$got" = "--no-progress" ] || fail "$cmd offers no --no-progress: $got"
done
pass
