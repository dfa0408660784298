#!/usr/bin/env bash
# The main job on the bundled example: install, build, then check the agent-authz policy,
# run its tests, and print the decision (lane and the rule that decided it) for each
# example input.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default --target arcane
bin=build/bin/arcane
example=examples/agent-authz

echo "== arcane check $example"
"$bin" check "$example"
echo "ok: $(ls "$example"/*.rego | wc -l) modules parse and check"

echo "== arcane test $example"
"$bin" test "$example/policy.rego" "$example/policy_test.rego" "$example/data.json"

echo "== arcane eval data.agentauthz.decision, per input"
for input in "$example"/inputs/*.json; do
  decision=$("$bin" eval --format raw -d "$example/policy.rego" -d "$example/data.json" -i "$input" \
    'd := data.agentauthz.decision; d.lane; d.rule; concat("; ", d.reasons)')
  # raw prints the expressions' values joined by spaces: `true LANE RULE REASONS`.
  read -r _ lane rule reasons <<<"$decision"
  printf '%-28s lane=%-7s rule=%-8s %s\n' "$(basename "$input" .json)" "$lane" "$rule" "$reasons"
done
