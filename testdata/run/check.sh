#!/usr/bin/env bash
# check.sh: holds the programs of testdata/run to the corpus rules, with the
# oracle only (no peephole involved). For every program (every *.py whose
# name does not start with "_"; see README.md) it runs CPython 3.13 twice
# under PYTHONHASHSEED=0, from a scratch directory and with stdin at end of file,
# and reports a program whose two runs differ (stdout, stderr or exit
# status), that takes a second or more of CPU time, that prints nothing on
# stdout, that is named like a stdlib module, or that writes __pycache__.
# With -s it also runs each program under PYTHONHASHSEED=1 and names those
# whose output depends on the seed (allowed, but it must be deliberate).
#
#   testdata/run/check.sh [-s] [FILE|DIR ...]     (default: the whole corpus)
#
# Nothing here is compared with hand-written output: expected outputs are
# always CPython's, computed at test time by ../shared/tools/parity.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seed=0
if [ "${1:-}" = -s ]; then seed=1; shift; fi
PY=${PEEPHOLE_PYTHON:-}
if [ -z "$PY" ]; then
  PY=$(ls -d "$(pyenv root 2>/dev/null || echo ~/.pyenv)"/versions/3.13.*/bin/python3.13 2>/dev/null | sort | tail -1)
fi
[ -x "$PY" ] || { echo "check.sh: no CPython 3.13 (set PEEPHOLE_PYTHON)" >&2; exit 2; }
[ $# -eq 0 ] && set -- "$here"
files=()
for a in "$@"; do
  if [ -d "$a" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$a" -name '*.py' ! -name '_*' ! -path '*/__pycache__/*' | LC_ALL=C sort)
  else
    files+=("$a")
  fi
done
stdlib_names=" $("$PY" -c 'import sys; print(" ".join(sorted(sys.stdlib_module_names)))') "
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
run1() { # FILE SEED OUTPREFIX -> CPU milliseconds (user + system) on stdout
  local TIMEFORMAT='%3U %3S' t
  t=$( { time (cd "$tmp" && PYTHONHASHSEED=$2 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1 \
     timeout 20 "$PY" "$1" >"$3.out" 2>"$3.err" </dev/null; echo $? >"$3.rc") ; } 2>&1 )
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d\n", (a[1] + a[2]) * 1000 }'
}
for f in "${files[@]}"; do
  f=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
  rel=${f#"$here"/}
  ms1=$(run1 "$f" 0 "$tmp/a")
  ms2=$(run1 "$f" 0 "$tmp/b")
  msg=""
  if ! cmp -s "$tmp/a.out" "$tmp/b.out" || ! cmp -s "$tmp/a.err" "$tmp/b.err" || ! cmp -s "$tmp/a.rc" "$tmp/b.rc"; then
    msg="$msg nondeterministic;"
  fi
  ms=$(( ms1 < ms2 ? ms1 : ms2 ))
  [ "$ms" -ge 1000 ] && msg="$msg slow(${ms}ms);"
  [ -s "$tmp/a.out" ] || msg="$msg no-stdout;"
  case "$stdlib_names" in *" $(basename "$f" .py) "*) msg="$msg named-like-a-stdlib-module;";; esac
  [ "$(cat "$tmp/a.rc")" = 0 ] && [ -s "$tmp/a.err" ] && msg="$msg stderr-on-success(info);"
  if [ $seed = 1 ]; then
    run1 "$f" 1 "$tmp/c" >/dev/null
    cmp -s "$tmp/a.out" "$tmp/c.out" && cmp -s "$tmp/a.err" "$tmp/c.err" || msg="$msg seed-dependent(info);"
  fi
  printf '%-50s rc=%-3s %5sms cpu %6s lines%s\n' "$rel" "$(cat "$tmp/a.rc")" "$ms" "$(wc -l <"$tmp/a.out")" "${msg:+  !!$msg}"
  case "$msg" in *nondet*|*slow*|*no-stdout*|*stdlib-module*) bad=$((bad + 1));; esac
done
if find "$here" -name __pycache__ | grep -q .; then echo "check.sh: __pycache__ was written" >&2; bad=$((bad + 1)); fi
echo "check.sh: ${#files[@]} programs, $bad with problems"
[ $bad -eq 0 ]
