// A CPU profile of one cold list load (member, Public API, pacing lifted): self time by
// function between navigation and the 25 rows painted. Diagnostic only; use a build with
// function names (BOARD_WASM_NAMES=1 trunk build --release --dist DIR) to see wasm names.
//
//   node bench/profile-paint.mjs --dist DIR --sandbox target/server/sandbox [--runs 3] [--rows 25]
//
// With `--rows 1000` the list shows one page of 1,000 (the bench's 1,000-row paint).

import path from 'node:path';
import { parseArgs } from 'node:util';

import { accountOf } from './lib/auth.mjs';
import { coldPage, launchBrowser } from './lib/browser.mjs';
import { paintProbe } from './lib/probe.mjs';
import { installShutdownHandlers } from './lib/processes.mjs';
import { scratchSite } from './lib/site.mjs';
import { startSandbox } from './lib/sandboxes.mjs';
import { UNPACED_METAS, buildOptions } from './lib/setup.mjs';

const { values: opt } = parseArgs({ options: { ...buildOptions(), runs: { type: 'string', default: '3' }, rows: { type: 'string', default: '25' } } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
    installShutdownHandlers();
    const { workdir, site } = scratchSite('profile', opt.dist);
    const rows = Number(opt.rows);
    const metas = rows === 25 ? UNPACED_METAS : [...UNPACED_METAS, ['board-page-size', String(rows)]];
    const sandbox = await startSandbox({ bin: path.resolve(opt.sandbox), site, workdir, name: 'unpaced', metas });
    const browser = await launchBrowser({ chromium: opt.chromium, workdir });
    const account = accountOf('member');
    const self = new Map();
    let painted = [];
    for (let run = 0; run < Number(opt.runs); run++) {
        const { page, close } = await coldPage(browser, sandbox.url, [[paintProbe, 'thread-row', rows]], account);
        const cdp = await page.createCDPSession();
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        await page.goto(sandbox.url + '/', { waitUntil: 'domcontentloaded' });
        let t = null;
        for (let i = 0; i < 500 && !t; i++) {
            t = await page.evaluate(() => window.__benchPainted?.t ?? null);
            if (!t) await sleep(20);
        }
        const { profile } = await cdp.send('Profiler.stop');
        painted.push(t);
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const dt = profile.timeDeltas;
        for (let i = 0; i < profile.samples.length; i++) {
            const n = byId.get(profile.samples[i]);
            const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
            self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
        }
        await close();
    }
    console.log('painted at', painted.map((p) => p?.toFixed(0)).join(', '), 'ms');
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
    for (const [name, ms] of top) console.log((ms / Number(opt.runs)).toFixed(1).padStart(7), 'ms', name.slice(0, 150));
    await browser.close();
    await sandbox.stop();
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
