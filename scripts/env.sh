# Sourced, not run: puts the project's tools on PATH. Every script and make target uses it,
# so what the bootstrap installed is what the build and the tests find.
BOARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BOARD_ROOT
export BOARD_TOOLS="$BOARD_ROOT/.tools"
export PATH="$BOARD_TOOLS/binaryen/node_modules/.bin:$BOARD_TOOLS/esbuild/node_modules/.bin:$BOARD_TOOLS/wasm-split/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never try a download: with this set it fails with a clear message instead.
export TRUNK_OFFLINE=true
