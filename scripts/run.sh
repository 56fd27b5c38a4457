#!/usr/bin/env bash
# Builds the release board and serves it with the sandbox API on 127.0.0.1:8080.
# Data lives in data/sandbox.sqlite and survives restarts; `scripts/run.sh --reset` re-seeds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
scripts/bootstrap.sh --build
trunk build --release
cargo build --profile server -p board-sandbox --bin sandbox
exec target/server/sandbox --dist dist --db data/sandbox.sqlite --addr "${BOARD_ADDR:-127.0.0.1:8080}" "$@"
