// Investigation helper (not part of make bench): cycles the board through app paths with
// client-side routing and prints DOM node counts after garbage collection, so a leak can be
// narrowed to a screen, and the wasm memory (MiB) every tenth round.
// node bench/leak-probe.mjs <rounds> <path> <ready-selector> [<path> <ready>]...
// As the demo member on the Public API; LEAK_ACCOUNT=manager for the community manager on REST.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountOf } from './lib/auth.mjs';
import { coldPage, launchBrowser } from './lib/browser.mjs';
import { wasmMemoryProbe } from './lib/probe.mjs';
import { startSandbox } from './lib/sandboxes.mjs';

const [rounds, ...rest] = process.argv.slice(2);
const steps = [];
for (let i = 0; i < rest.length; i += 2) steps.push([rest[i], rest[i + 1]]);
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-'));
const sandbox = await startSandbox({ name: 'leak', bin: 'target/debug/sandbox', site: process.env.LEAK_SITE ?? 'dist', workdir, metas: [['nexudus-request-spacing-ms', '0']] });
const browser = await launchBrowser({ chromium: '/usr/bin/chromium', workdir });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
    const { page } = await coldPage(browser, sandbox.url, [[wasmMemoryProbe]], accountOf(process.env.LEAK_ACCOUNT ?? 'member'));
    const cdp = await page.createCDPSession();
    const nodes = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await page.metrics()).Nodes;
    };
    await page.goto(`${sandbox.url}${steps[0][0]}`);
    await page.waitForSelector(steps[0][1]);
    const counts = [];
    const wasm = [];
    const mib = () => page.evaluate(() => (window.__benchWasmMemory?.buffer?.byteLength ?? 0) / 1048576);
    for (let r = 0; r < Number(rounds); r++) {
        for (const [to, ready] of steps) {
            await page.evaluate((to) => { history.pushState(null, '', to); dispatchEvent(new PopStateEvent('popstate')); }, to);
            // The handle waitForSelector returns keeps its element (and so the whole old page, once
            // detached) alive until disposed.
            await (await page.waitForSelector(ready)).dispose();
            await sleep(150);
        }
        counts.push(await nodes());
        if (r % 10 === 9) wasm.push((await mib()).toFixed(2));
    }
    console.log(`DOM nodes: ${counts.join(' ')}`);
    console.log(`wasm memory (MiB) every tenth round: ${wasm.join(' ')}`);
} finally {
    await browser.close();
    await sandbox.stop();
    fs.rmSync(workdir, { recursive: true, force: true });
}
