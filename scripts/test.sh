#!/usr/bin/env bash
# The test command: install what is needed, build, run every test (unit tests, the
# conformance parse sweep, CLI tests), then build the libFuzzer targets with sanitizers
# and run each for a bounded time. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default -j2
scripts/fuzz.sh "${ARCANE_FUZZ_SECONDS:-30}"
