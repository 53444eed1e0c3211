#!/usr/bin/env bash
# Installs what is missing, builds, and starts the wall on its built-in demo feeds.
# Extra arguments go to tlr-wall, e.g. ./run.sh --lang en --profile resources/walls/laptop.json
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh tlr-wall tlr-feedsim
exec build/bin/tlr-wall --demo "$@"
