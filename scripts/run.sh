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
# TENANT=https://yourspace.spaces.nexudus.com make run: the board talks to that tenant, through
# the sandbox (which forwards /api there), so the tenant's CORS settings do not matter.
forward=()
if [[ -n "${TENANT:-}" ]]; then
  forward=(--forward-api "$TENANT")
  echo "The board now uses the tenant $TENANT (the sandbox forwards /api there):"
  echo "sign in with an account on that tenant; the demo sign-ins do not apply."
fi
exec target/server/sandbox --dist dist --db data/sandbox.sqlite --addr "${BOARD_ADDR:-127.0.0.1:8080}" "${forward[@]}" "$@"
