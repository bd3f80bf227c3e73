#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (CTest),
# then a short run of every fuzz target (scripts/fuzz.sh).
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
bash scripts/fuzz.sh "${STORYLINE_FUZZ_SECONDS:-20}"
