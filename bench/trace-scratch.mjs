import path from 'node:path';
import { parseArgs } from 'node:util';
import { accountOf } from './lib/auth.mjs';
import { coldPage, launchBrowser } from './lib/browser.mjs';
import { paintProbe } from './lib/probe.mjs';
import { installShutdownHandlers } from './lib/processes.mjs';
import { scratchSite } from './lib/site.mjs';
import { startSandbox } from './lib/sandboxes.mjs';
import { UNPACED_METAS, buildOptions } from './lib/setup.mjs';
const { values: opt } = parseArgs({ options: { ...buildOptions(), runs: { type: 'string', default: '2' }, paced: { type: 'boolean', default: false }, who: { type: 'string', default: 'member' }, min: { type: 'string', default: '2' }, path: { type: 'string', default: '/' } } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
installShutdownHandlers();
const { workdir, site } = scratchSite('trace', opt.dist);
const sandbox = await startSandbox({ bin: path.resolve(opt.sandbox), site, workdir, name: 'x', metas: opt.paced ? [] : UNPACED_METAS });
const browser = await launchBrowser({ chromium: opt.chromium, workdir });
const account = accountOf(opt.who);
for (let run = 0; run < Number(opt.runs); run++) {
    const { page, close } = await coldPage(browser, sandbox.url, [[paintProbe, 'thread-row', 25]], account);
    await page.tracing.start({ categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] });
    await page.goto(sandbox.url + opt.path, { waitUntil: 'domcontentloaded' });
    let t = null;
    for (let i = 0; i < 500 && !t; i++) { t = await page.evaluate(() => window.__benchPainted?.t ?? null); if (!t) await sleep(20); }
    const buf = await page.tracing.stop();
    const events = JSON.parse(Buffer.from(buf).toString("utf8")).traceEvents;
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
    const mainThread = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === nav.pid)?.tid;
    console.log(`run ${run}: painted ${t?.toFixed(0)}`);
    const rows = events.filter((e) => e.ts >= nav.ts && e.pid === nav.pid && (e.tid === mainThread) && e.ph === 'X' && e.dur >= Number(opt.min) * 1000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    rows.sort((a, b) => a.ts - b.ts);
    for (const e of rows) {
        const d = e.args?.data ?? {};
        const what = d.url ? d.url.split('/').pop() : d.functionName ?? d.type ?? '';
        console.log(`${((e.ts - nav.ts) / 1000).toFixed(0).padStart(5)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${String(what).slice(0, 60)}`);
    }
    for (const e of events.filter((e) => e.ts >= nav.ts && e.pid === nav.pid && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph==='b') && /^b:|renewal|Trunk/.test(e.name))) console.log(`${((e.ts - nav.ts) / 1000).toFixed(0).padStart(5)} mark ${e.name}`);
    for (const e of events.filter((e) => e.ts >= nav.ts && /^Resource(SendRequest|ReceiveResponse|Finish)$/.test(e.name))) {
        const url = e.args?.data?.url ?? e.args?.data?.requestId ?? '';
        console.log(`${((e.ts - nav.ts) / 1000).toFixed(0).padStart(5)} net ${e.name} ${String(url).split('/').slice(-2).join('/').slice(0, 50)}`);
    }
    const markTs = (n) => events.find((e) => e.name === n && e.pid === nav.pid)?.ts;
    const from = markTs('b:page-set'), to = nav.ts + t * 1000;
    if (from) {
        const inWin = events.filter((e) => e.pid === nav.pid && e.tid === mainThread && e.ph === 'X' && e.ts >= from && e.ts <= to);
        const sum = new Map();
        for (const e of inWin) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
        console.log(`window page-set..paint: ${((to - from) / 1000).toFixed(0)} ms`);
        for (const [n, ms] of [...sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`   ${ms.toFixed(1).padStart(7)} ${n}`);
    }
    // CPU samples from the trace (ProfileChunk events), self time by function in the window.
    {
        const nodes = new Map(); const samples = []; let tsCursor = null;
        for (const e of events.filter((e) => (e.name === 'Profile' || e.name === 'ProfileChunk') && e.pid === nav.pid)) {
            if (e.name === 'Profile') { tsCursor = e.args.data.startTime; continue; }
            const cp = e.args.data.cpuProfile ?? {};
            for (const n of cp.nodes ?? []) nodes.set(n.id, n);
            const deltas = e.args.data.timeDeltas ?? [];
            (cp.samples ?? []).forEach((id, i) => { tsCursor += deltas[i] ?? 0; samples.push([tsCursor, id]); });
        }
        const from2 = markTs('b:page-set') ?? nav.ts, to2 = nav.ts + t * 1000;
        const self = new Map(); let total = 0;
        for (let i = 0; i < samples.length - 1; i++) {
            const [ts, id] = samples[i]; if (ts < from2 || ts > to2) continue;
            const dt = (samples[i + 1][0] - ts) / 1000; total += dt;
            const n = nodes.get(id); const f = n?.callFrame ?? {};
            const name = `${f.functionName || '(anon)'} ${String(f.url ?? '').split('/').pop()}`;
            self.set(name, (self.get(name) ?? 0) + dt);
        }
        console.log(`cpu samples in window: ${total.toFixed(1)} ms`);
        for (const [n, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`   ${ms.toFixed(1).padStart(6)} ${n.slice(0, 140)}`);
    }
    await close();
}
await browser.close();
await sandbox.stop();
// (appended) nothing
