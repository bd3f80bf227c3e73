#!/usr/bin/env bash
# Installs the Debian 12 packages storyline needs to build, test and evaluate, and the browser
# test's npm packages (tests/browser).
# Idempotent: prints nothing and touches nothing when everything is installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libstemmer-dev libutf8proc-dev libsimdjson-dev nlohmann-json3-dev
  libcli11-dev libxxhash-dev libabsl-dev
  libxml2-dev libcld2-dev zlib1g-dev
  libcpp-httplib-dev libmicrohttpd-dev libsqlite3-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev clang-format-14
  python3 python3-sklearn python3-nltk
  chromium
)
# node and npm for the browser test (tests/browser), from Debian when the machine has none.
# Checked as commands: NodeSource's nodejs package bundles npm and conflicts with Debian's npm.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser test's npm packages (playwright-core; it never downloads a browser), installed
# from the committed lock file. Nothing happens when node_modules already matches the lock
# file; a failure (offline) is reported but not fatal: the browser test then skips.
browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
lock_sum=$(sha256sum "$browser_dir/package-lock.json" | cut -d' ' -f1)
stamp="$browser_dir/node_modules/.storyline-lock-sha256"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ] && command -v npm >/dev/null 2>&1; then
  echo "install-deps: npm ci in tests/browser" >&2
  if (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit \
        --no-fund --loglevel=error >/dev/null); then
    echo "$lock_sum" >"$stamp"
  else
    echo "install-deps: npm ci failed; the browser test will be skipped" >&2
  fi
fi
