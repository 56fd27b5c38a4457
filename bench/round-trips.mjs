// Memory over many list ↔ thread round trips: whether the board's memory keeps growing (a
// leak) or levels off (caches filling, allocator slack). Prints one row per sample.
// scripts/bench.sh builds what this needs; run it after a bench, or with a built dist/ and
// target/server/sandbox:
//
//   node bench/round-trips.mjs [--rounds 500] [--every 50] [--account member|manager]

import path from 'node:path';
import { parseArgs } from 'node:util';

import { ACCOUNTS } from './lib/auth.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { leakCheck } from './lib/heap.mjs';
import { installShutdownHandlers } from './lib/processes.mjs';
import { startSandbox } from './lib/sandboxes.mjs';
import { buildOptions } from './lib/setup.mjs';
import { scratchSite } from './lib/site.mjs';

const { values: opt } = parseArgs({
    options: {
        ...buildOptions(),
        rounds: { type: 'string', default: '500' },
        every: { type: 'string', default: '50' },
        account: { type: 'string', default: 'member' },
    },
});
const account = ACCOUNTS[opt.account];
if (!account) throw new Error(`--account must be one of ${Object.keys(ACCOUNTS).join(', ')}`);

installShutdownHandlers();
const { workdir, site } = scratchSite('round-trips', opt.dist);
const sandbox = await startSandbox({ name: 'round-trips', bin: path.resolve(opt.sandbox), site, workdir });
const browser = await launchBrowser({ chromium: opt.chromium, workdir });
try {
    const rounds = Math.max(2, Number(opt.rounds));
    const result = await leakCheck(browser, sandbox.url, rounds, (i) => i % 50 === 0 && console.error(`round-trips: ${i} of ${rounds}`), account, Math.max(0, Number(opt.every)));
    const mib = (bytes) => (bytes / 1048576).toFixed(2);
    console.log(`| round trip | wasm memory (MiB) | JS heap used (MiB) | DOM nodes | listeners |`);
    console.log(`| --- | --- | --- | --- | --- |`);
    for (const s of result.samples) {
        console.log(`| ${s.round} | ${s.wasmMemory === null ? '—' : mib(s.wasmMemory)} | ${mib(s.jsHeapUsed)} | ${s.nodes} | ${s.listeners} |`);
    }
} finally {
    await browser.close();
    await sandbox.stop();
}
