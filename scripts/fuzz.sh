#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzzer.cc) with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer in build-fuzz/, then runs each one for
# SECONDS (default 20) from its seed corpus in fuzz/corpus/<target>/.
# Fails when a target crashes, leaks, times out on one input or runs out of
# memory; the input that did it is left in build-fuzz/fuzz/ (crash-*, ...).
#
#   bash scripts/fuzz.sh            # the short run the test suite does
#   bash scripts/fuzz.sh 600        # ten minutes a target
#   bash scripts/fuzz.sh 60 html_fuzzer
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
only="${2:-}"
cxx="$(command -v clang++-14 || command -v clang++ || true)"
cc="$(command -v clang-14 || command -v clang || true)"
if [ -z "$cxx" ]; then
  echo "fuzz: clang is not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
cmake -S . -B build-fuzz -G Ninja -DSTORYLINE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build build-fuzz

status=0
for bin in build-fuzz/fuzz/*_fuzzer; do
  name="$(basename "$bin")"
  [ -n "$only" ] && [ "$name" != "$only" ] && continue
  work="$(mktemp -d)"
  [ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$work/"
  echo "fuzz: $name for ${seconds}s"
  if ! (cd build-fuzz/fuzz && "./$name" "$work" -max_total_time="$seconds" -timeout=10 \
          -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 2>"$name.log"); then
    echo "fuzz: $name FAILED; see build-fuzz/fuzz/$name.log" >&2
    tail -40 "build-fuzz/fuzz/$name.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/fuzz/$name.log" |
      sed "s/^/fuzz: $name /"
  fi
  rm -rf "$work"
done
exit $status
