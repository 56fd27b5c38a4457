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
// The glue's own import, named here too so both are fetched at once rather than one after
// the other.
import "./__wasm_split.js";

let loading;

export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) {
    throw new TypeError("community board: mount(element, options) needs an element of the page");
  }
  // A failed load (offline for a moment) is tried again by the next mount().
  loading ??= init({ module_or_path: new URL("./community-board_bg.wasm", import.meta.url) }).catch((error) => {
    loading = undefined;
    throw error;
  });
  await loading;
  const stylesheet = options.stylesheet ?? new URL("./board.css", import.meta.url).href;
  return mountBoard(element, { ...options, stylesheet });
}
