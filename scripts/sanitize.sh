#!/usr/bin/env bash
# Builds the whole tree with AddressSanitizer and UndefinedBehaviorSanitizer (preset "asan",
# build-asan/) and runs every test under them. Any finding fails the test it happens in:
# UBSan does not recover, ASan aborts, LeakSanitizer reports leaks at exit.
# Usage: scripts/sanitize.sh [ctest arguments...]   e.g. scripts/sanitize.sh -R parsing
# About 400 compile steps: a first run takes a long while on a small machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD

# Set before the build too: it runs tools we built (the icon renderer) under the sanitizers.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$source_dir/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen

# Every time: it applies the preset's cache values (the tests' time limit) to an older build-asan.
cmake --preset asan >/dev/null
start=$(date +%s)
# Niced, so other builds on the machine go first; TLR_BUILD_LOAD_LIMIT makes ninja wait for it.
nice -n 19 cmake --build build-asan --parallel "$(nproc)" -- -l"${TLR_BUILD_LOAD_LIMIT:-$(( $(nproc) * 2 ))}"
built=$(date +%s)
echo "sanitize: build took $(( built - start )) s" >&2

cd build-asan
status=0
# Each test's time limit is the preset's TLR_TEST_TIMEOUT (600 s, five times the release one),
# set as a test property: ctest's --timeout would not override it.
ctest --output-on-failure --parallel "$(nproc)" "$@" || status=$?
echo "sanitize: ctest took $(( $(date +%s) - built )) s, exit $status" >&2
exit "$status"
