#!/usr/bin/env bash
# Installs every Debian package that Arcane's build and tests need. Idempotent, and fast
# when everything is already present (it asks dpkg before it asks apt).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  antlr4 libantlr4-runtime-dev uuid-dev     # grammar/: the ANTLR tool and C++ runtime
  rapidjson-dev libyaml-cpp-dev libgmp-dev  # runtime/: JSON, YAML, exact big numbers
  libcli11-dev                              # cli/
  libre2-dev                                # stdlib/: regex built-ins (Go regexp = RE2 syntax)
  libyaml-dev                               # stdlib/: yaml.marshal (libyaml's emitter, the original of go-yaml's)
  libhowardhinnant-date-dev tzdata libssl-dev  # stdlib/: time zones (time.*), crypto and JWT (OpenSSL)
  libcurl4-openssl-dev                      # stdlib/: http.send (libcurl, OpenSSL flavour)
  json-schema-test-suite                    # stdlib/ tests: the official JSON Schema suite (drafts 4, 6, 7), used when present
  libgtest-dev libgmock-dev libbenchmark-dev  # tests and bench/
  clang-19 libclang-rt-19-dev               # the libFuzzer targets (fuzz preset; clang 14 rejects ANTLR 4.9 headers)
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
