#!/usr/bin/env bash
# Golden CLI tests: each folder under cases/ holds `cmd` (run inside the folder, with
# `arcane` first on PATH), and the expected `stdout`, `stderr` and `exit_code`.
#   run_cases.sh ARCANE [--update] [CASE...]
# --update rewrites the expected files from the current binary (review the diff!).
set -u
here=$(cd "$(dirname "$0")" && pwd)
engine=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"; ln -s "$engine" "$work/bin/arcane"
if [ $# -eq 0 ]; then set -- "$here"/cases/*/; fi
pass=0; fail=0
for d in "$@"; do
  d=${d%/}; c=$(basename "$d")
  ( cd "$d" && PATH="$work/bin:$PATH" bash -c "$(cat cmd)" >"$work/out" 2>"$work/err"; echo $? >"$work/rc" )
  if [ $update = 1 ]; then
    cp "$work/out" "$d/stdout"; cp "$work/err" "$d/stderr"; cp "$work/rc" "$d/exit_code"
    echo "UPDATED $c"; continue
  fi
  bad=""
  cmp -s "$work/rc" "$d/exit_code" || bad="$bad exit_code($(cat "$work/rc") want $(cat "$d/exit_code"))"
  cmp -s "$work/out" "$d/stdout" || { bad="$bad stdout"; diff -u "$d/stdout" "$work/out" | head -20; }
  cmp -s "$work/err" "$d/stderr" || { bad="$bad stderr"; diff -u "$d/stderr" "$work/err" | head -20; }
  if [ -z "$bad" ]; then pass=$((pass+1)); echo "PASS $c"; else fail=$((fail+1)); echo "FAIL $c:$bad"; fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
