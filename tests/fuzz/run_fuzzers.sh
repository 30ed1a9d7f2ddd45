#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (preset "fuzz": clang, ASan + UBSan) and runs each for SECONDS
# (default 300) on a copy of its seed corpus, one after the other. Findings (crash-*, leak-*,
# timeout-*, oom-*) land in BUILD/findings/<target>/; new interesting inputs in BUILD/corpus/<target>/
# (the seeds in tests/fuzz/corpus/ are never written to). Exits non-zero when a target found something.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET ...]        BUILD defaults to build/fuzz
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$src/build/fuzz}
seconds=${1:-300}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_search_filter fuzz_rest_json fuzz_filestore_yaml fuzz_version_txt fuzz_policies fuzz_mlmodel fuzz_history_page"}

if [ -z "${BUILD:-}" ]; then
    (cd "$src" && cmake --preset fuzz >/dev/null)
fi
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $targets

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in $targets; do
    corpus=$build/corpus/$t
    findings=$build/findings/$t
    mkdir -p "$corpus" "$findings"
    cp -n "$src/tests/fuzz/corpus/$t/"* "$corpus/" 2>/dev/null || true
    echo "== $t: $seconds s"
    # With -jobs the fuzzing runs in a child whose output goes to ./fuzz-0.log: run in $findings.
    if ! (cd "$findings" && "$build/tests/fuzz/$t" -max_total_time="$seconds" -jobs=1 -timeout=10 \
            -rss_limit_mb=2048 -max_len=16384 -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" \
            >"$findings/runner.log" 2>&1); then
        status=1
        echo "   FOUND something: $findings (see fuzz-0.log)"
    fi
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$findings/fuzz-0.log" ||
        tail -n 3 "$findings/fuzz-0.log"
done
exit $status
