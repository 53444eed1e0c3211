#!/usr/bin/env bash
# Builds the whole tree with AddressSanitizer and UndefinedBehaviorSanitizer (preset "asan",
# build-asan/) and runs the whole test suite under them: every ctest test, the soak and kill -9
# smoke runs and the end-to-end room test included. Any finding fails the test it happens in:
# UBSan does not recover, ASan aborts, LeakSanitizer reports leaks at exit. Ends with ctest's
# summary (tests run, passed, failed, and which).
# Usage: scripts/sanitize.sh [ctest arguments...]   e.g. scripts/sanitize.sh -R parsing
# About 550 build steps: a first run takes a long while on a small machine (ccache helps the
# next: . /work/ccache.env or any CMAKE_CXX_COMPILER_LAUNCHER=ccache in the environment).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
sanitizers=$source_dir/tests/sanitizers

# Set before the build too: it runs tools we built (the icon renderer) under the sanitizers.
# Suppressions are for other people's libraries only, one reason each (tests/sanitizers/).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1:detect_stack_use_after_return=1:suppressions=$sanitizers/asan.supp"
export LSAN_OPTIONS="suppressions=$sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$sanitizers/ubsan.supp"
export QT_QPA_PLATFORM=offscreen

# Every time: it applies the preset's cache values (the time limits' factor) to an older
# build-asan.
cmake --preset asan >/dev/null
start=$(date +%s)
# Niced like every build on the shared machine; ninja waits while the load is over the limit.
nice cmake --build build-asan --parallel "$(nproc)" -- -l"${TLR_BUILD_LOAD_LIMIT:-$(( $(nproc) * 2 ))}"
built=$(date +%s)
echo "sanitize: build took $(( built - start )) s" >&2

cd build-asan
log=Testing/sanitize-ctest.log
mkdir -p Testing
# Each test's time limit is the release one times the preset's TLR_TEST_TIMEOUT_FACTOR, set as
# a test property (ctest's --timeout would not override it).
set +e
ctest --output-on-failure --parallel "$(nproc)" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo
echo "sanitize: summary (ASan + UBSan, build-asan/$log)"
# ctest's own summary: "N% tests passed, F tests failed out of T", the time, the failed tests.
sed -n '/tests passed, /,$p' "$log"
echo "sanitize: ctest took $(( $(date +%s) - built )) s, exit $status" >&2
exit "$status"
