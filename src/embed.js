// The board's entry point for host pages (trunk copies this file into dist/ as embed.js).
//
//   import { mount } from "https://board.example/embed.js";
//   const board = await mount(document.querySelector("#community"), {
//     apiBase: "https://yourspace.spaces.nexudus.com",
//     getToken: async (reason) => portal.bearerToken(reason), // "initial" | "expired"
//     locale: "es", theme: "auto", routing: "hash",
//   });
//   board.unmount();
//
// The wasm module, its JS glue and the stylesheet are found next to this file, so the folder
// can be served from anywhere. The module is loaded once, however often mount() is called.
import init, { mount as mountBoard } from "./community-board.js";
// The split loader: the glue imports it when a screen first needs its code, and an embedded
// board's mount needs it at once (src/embedded.rs), so it is fetched beside the glue.
import "./__wasm_split.js";

let loading;

export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError("community board: mount(element, options) needs an element of the page");
  }
  if (!loading) preloadEmbeddedCode();
  // A failed load (offline for a moment) is tried again by the next mount().
  loading ??= init({ module_or_path: new URL("./community-board_bg.wasm", import.meta.url) }).catch((error) => {
    loading = undefined;
    throw error;
  });
  await loading;
  const stylesheet = options.stylesheet ?? new URL("./board.css", import.meta.url).href;
  return mountBoard(element, { ...options, stylesheet });
}

// The embedded board's own code (src/embedded.rs) is a wasm chunk that the module's mount()
// fetches once the module runs, with the chunks it shares with other screens. Preloaded, they
// download beside the module instead of after it (the loader's fetch of the same address
// takes the preloaded answer). The build writes the list (scripts/embed-preloads.mjs).
const EMBEDDED_CODE = ["./split_board_embed.wasm"];

function preloadEmbeddedCode() {
  for (const file of EMBEDDED_CODE) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = new URL(file, import.meta.url).href;
    document.head?.append(link);
  }
}
