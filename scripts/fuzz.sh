#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a bounded time.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"

cmake --preset fuzz >/dev/null
targets="fuzz_parser fuzz_json_reader fuzz_yaml_reader fuzz_plan_loader fuzz_builtins"
# Only the fuzz targets and what they link: the rest is built and tested by the default preset.
cmake --build --preset fuzz --target $targets
mkdir -p build-fuzz/corpus
for target in $targets; do
  corpus="build-fuzz/corpus/$target"
  mkdir -p "$corpus"
  seeds="fuzz/seeds/${target#fuzz_}"
  echo "fuzz: $target for ${seconds}s"
  # -rss_limit_mb keeps a runaway input from taking the machine; -timeout flags hangs.
  "build-fuzz/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "$corpus" "$seeds" 2>&1 | tail -n 12
done
echo "fuzz: all targets ran clean"
