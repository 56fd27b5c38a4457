// The leak check: one signed-in tab goes list → thread → list by clicking the board's own
// links (client-side routing, no reloads) `rounds` times. Memory is read after a forced
// garbage collection once after the first round trip (caches of people and groups are full
// by then, which is not a leak) and again after the last. The request counts of that first
// round trip are the in-app figures of "requests per screen".

import { ACCOUNTS } from './auth.mjs';
import { coldPage } from './browser.mjs';
import { wasmMemoryProbe } from './probe.mjs';
import { apiEntries, countRequests, settle } from './requests.mjs';

async function memory(page, cdp) {
    // Twice: objects freed by the first collection's finalizers go in the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const metrics = await page.metrics();
    const wasm = await page.evaluate(() => window.__benchWasmMemory?.buffer?.byteLength ?? null);
    return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm, nodes: metrics.Nodes, listeners: metrics.JSEventListeners };
}

async function step(page, click, ready, idleMs) {
    await page.evaluate(() => performance.clearResourceTimings());
    await page.click(click);
    // Dispose of the handle at once: a handle keeps its element alive, and a detached element
    // keeps its whole old page alive, which would read as the board leaking every screen.
    await (await page.waitForSelector(ready, { timeout: 30_000 })).dispose();
    await settle(page, idleMs);
    return countRequests(await page.evaluate(apiEntries));
}

/**
 * `sampleEvery` (0: never) also reads memory after every that many round trips, into
 * `samples`: whether memory keeps growing or levels off shows only over many of them.
 */
export async function leakCheck(browser, baseUrl, rounds, onProgress = () => {}, account = ACCOUNTS.member, sampleEvery = 0) {
    const { page, close } = await coldPage(browser, baseUrl, [[wasmMemoryProbe]], account);
    try {
        // performance.clearResourceTimings() empties it, but 250 entries is tight for a busy screen.
        await page.evaluateOnNewDocument(() => performance.setResourceTimingBufferSize(5000));
        const cdp = await page.createCDPSession();
        await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
        await (await page.waitForSelector('.thread-list .thread-row', { timeout: 30_000 })).dispose();
        await settle(page);
        // The same thread every time (the first row), so every round trip does the same work.
        const toThread = () => step(page, '.thread-list .thread-row .thread-subject a', '#thread-heading.thread-title', 300);
        const toList = () => step(page, '.breadcrumb a', '.thread-list .thread-row', 300);

        const inApp = { thread: await toThread(), list: await toList() };
        const first = await memory(page, cdp);
        const samples = [{ round: 1, ...first }];
        for (let i = 2; i <= rounds; i++) {
            await toThread();
            await toList();
            if (i % 10 === 0) onProgress(i);
            if (sampleEvery > 0 && i % sampleEvery === 0 && i < rounds) samples.push({ round: i, ...(await memory(page, cdp)) });
        }
        const last = await memory(page, cdp);
        samples.push({ round: rounds, ...last });
        return { rounds, first, last, inApp, samples };
    } finally {
        await close();
    }
}
