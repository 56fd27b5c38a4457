// The benchmark: the board beside a vanilla-JS baseline in headless Chromium, against
// sandboxes seeded with the large data set. Prints one markdown table on stdout (progress
// goes to stderr); `--write` also rewrites BENCHMARKS.md. scripts/bench.sh builds what it
// needs and runs this; run it directly only with a built dist/ and sandbox binary.
//
//   node bench/run.mjs --dist dist --sandbox target/server/sandbox [--runs 9] [--write] ...

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { ACCOUNTS, PORTAL_BASE, apiGet, signIn } from './lib/auth.mjs';
import { consoleProblems, launchBrowser } from './lib/browser.mjs';
import { leakCheck } from './lib/heap.mjs';
import { lighthouseRun } from './lib/lighthouse.mjs';
import { describeMachine } from './lib/machine.mjs';
import { timedLoad } from './lib/paint.mjs';
import { installShutdownHandlers, isStopping, recordPidsIn } from './lib/processes.mjs';
import { writeReport } from './lib/report.mjs';
import { markupParity } from './lib/parity.mjs';
import { coldScreenRequests } from './lib/requests.mjs';
import { BASELINE_PATH, assembleSite } from './lib/site.mjs';
import { startSandbox } from './lib/sandboxes.mjs';
import { BENCH_DIR, ROOT, UNPACED_METAS, buildOptions } from './lib/setup.mjs';
import { benchTable } from './lib/table.mjs';
import { firstPageTransfer } from './lib/transfer.mjs';

// The board's request spacing by default (src/model/pacing.rs, MIN_SPACING_MS).
const PACED_SPACING_MS = 100;


const { values: opt } = parseArgs({
    options: {
        ...buildOptions(),
        runs: { type: 'string', default: process.env.BENCH_RUNS || '9' },
        'lighthouse-runs': { type: 'string', default: process.env.BENCH_LIGHTHOUSE_RUNS || '3' },
        'lighthouse-preset': { type: 'string', default: process.env.BENCH_LIGHTHOUSE_PRESET || 'mobile' },
        'round-trips': { type: 'string', default: process.env.BENCH_ROUND_TRIPS || '50' },
        workdir: { type: 'string' },
        write: { type: 'boolean', default: false },
        report: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') },
        json: { type: 'string' },
        command: { type: 'string', default: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim() },
        build: { type: 'string', default: 'as found in the work tree' },
    },
});
const runs = Math.max(1, Number(opt.runs));
const lighthouseRuns = Math.max(0, Number(opt['lighthouse-runs']));
const roundTrips = Math.max(2, Number(opt['round-trips']));
const say = (text) => console.error(`bench: ${text}`);

installShutdownHandlers();
const ownWorkdir = !opt.workdir;
const workdir = opt.workdir ? path.resolve(opt.workdir) : fs.mkdtempSync(path.join(os.tmpdir(), 'community-board-bench-'));
fs.mkdirSync(workdir, { recursive: true });
recordPidsIn(path.join(workdir, 'pids'));
if (ownWorkdir) process.on('exit', () => fs.rmSync(workdir, { recursive: true, force: true }));

const { member, manager } = ACCOUNTS;

/**
 * The thread with 500 replies: the large seed's newest thread id, found by the community
 * manager through REST (members' REST calls are 401s, and the Public API lists by activity,
 * not by id), and checked by its reply count where the member reads it, on the Public API.
 */
async function busyThread(baseUrl) {
    const staff = await signIn(baseUrl, manager);
    const newest = await apiGet(baseUrl, staff.accessToken, '/api/community/communitythreads?size=1&orderBy=Id&dir=-1');
    const id = newest.Records[0]?.Id;
    const reader = await signIn(baseUrl, member);
    const replies = await apiGet(baseUrl, reader.accessToken, `${PORTAL_BASE}/threads/${id}/messages?page=1&size=1`);
    if (replies.TotalItems !== 500) throw new Error(`thread ${id} has ${replies.TotalItems} replies for the member, not 500: is the sandbox seeded with --large?`);
    return id;
}

/** "(member, Public API)": whose board a row measures, and on which API. */
const as = (account) => `(${account.who}, ${account.apiName})`;

async function main() {
    // Snapshots first: others may rebuild dist/ and the sandbox while this runs.
    const site = path.join(workdir, 'site');
    const { files } = assembleSite({ dist: path.resolve(opt.dist), baselineDir: path.join(BENCH_DIR, 'baseline'), into: site });
    const sandboxBin = path.join(workdir, 'sandbox');
    if (path.resolve(opt.sandbox) !== sandboxBin) fs.copyFileSync(opt.sandbox, sandboxBin);
    fs.chmodSync(sandboxBin, 0o755);
    say(`board files: ${files.join(', ')}`);

    say('starting sandboxes (seeding 10,000 threads each)');
    const common = { bin: sandboxBin, site, workdir };
    const standard = await startSandbox({ ...common, name: 'standard' });
    const unpaced = await startSandbox({
        ...common,
        name: 'unpaced',
        metas: UNPACED_METAS,
    });
    const pages = await startSandbox({ ...common, name: 'pages', metas: [['board-page-size', '1000'], ['board-replies-page-size', '500']] });
    const sandboxes = [standard, unpaced, pages];
    const busy = await busyThread(standard.url);
    for (const s of [unpaced, pages]) {
        if ((await busyThread(s.url)) !== busy) throw new Error('the sandboxes disagree on the busy thread');
    }
    say(`sandboxes up: ${sandboxes.map((s) => `${s.name} ${s.url}`).join(', ')}; thread with 500 replies: ${busy}`);

    const browser = await launchBrowser({ chromium: opt.chromium, workdir });
    const chromiumVersion = await browser.version();
    const machine = describeMachine(chromiumVersion);
    say(`${chromiumVersion}; load average ${machine.loadAverage}`);
    // The baseline makes the requests the board makes for the account's backend.
    const base = (account, view, extra = '') => `${BASELINE_PATH}?view=${view}${extra}&api=${account.api}`;

    say('first-page transfer');
    const transfer = {
        board: await firstPageTransfer(browser, standard.url, '/', '.thread-row', member),
        baseline: await firstPageTransfer(browser, standard.url, base(member, 'list', '&size=25'), '.thread-row', member),
    };

    say('markup parity of board and baseline');
    const parity = await markupParity(browser, standard.url, [
        { what: 'page root', board: '/', baseline: base(member, 'list', '&size=25'), selector: 'body', maxDepth: 0, account: member },
        { what: `list row ${as(member)}`, board: '/', baseline: base(member, 'list', '&size=25'), selector: '.thread-row', account: member },
        { what: `reply ${as(member)}`, board: `/threads/${busy}`, baseline: base(member, 'thread', `&id=${busy}&size=50`), selector: '.reply', account: member },
        { what: `list row ${as(manager)}`, board: '/', baseline: base(manager, 'list', '&size=25'), selector: '.thread-row', account: manager },
        { what: `reply ${as(manager)}`, board: `/threads/${busy}`, baseline: base(manager, 'thread', `&id=${busy}&size=50`), selector: '.reply', account: manager },
    ]);

    say('requests per screen');
    const safely = (p) => p.catch((e) => ({ error: e.message.split('\n')[0] }));
    const requests = { cold: [] };
    for (const account of [member, manager]) {
        const count = (pathname, ready) => safely(coldScreenRequests(browser, standard.url, pathname, ready, account));
        requests.cold.push({
            account: account.name,
            as: as(account),
            board: {
                list: await count('/', '.thread-row'),
                thread: await count(`/threads/${busy}`, '.reply'),
                composer: await count('/new', 'form.thread-form select option[value]:not([value=""])'),
            },
            baseline: {
                list: await count(base(account, 'list', '&size=25'), '.thread-row'),
                thread: await count(base(account, 'thread', `&id=${busy}&size=50`), '.reply'),
            },
        });
    }

    // Members read through the Public API (the default member experience); the community
    // manager's REST row is also the members' figure from before the Public API (the same
    // requests: threads, the authors' batch, groups).
    const scenarios = [
        { label: `First list paint, 25 threads ${as(member)}`, sandbox: standard, account: member, board: '/', baseline: base(member, 'list', '&size=25'), className: 'thread-row', count: 25, goalRatio: 1.3 },
        { label: `First list paint, 25 threads ${as(manager)}`, sandbox: standard, account: manager, board: '/', baseline: base(manager, 'list', '&size=25'), className: 'thread-row', count: 25, goalRatio: 1.3 },
        // Issue 15's second baseline: the plain page with its requests paced as the board's.
        { label: `First list paint, 25 threads, baseline paced as the board ${as(member)}`, sandbox: standard, account: member, board: '/', baseline: base(member, 'list', `&size=25&spacing=${PACED_SPACING_MS}`), className: 'thread-row', count: 25, goalRatio: 1.1 },
        { label: `First list paint, 25 threads, baseline paced as the board ${as(manager)}`, sandbox: standard, account: manager, board: '/', baseline: base(manager, 'list', `&size=25&spacing=${PACED_SPACING_MS}`), className: 'thread-row', count: 25, goalRatio: 1.1 },
        { label: `First list paint, 25 threads, board pacing lifted ${as(member)}`, sandbox: unpaced, account: member, board: '/', baseline: base(member, 'list', '&size=25'), className: 'thread-row', count: 25 },
        { label: `1,000 threads painted (one page of 1,000) ${as(member)}`, sandbox: pages, account: member, board: '/', baseline: base(member, 'list', '&size=1000'), className: 'thread-row', count: 1000, goalRatio: 1.3 },
        { label: `Thread with 500 replies painted ${as(member)}`, sandbox: pages, account: member, board: `/threads/${busy}`, baseline: base(member, 'thread', `&id=${busy}&size=500`), className: 'reply', count: 500 },
    ];
    const timings = scenarios.map((s) => ({ ...s, sandbox: s.sandbox.name, account: s.account.name, board: { values: [], errors: [] }, baseline: { values: [], errors: [] }, ratios: [], skipBoard: false }));

    // Run 0 is a warm-up (sandbox, OS caches, Chromium's first start of a renderer): not kept.
    for (let run = 0; run <= runs; run++) {
        say(run === 0 ? 'timed loads: warm-up' : `timed loads: run ${run} of ${runs}`);
        for (const [i, s] of scenarios.entries()) {
            const t = timings[i];
            const load = (pathname) => timedLoad(browser, { baseUrl: s.sandbox.url, path: pathname, className: s.className, count: s.count, account: s.account });
            const order = run % 2 ? ['board', 'baseline'] : ['baseline', 'board'];
            const got = {};
            for (const side of order) {
                // A board that cannot show the rows at all (a setting it does not read yet) is tried once, not N times.
                if (side === 'board' && t.skipBoard) continue;
                got[side] = await load(side === 'board' ? s.board : s.baseline);
            }
            if (run === 0) {
                if (got.board?.error) {
                    t.board.errors.push(got.board.error);
                    t.skipBoard = true;
                    say(`  ${s.label}: board ${got.board.error}; not timed further`);
                }
                continue;
            }
            for (const side of order) {
                if (!got[side]) continue;
                if (got[side].error) t[side].errors.push(got[side].error);
                else t[side].values.push(got[side].ms);
            }
            if (got.board?.ms && got.baseline?.ms) t.ratios.push(got.board.ms / got.baseline.ms);
        }
    }

    say(`leak check: ${roundTrips} list ↔ thread round trips`);
    const heap = await leakCheck(browser, unpaced.url, roundTrips, (i) => say(`  round trip ${i}`), member).catch((e) => ({ error: e.message.split('\n')[0] }));
    requests.inApp = heap.inApp ? { ...heap.inApp, as: as(member) } : null;

    const lighthouse = { preset: opt['lighthouse-preset'], as: as(member), board: [], baseline: [] };
    for (let i = 1; i <= lighthouseRuns; i++) {
        say(`lighthouse: run ${i} of ${lighthouseRuns}`);
        for (const [side, pathname] of [['board', '/'], ['baseline', base(member, 'list', '&size=25')]]) {
            lighthouse[side].push(await lighthouseRun(browser, standard.url, pathname, lighthouse.preset, member).catch((e) => ({ error: e.message.split('\n')[0] })));
        }
    }

    await browser.close();
    await Promise.all(sandboxes.map((s) => s.stop()));

    const results = { date: new Date().toISOString(), machine, busyThread: busy, config: { runs, lighthouseRuns, roundTrips }, console: Object.fromEntries(consoleProblems), parity, transfer, timings, requests, heap, lighthouse };
    const table = benchTable(results);
    const notes = reportNotes(results);
    console.log(table);
    if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
    if (opt.json) fs.writeFileSync(opt.json, `${JSON.stringify(results, null, 2)}\n`);
    if (opt.write) {
        writeReport(opt.report, {
            table,
            machine,
            command: opt.command,
            date: results.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
            config: { runs, lighthouseRuns, roundTrips, build: opt.build },
            notes,
        });
        say(`wrote ${opt.report}`);
    }
}

/** What a reader of the table needs to know that does not fit in a cell. */
function reportNotes(results) {
    const notes = [];
    const load = Number(results.machine.loadAverage.split(' / ')[0]);
    if (load > results.machine.cores / 2) {
        notes.push(`The machine was busy (load average ${load} on ${results.machine.cores} cores when the run started): timings are slower and noisier than on a quiet machine.`);
    }
    for (const p of results.parity) {
        if (p.error) notes.push(`Markup parity: the ${p.what} was not compared: ${p.error}.`);
        else notes.push(p.same ? `Markup parity: the baseline's ${p.what} has the board's shape.` : `Markup parity: the baseline's ${p.what} differs from the board's, first at ${p.firstDifference}; bench/baseline/baseline.js needs updating.`);
    }
    for (const t of results.timings) {
        if (t.board.errors.length) notes.push(`${t.label}: the board ${t.board.errors[0]} (${t.sandbox} sandbox).`);
        if (t.baseline.errors.length) notes.push(`${t.label}: the baseline ${t.baseline.errors[0]} (${t.sandbox} sandbox).`);
    }
    const logged = Object.entries(results.console);
    for (const [text, times] of logged.slice(0, 5)) notes.push(`Logged by a page (${times}×): ${text.split('\n')[0].slice(0, 200)}`);
    if (logged.length > 5) notes.push(`… and ${logged.length - 5} more console warnings or errors (see --json).`);
    const failing = results.lighthouse.board.find((r) => r.failing)?.failing;
    if (failing?.accessibility.length) notes.push(`Lighthouse accessibility audits the board fails: ${failing.accessibility.join(', ')}.`);
    if (failing?.bestPractices.length) notes.push(`Lighthouse best-practices audits the board fails: ${failing.bestPractices.join(', ')}.`);
    const baseFailing = results.lighthouse.baseline.find((r) => r.failing)?.failing;
    const baseAll = [...(baseFailing?.accessibility ?? []), ...(baseFailing?.bestPractices ?? [])];
    if (baseAll.length) notes.push(`Lighthouse audits the baseline fails: ${baseAll.join(', ')}.`);
    return notes;
}

main().then(
    () => process.exit(0),
    (e) => {
        // After Ctrl-C the browser closing under a load is expected; the handler exits.
        if (isStopping()) return;
        console.error(e);
        process.exit(1);
    },
);
