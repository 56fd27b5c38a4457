#!/usr/bin/env bash
# Installs what building and testing the board needs, and nothing twice.
#
# Everything comes from a package registry (crates.io, npm, Debian): this machine cannot
# reach GitHub or vendor sites, which is where trunk's own automatic downloads would go.
# Run it directly, or source scripts/env.sh afterwards to get the tools on PATH.
#
#   scripts/bootstrap.sh           build tools + browser
#   scripts/bootstrap.sh --build   build tools only (no chromium), enough for `make run`
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
AXE_VERSION="4.10.3"
WASM_SPLIT_VERSION="0.2.4"
ESBUILD_VERSION="0.24.2"
WANT_BROWSER=1
[[ "${1:-}" == "--build" ]] && WANT_BROWSER=0

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*" >&2; }
fail() {
    printf '\033[1;31mbootstrap: %s\033[0m\n' "$*" >&2
    exit 1
}

# The CLI must be exactly the wasm-bindgen version the lockfile resolved: trunk and the test
# runner both refuse a mismatch.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
    if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown || fail "could not add the wasm32 target (rustup target add wasm32-unknown-unknown)"
}

# rustfmt and clippy: the test command checks the code's form with them. rustup's default
# profile has both; a minimal one may not.
ensure_lint_tools() {
    if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then return; fi
    say "adding rustfmt and clippy"
    rustup component add rustfmt clippy || fail "could not add rustfmt and clippy (rustup component add rustfmt clippy)"
}

ensure_trunk() {
    if [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]; then return; fi
    say "installing trunk $TRUNK_VERSION from crates.io (about 6 minutes on 2 cores)"
    # 0.22 needs a newer rustc than this machine has; --locked keeps its dependency set known-good.
    cargo install trunk --version "$TRUNK_VERSION" --locked ||
        fail "could not install trunk $TRUNK_VERSION (cargo install trunk --version $TRUNK_VERSION --locked)"
}

ensure_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_version)"
    [[ -n "$want" ]] || fail "no wasm-bindgen entry in Cargo.lock"
    if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $want" &&
        "$(wasm-bindgen-test-runner --version 2>/dev/null)" == *"$want"* ]]; then return; fi
    say "installing wasm-bindgen-cli $want from crates.io (about 2 minutes)"
    # Not --locked: the CLI's own lockfile pins a webpki-roots release the registry no longer has.
    cargo install wasm-bindgen-cli --version "$want" --force ||
        fail "could not install wasm-bindgen-cli $want"
}

# Splits the release wasm into the first-load module and per-screen chunks (Trunk.toml's
# post_build hook, scripts/split-wasm.sh).
ensure_wasm_split() {
    local bin="$BOARD_TOOLS/wasm-split/bin/wasm-split-cli"
    if [[ -x "$bin" && "$(cat "$BOARD_TOOLS/wasm-split/version" 2>/dev/null)" == "$WASM_SPLIT_VERSION" ]]; then return; fi
    say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION) from crates.io (about 1 minute)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary \
        --root "$BOARD_TOOLS/wasm-split" --force ||
        fail "could not install wasm_split_cli_support $WASM_SPLIT_VERSION"
    echo "$WASM_SPLIT_VERSION" >"$BOARD_TOOLS/wasm-split/version"
}

# An npm package at an exact version in .tools/<folder>, installed only when missing or other.
ensure_npm_package() {
    local package="$1" version="$2" folder="$3"
    local installed="$BOARD_TOOLS/$folder/node_modules/$package/package.json"
    if [[ -f "$installed" ]] && grep -q "\"version\": \"$version\"" "$installed"; then return; fi
    command -v npm >/dev/null || fail "npm is needed to install $package@$version"
    say "installing $package@$version from npm into $BOARD_TOOLS"
    mkdir -p "$BOARD_TOOLS/$folder"
    npm install --silent --no-audit --no-fund --prefix "$BOARD_TOOLS/$folder" "$package@$version" ||
        fail "could not install $package@$version from npm"
}

ensure_chromium() {
    if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || fail "chromium and chromium-driver are missing; install them as root: apt-get install chromium chromium-driver"
        sudo=(sudo)
    fi
    say "installing Debian chromium and chromium-driver (about 40 seconds)"
    "${sudo[@]}" apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null ||
        fail "could not install chromium and chromium-driver with apt-get"
}

# Trunk runs offline (Trunk.toml) and then passes --offline to cargo: fetch crates first.
fetch_crates() {
    cargo fetch --locked --manifest-path "$ROOT/Cargo.toml" >/dev/null 2>&1 ||
        cargo fetch --manifest-path "$ROOT/Cargo.toml" || fail "cargo fetch failed"
}

ensure_wasm_target
ensure_lint_tools
# wasm-opt. Never Debian's binaryen (108): its output dies at load with `WebAssembly.Table.set()`.
ensure_npm_package binaryen "$BINARYEN_VERSION" binaryen
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_split
# Minifies the JS glue of release builds (scripts/split-wasm.sh).
ensure_npm_package esbuild "$ESBUILD_VERSION" esbuild
if [[ $WANT_BROWSER == 1 ]]; then
    ensure_chromium
    # Injected into pages by the e2e accessibility checks (e2e/tests/accessibility.rs).
    ensure_npm_package axe-core "$AXE_VERSION" axe
fi
fetch_crates
say "tools ready"
