#!/usr/bin/env bash
# The main job on the bundled example: install, build, then check the agent-authz policy
# and its tests, and read its data and inputs.
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
# Evaluation (the decision per input) comes with the planner; until then the rules of
# the policy, as `opa parse` would list them.
echo "== rules of $example/policy.rego"
"$bin" parse --format json "$example/policy.rego" | grep -o '"name": "[a-z_]*"' | sort | uniq -c
