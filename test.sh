#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors, and runs every test
# headless through ctest. The exit status is the suite's.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure --parallel "$(nproc)" "$@"
