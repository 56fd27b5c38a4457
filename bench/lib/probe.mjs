// What the harness puts into every page (board and baseline alike) before the page's own
// scripts run. Being the same code in both is what makes the timings comparable.

/**
 * Records when `count` elements of class `className` are on screen: as soon as a DOM change
 * brings their number to `count`, two animation frames are awaited (the first runs before the
 * frame that shows them is painted, the second after it), and performance.now() is kept in
 * `window.__benchPainted`. performance.now() counts from navigation start.
 */
export function paintProbe(className, count) {
    const rows = document.getElementsByClassName(className); // live, so counting is cheap
    const seen = () => {
        if (rows.length < count) return false;
        observer.disconnect();
        requestAnimationFrame(() =>
            requestAnimationFrame(() => {
                window.__benchPainted = { t: performance.now(), rows: rows.length };
            }),
        );
        return true;
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true });
}

/**
 * Keeps a handle on the board's wasm memory: trunk's loader announces the instance with a
 * `TrunkApplicationStarted` event. The baseline has none.
 */
export function wasmMemoryProbe() {
    addEventListener('TrunkApplicationStarted', (event) => {
        window.__benchWasmMemory = event.detail?.wasm?.memory ?? null;
    });
}
