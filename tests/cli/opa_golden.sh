#!/usr/bin/env bash
# Runs the recorded real `opa` CLI runs that we already match (a ratchet: the list only
# grows) through shared/opa-cli-golden/check.sh.
#   opa_golden.sh ARCANE GOLDEN_DIR PASSING_LIST
set -u
arcane=$1 golden=$2 list=$3
cases=()
while read -r c; do
  c=${c%%#*}; c=${c// /}
  [ -n "$c" ] && cases+=("$golden/$c")
done <"$list"
bash "$golden/check.sh" --drop-v1-flag --diff "$arcane" "${cases[@]}"
