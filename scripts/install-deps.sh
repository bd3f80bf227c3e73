#!/usr/bin/env bash
# Installs the Debian 12 packages storyline needs to build, test and evaluate.
# Idempotent: prints nothing and touches nothing when everything is installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libstemmer-dev libutf8proc-dev libsimdjson-dev nlohmann-json3-dev
  libcli11-dev libxxhash-dev libabsl-dev
  libxml2-dev libcld2-dev zlib1g-dev
  libcpp-httplib-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
  python3 python3-sklearn python3-nltk
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
