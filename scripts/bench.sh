#!/usr/bin/env bash
# The benchmark (BENCHMARKS.md says what it measures): builds the release board and the
# sandbox as scripts/run.sh does, installs the harness's npm packages when its lockfile
# changed, and runs bench/run.mjs, which prints one markdown table.
#
#   scripts/bench.sh                  print the table
#   scripts/bench.sh --write          ...and rewrite BENCHMARKS.md with it
#   scripts/bench.sh --runs 15 ...    any other option goes to bench/run.mjs
#
#   BENCH_SKIP_BUILD=1   no trunk/cargo: use dist/ and the sandbox binary already built
#                        (target/server/sandbox, else target/debug/sandbox; BENCH_SANDBOX=path)
#   BENCH_RUNS, BENCH_LIGHTHOUSE_RUNS, BENCH_ROUND_TRIPS, BENCH_LIGHTHOUSE_PRESET, BENCH_CHROMIUM
#
# Everything it starts (sandboxes, Chromium) is stopped when it ends, also on Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh

say() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }
fail() {
    printf '\033[1;31mbench: %s\033[0m\n' "$*" >&2
    exit 1
}

# The command as run, with the settings that change what it measures, for BENCHMARKS.md.
command_line() {
    local prefix="" v
    for v in BENCH_SKIP_BUILD BENCH_SANDBOX BENCH_RUNS BENCH_LIGHTHOUSE_RUNS BENCH_ROUND_TRIPS BENCH_LIGHTHOUSE_PRESET; do
        [[ -n "${!v:-}" ]] && prefix+="$v=${!v} "
    done
    printf '%s%s' "$prefix" "${BENCH_COMMAND:-scripts/bench.sh${*:+ $*}}"
}
COMMAND="$(command_line "$@")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/community-board-bench.XXXXXX")"
NODE_PID=""
# Chromium's scratch folders land in $WORK too, so the cleanup removes them.
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"

# Ends only what this run started: node, then any id node recorded in $WORK/pids whose
# command line still points into $WORK (a sandbox copied there, Chromium's profile there).
cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if [[ -n $NODE_PID ]] && kill -0 "$NODE_PID" 2>/dev/null; then
        kill -TERM "$NODE_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$NODE_PID" 2>/dev/null || true
    fi
    if [[ -s "$WORK/pids" ]]; then
        while read -r pid kind _; do
            [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$WORK" || continue
            if [[ $kind == group ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
        done <"$WORK/pids"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

has_board_meta() { [[ -x "$1" ]] && "$1" --help 2>/dev/null | grep -q -- '--board-meta'; }

if [[ "${BENCH_SKIP_BUILD:-}" == 1 ]]; then
    SANDBOX="${BENCH_SANDBOX:-}"
    if [[ -z $SANDBOX ]]; then
        # The server profile is what `make run` serves; a debug build only when that one is
        # missing or too old to know --board-meta (which the benchmark needs).
        for candidate in target/server/sandbox target/debug/sandbox; do
            if has_board_meta "$candidate"; then SANDBOX=$candidate; break; fi
        done
    fi
    [[ -n $SANDBOX && -x $SANDBOX ]] || fail "BENCH_SKIP_BUILD=1 but no sandbox binary with --board-meta in target/server or target/debug"
    [[ -f dist/index.html ]] || fail "BENCH_SKIP_BUILD=1 but dist/ has no built board"
    command -v "${BENCH_CHROMIUM:-/usr/bin/chromium}" >/dev/null || fail "no Chromium at ${BENCH_CHROMIUM:-/usr/bin/chromium}: run scripts/bootstrap.sh"
    BUILD="dist/ and $SANDBOX as found in the work tree (BENCH_SKIP_BUILD=1)"
else
    scripts/bootstrap.sh
    say "building the release board and the sandbox"
    trunk build --release
    cargo build --profile server -p board-sandbox --bin sandbox
    SANDBOX=target/server/sandbox
    BUILD="release board (trunk build --release) and sandbox (cargo build --profile server), built by this run"
fi

# Snapshots, at once: others' rebuilds in this tree must not change them mid-run.
cp -r dist "$WORK/dist"
cp "$SANDBOX" "$WORK/sandbox"

# The harness's packages: only when the lockfile (or node) changed since the last install.
command -v npm >/dev/null || fail "node and npm are needed for the benchmark harness"
STAMP="bench/node_modules/.bench-installed"
WANT="$(sha256sum bench/package-lock.json | cut -d' ' -f1) $(node --version)"
if [[ ! -f $STAMP || "$(cat "$STAMP")" != "$WANT" ]]; then
    say "installing the harness's npm packages (bench/package-lock.json)"
    # stdout is the table's: npm's report goes to stderr.
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix bench --no-audit --no-fund --loglevel=error >&2
    printf '%s\n' "$WANT" >"$STAMP"
fi

node bench/run.mjs --dist "$WORK/dist" --sandbox "$WORK/sandbox" --workdir "$WORK" \
    --command "$COMMAND" --build "$BUILD" "$@" &
NODE_PID=$!
wait "$NODE_PID"
