#!/usr/bin/env bash
# Checks the code's form, then runs every layer of tests, and fails if a check fails, or a
# layer fails or runs no test:
#   form     rustfmt, and clippy with warnings as errors, native and wasm32
#   native   the board's models against the documented payloads      (cargo test)
#   sandbox  the Nexudus stand-in over real HTTP and real SQLite files (cargo test)
#   browser  components + API client in headless Chromium vs a sandbox (wasm-bindgen-test)
#   e2e      journeys through the release build served by the sandbox (WebDriver)
# Ends with one line `total: N passed, M failed`.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
scripts/bootstrap.sh || exit 1

LOGS="$ROOT/target/test-logs"
WORK="$(mktemp -d)"
mkdir -p "$LOGS" "$WORK/tmp"
# Chromium and chromedriver leave their scratch folders (~115 MB a browser) behind when they
# are killed rather than asked to quit; with every temp file of this run inside $WORK, the
# cleanup below removes them all.
export TMPDIR="$WORK/tmp"
SANDBOX_PID=""
cleanup() {
    if [[ -n "$SANDBOX_PID" ]]; then kill "$SANDBOX_PID" 2>/dev/null; wait "$SANDBOX_PID" 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

total_passed=0
total_failed=0
failed_layers=()

# Sums the `test result:` lines cargo and wasm-bindgen-test-runner print.
count() { grep -E '^test result:' "$1" | grep -oE "[0-9]+ $2" | awk '{s += $1} END {print s + 0}'; }

layer() {
    local name="$1"
    shift
    local log="$LOGS/$name.log"
    printf '\n\033[1m== %s\033[0m\n' "$name"
    "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    local passed failed
    passed=$(count "$log" passed)
    failed=$(count "$log" failed)
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    if [[ $status -ne 0 ]]; then
        failed_layers+=("$name (exit $status)")
    elif [[ $passed -eq 0 ]]; then
        failed_layers+=("$name (ran no test)")
    fi
    printf '\033[1m== %s: %d passed, %d failed\033[0m\n' "$name" "$passed" "$failed"
}

step() {
    printf '\n\033[1m== %s\033[0m\n' "$1"
    shift
    "$@" || { echo "test: step failed: $*" >&2; exit 1; }
}

# A full disk fails the build with little to say why: say it first.
free_gb=$(df -Pk "$ROOT" | awk 'NR == 2 { print int($4 / 1048576) }')
if [[ ${free_gb:-0} -lt 8 ]]; then
    echo "test: warning: only ${free_gb} GB free where $ROOT is; a cold run writes about 8 GB" >&2
fi

# Form first: a formatting slip or a lint fails in seconds, not after the builds.
step "format (cargo fmt --check)" cargo fmt --all --check
step "lints, native (clippy, warnings are errors)" cargo clippy --workspace --all-targets -- -D warnings
step "lints, wasm32 (clippy, warnings are errors)" cargo clippy -p community-board --target wasm32-unknown-unknown --all-targets -- -D warnings

# The one release build: what e2e serves, and what `make run` serves.
step "release build (trunk)" trunk build --release

layer native cargo test --no-fail-fast -p community-board
layer sandbox cargo test --no-fail-fast -p board-sandbox

# Browser tests call a sandbox on another loopback port, started here on a fresh file.
step "sandbox for browser tests" cargo build -p board-sandbox --bin sandbox
target/debug/sandbox --addr 127.0.0.1:0 --db "$WORK/browser.sqlite" --addr-file "$WORK/addr" --faults >"$LOGS/browser-sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 100); do [[ -s "$WORK/addr" ]] && break; sleep 0.1; done
if [[ ! -s "$WORK/addr" ]]; then
    echo "test: the sandbox for browser tests did not start; see $LOGS/browser-sandbox.log" >&2
    exit 1
fi
BOARD_SANDBOX_URL="$(cat "$WORK/addr")" layer browser cargo test --no-fail-fast -p community-board --target wasm32-unknown-unknown
kill "$SANDBOX_PID" 2>/dev/null; wait "$SANDBOX_PID" 2>/dev/null; SANDBOX_PID=""

BOARD_DIST="$ROOT/dist" layer e2e cargo test --no-fail-fast -p board-e2e

echo
if [[ ${#failed_layers[@]} -gt 0 ]]; then
    printf 'test: FAILED layers: %s\n' "${failed_layers[*]}"
fi
echo "screenshots: $ROOT/target/e2e-artifacts"
echo "total: $total_passed passed, $total_failed failed"
[[ ${#failed_layers[@]} -eq 0 ]]
