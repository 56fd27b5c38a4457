// Where a first list paint's time goes: for board and baseline, the medians over cold loads
// of when each file and each API request started and ended, when the board's wasm was
// running, and when the 25 rows were painted. A diagnostic beside run.mjs, not part of the
// table; it needs a built dist/ and sandbox binary, like run.mjs. Each account reads through
// its own backend (the member through the Public API, the community manager through REST).
//
//   node bench/timeline.mjs --dist dist --sandbox target/server/sandbox [--runs 9] [--accounts member,manager]

import path from 'node:path';
import { parseArgs } from 'node:util';

import { accountOf } from './lib/auth.mjs';
import { coldPage, launchBrowser } from './lib/browser.mjs';
import { paintProbe } from './lib/probe.mjs';
import { installShutdownHandlers } from './lib/processes.mjs';
import { BASELINE_PATH, scratchSite } from './lib/site.mjs';
import { startSandbox } from './lib/sandboxes.mjs';
import { UNPACED_METAS, buildOptions } from './lib/setup.mjs';
import { median } from './lib/stats.mjs';

const { values: opt } = parseArgs({
    options: { ...buildOptions(), runs: { type: 'string', default: '9' }, accounts: { type: 'string', default: 'member,manager' } },
});

/** In the page: when the board's wasm instance was handed over (trunk's event). */
function startedProbe() {
    addEventListener('TrunkApplicationStarted', () => {
        window.__benchStarted = performance.now();
    });
}

/** In the page: every resource as [label, start, end], API requests in the order sent; then the page's performance marks. */
function resourceEvents() {
    return performance.getEntriesByType('resource').map((e) => {
        const url = new URL(e.name);
        // REST's `communitythreads`, the Public API's `board/threads`, `token`, `public/coworkers/profiles`.
        const label = url.pathname.startsWith('/api/')
            ? url.pathname.replace('/api/community/', '').replace('/api/public/community/', '').replace('/api/', '')
            : url.pathname.split('/').pop() || 'index';
        return [label, e.startTime, e.responseEnd];
    }).concat(performance.getEntriesByType('mark').map((m) => [`mark ${m.name}`, m.startTime, m.startTime]));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function oneLoad(browser, baseUrl, pagePath, account) {
    const { page, close } = await coldPage(browser, baseUrl, [[paintProbe, 'thread-row', 25], [startedProbe]], account);
    try {
        await page.goto(baseUrl + pagePath, { waitUntil: 'domcontentloaded' });
        for (let i = 0; i < 300; i++) {
            const painted = await page.evaluate(() => window.__benchPainted?.t ?? null);
            if (painted) {
                const started = await page.evaluate(() => window.__benchStarted ?? null);
                const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.responseEnd ?? null);
                return { painted, started, nav, events: await page.evaluate(resourceEvents) };
            }
            await sleep(50);
        }
        throw new Error(`no paint of ${pagePath}`);
    } finally {
        await close();
    }
}

/** Medians per label (the n-th request of a label counts as its own row). */
function summarise(loads) {
    const rows = new Map();
    for (const load of loads) {
        const seen = new Map();
        const add = (label, start, end) => {
            const n = (seen.get(label) ?? 0) + 1;
            seen.set(label, n);
            const key = n > 1 ? `${label} #${n}` : label;
            if (!rows.has(key)) rows.set(key, { starts: [], ends: [] });
            rows.get(key).starts.push(start);
            rows.get(key).ends.push(end);
        };
        add('html (navigation)', 0, load.nav);
        for (const [label, start, end] of load.events) add(label, start, end);
        if (load.started != null) add('wasm running (TrunkApplicationStarted)', load.started, load.started);
        add('25 rows painted', load.painted, load.painted);
    }
    return [...rows.entries()]
        .map(([label, { starts, ends }]) => ({ label, start: median(starts), end: median(ends), n: starts.length }))
        .sort((a, b) => a.start - b.start);
}

async function main() {
    installShutdownHandlers();
    const { workdir, site } = scratchSite('timeline', opt.dist);
    const common = { bin: path.resolve(opt.sandbox), site, workdir };
    const standard = await startSandbox({ ...common, name: 'standard' });
    const unpaced = await startSandbox({
        ...common,
        name: 'unpaced',
        metas: UNPACED_METAS,
    });
    const browser = await launchBrowser({ chromium: opt.chromium, workdir });
    const runs = Math.max(1, Number(opt.runs));
    const accounts = opt.accounts.split(',').map((a) => accountOf(a.trim()));
    const cases = accounts.flatMap((account) => {
        const as = `${account.who}, ${account.apiName}`;
        return [
            [`board, paced (${as})`, standard, '/', account],
            [`board, pacing lifted (${as})`, unpaced, '/', account],
            [`baseline (${as})`, standard, `${BASELINE_PATH}?view=list&size=25&api=${account.api}`, account],
            [`baseline, paced as the board (${as})`, standard, `${BASELINE_PATH}?view=list&size=25&api=${account.api}&spacing=100`, account],
        ];
    });
    const loads = new Map(cases.map(([name]) => [name, []]));
    await oneLoad(browser, standard.url, '/', accounts[0]); // warm-up
    for (let run = 0; run < runs; run++) {
        for (const [name, sandbox, pagePath, account] of cases) loads.get(name).push(await oneLoad(browser, sandbox.url, pagePath, account));
    }
    for (const [name] of cases) {
        console.log(`\n## ${name} (median of ${runs} cold loads, ms from navigation start)\n`);
        console.log('| what | start | end |\n| --- | ---: | ---: |');
        for (const row of summarise(loads.get(name))) {
            console.log(`| ${row.label}${row.n < runs ? ` (${row.n} of ${runs} loads)` : ''} | ${row.start.toFixed(0)} | ${row.end.toFixed(0)} |`);
        }
    }
    await browser.close();
    await standard.stop();
    await unpaced.stop();
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
