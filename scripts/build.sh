#!/usr/bin/env bash
# Configures (once) and builds the release tree in build/. Ninja rebuilds only what changed.
# Usage: scripts/build.sh [ninja targets...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f build/build.ninja ]]; then
    cmake --preset release >/dev/null
fi
cmake --build build --parallel "$(nproc)" ${1:+--target "$@"}
