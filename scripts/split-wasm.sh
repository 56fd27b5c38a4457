#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): splits the board's wasm so the first page loads only
# what the conversation list needs.
#
# The screens in src/pages/later.rs and the embedded board's mount (src/embedded.rs) are split
# points (the `split` cargo feature, which index.html turns on). wasm-split-cli cuts the
# module trunk's cargo build made into a main module and chunks; this script then does for the
# main module what trunk did for the whole one (wasm-bindgen, wasm-opt in release) and
# replaces trunk's output in the staging folder. The chunks are fetched by __wasm_split.js,
# next to the JS glue, the first time a screen opens (or a host mounts the board).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
PROFILE="${TRUNK_PROFILE:-release}"
NAME="community-board"
INPUT="${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/$PROFILE/$NAME.wasm"
[[ -f "$INPUT" ]] || { echo "split-wasm: no $INPUT" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

wasm-split-cli "$INPUT" "$WORK/split" --out-name "$NAME"
# --keep-lld-exports: the chunks reach the main module's function table through its export.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$WORK/bindgen" "$WORK/split/$NAME.wasm"

# Release: wasm-bindgen's hashed import and export names shortened in the module and its glue.
[[ "$PROFILE" == "release" ]] && node "$ROOT/scripts/short-wasm-names.mjs" "$WORK/bindgen/${NAME}_bg.wasm" "$WORK/bindgen/$NAME.js"
# The glue imports the loader when a screen first needs a chunk, not with itself.
node "$ROOT/scripts/lazy-split-loader.mjs" "$WORK/bindgen/$NAME.js"
cp "$WORK/bindgen/$NAME.js" "$WORK/bindgen/${NAME}_bg.wasm" "$WORK/split/__wasm_split.js" "$TRUNK_STAGING_DIR/"
if [[ -d "$WORK/bindgen/snippets" ]]; then cp -r "$WORK/bindgen/snippets" "$TRUNK_STAGING_DIR/"; fi
# embed.js preloads the embedded board's code (src/embedded.rs): its split and shared chunks.
if [[ -f "$TRUNK_STAGING_DIR/embed.js" ]]; then
    node "$ROOT/scripts/embed-preloads.mjs" "$WORK/split/__wasm_split.js" "$TRUNK_STAGING_DIR/embed.js"
fi
chunks=()
for chunk in "$WORK/split/"*.wasm; do
    [[ "$(basename "$chunk")" == "$NAME.wasm" ]] && continue
    cp "$chunk" "$TRUNK_STAGING_DIR/"
    chunks+=("$TRUNK_STAGING_DIR/$(basename "$chunk")")
done

# BOARD_WASM_NAMES=1 keeps function names (for profiling and twiggy; some KB bigger).
keep_names=()
[[ "${BOARD_WASM_NAMES:-}" == 1 ]] && keep_names=(--debuginfo)
if [[ "$PROFILE" == "release" ]]; then
    # The chunks carry no target-features section, so the features rustc used are named here.
    for wasm in "$TRUNK_STAGING_DIR/${NAME}_bg.wasm" "${chunks[@]}"; do
        # (wasm-opt warns about a name subsection it does not know; the names go anyway.)
        # -Oz, the control flow flattened and rebuilt (--flatten --rereloop), -Oz again; the
        # whole pipeline repeats until the module stops shrinking (--converge): 1.3 KB less
        # brotli on the main module than -Oz alone (bench/HISTORY.md, session 11).
        wasm-opt -Oz --flatten --rereloop -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue "${keep_names[@]}" "$wasm" -o "$wasm" \
            2> >(grep -v "unknown name subsection" >&2)
    done
fi
# wasm-bindgen's glue is written to be read; shipped, half its bytes are names and spaces.
if [[ "$PROFILE" == "release" ]]; then
    for js in "$TRUNK_STAGING_DIR/$NAME.js" "$TRUNK_STAGING_DIR/__wasm_split.js"; do
        esbuild "$js" --minify --format=esm --log-level=warning --outfile="$js" --allow-overwrite
    done
fi
echo "split-wasm: main module $(stat -c %s "$TRUNK_STAGING_DIR/${NAME}_bg.wasm") bytes, ${#chunks[@]} chunks"
# Compressed once, at the formats' highest levels, for the server to send as they are.
if [[ "$PROFILE" == "release" ]]; then
    node "$ROOT/scripts/precompress.mjs" "$TRUNK_STAGING_DIR"
fi
