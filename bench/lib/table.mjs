// The one table: every measure, the board beside the baseline, their ratio, and the goal
// from the issue where it sets one.

import { formatMs, formatRatio, kb, mib, summary } from './stats.mjs';

const GOAL_BROTLI_BYTES = 150_000;

const row = (...cells) => `| ${cells.join(' | ')} |`;
const verdict = (ok) => (ok ? 'met' : '**not met**');

function transferCell(t, field) {
    if (!t) return 'n/a';
    const parts = ['html', 'js', 'wasm', 'css'].filter((k) => t.byKind[k]).map((k) => `${k} ${kb(t.byKind[k][field])}`);
    return `${kb(t.total[field])} (${parts.join(', ')})`;
}

function transferRows(transfer) {
    return ['raw', 'gzip', 'brotli'].map((field) => {
        const { board, baseline } = transfer;
        const ratio = board && baseline ? `${(board.total[field] / baseline.total[field]).toFixed(1)}×` : 'n/a';
        const goal = field === 'brotli' && board ? `≤ ${kb(GOAL_BROTLI_BYTES)}: ${verdict(board.total.brotli <= GOAL_BROTLI_BYTES)}` : '';
        return row(`First-page transfer, ${field}`, transferCell(board, field), transferCell(baseline, field), ratio, goal);
    });
}

function timingCell(side) {
    if (side.values.length) {
        const failed = side.errors.length ? ` [${side.errors.length} failed: ${side.errors[0]}]` : '';
        return formatMs(summary(side.values)) + failed;
    }
    return `n/a: ${side.errors[0] ?? 'not run'}`;
}

function timingRows(timings) {
    return timings.map((t) => {
        const ratios = t.ratios.length ? summary(t.ratios) : null;
        const goal = t.goalRatio ? `≤ ${t.goalRatio}×: ${ratios ? verdict(ratios.median <= t.goalRatio) : 'n/a'}` : '';
        return row(t.label, timingCell(t.board), timingCell(t.baseline), formatRatio(ratios), goal);
    });
}

function requestCell(r) {
    if (!r) return '—';
    if (r.error) return `n/a: ${r.error}`;
    return r.session ? `${r.total} (${r.session} session + ${r.screen} screen)` : `${r.total}`;
}

function requestRows(requests) {
    const { cold, inApp } = requests;
    const rows = [];
    // One block per account: the member on the Public API, the community manager on REST.
    for (const c of cold) {
        rows.push(
            ...[
                [`Requests, list screen, cold load ${c.as}`, c.board.list, c.baseline.list],
                [`Requests, thread screen, cold load ${c.as}`, c.board.thread, c.baseline.thread],
                [`Requests, composer screen, cold load ${c.as}`, c.board.composer, null],
            ].map(([label, board, baseline]) => row(label, requestCell(board), requestCell(baseline), '', '')),
        );
    }
    const app = inApp ? `list → thread ${requestCell(inApp.thread)}; thread → list ${requestCell(inApp.list)}` : 'n/a';
    rows.push(row(`Requests, in-app navigation${inApp?.as ? ` ${inApp.as}` : ''}`, app, '— (no client-side routing)', '', ''));
    return rows;
}

function heapRows(heap) {
    if (!heap || heap.error) return [row('JS heap, after round trip 1 → N', `n/a: ${heap?.error ?? 'not run'}`, '—', '', '')];
    const { first, last, rounds } = heap;
    const change = (a, b) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
    const label = `after list ↔ thread round trip 1 → ${rounds}`;
    const wasm = first.wasmMemory == null ? 'n/a' : `${mib(first.wasmMemory)} → ${mib(last.wasmMemory)} (${change(first.wasmMemory, last.wasmMemory)})`;
    return [
        row(`JS heap used, ${label}`, `${mib(first.jsHeapUsed)} → ${mib(last.jsHeapUsed)} (${change(first.jsHeapUsed, last.jsHeapUsed)})`, '—', '', ''),
        row(`Wasm linear memory, ${label}`, wasm, '—', '', ''),
        row(`DOM nodes / JS event listeners, ${label}`, `${first.nodes} / ${first.listeners} → ${last.nodes} / ${last.listeners}`, '—', '', ''),
    ];
}

function scoreCell(runs, key) {
    const ok = runs.filter((r) => !r.error).map((r) => r[key]);
    if (!ok.length) return `n/a: ${runs[0]?.error ?? 'not run'}`;
    const s = summary(ok);
    return s.min === s.max ? `${s.median}` : `${s.median} (${s.min}–${s.max})`;
}

function lighthouseRows(lh) {
    if (!lh || !lh.board.length) return [row('Lighthouse', 'not run', 'not run', '', '')];
    const goals = { performance: '≥ 95', accessibility: '100', bestPractices: '' };
    const names = { performance: 'performance', accessibility: 'accessibility', bestPractices: 'best practices' };
    return Object.keys(names).map((key) => {
        const scores = lh.board.filter((r) => !r.error).map((r) => r[key]);
        const med = scores.length ? summary(scores).median : NaN;
        const threshold = key === 'performance' ? 95 : 100;
        const goal = goals[key] ? `${goals[key]}: ${Number.isNaN(med) ? 'n/a' : verdict(med >= threshold)}` : '';
        const who = lh.as ? `, ${lh.as.slice(1, -1)}` : '';
        return row(`Lighthouse ${names[key]} (list page${who}, ${lh.preset}, median of ${lh.board.length})`, scoreCell(lh.board, key), scoreCell(lh.baseline, key), '', goal);
    }).concat(row('Lighthouse FCP / LCP / TBT (simulated, medians)', metricsCell(lh.board), metricsCell(lh.baseline), '', ''));
}

/** Lighthouse's own timings: what its performance score is made of. */
function metricsCell(runs) {
    const ok = runs.filter((r) => !r.error);
    if (!ok.length) return 'n/a';
    const med = (k) => summary(ok.map((r) => r.metrics[k])).median;
    const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
    return `${sec(med('fcp'))} / ${sec(med('lcp'))} / ${Math.round(med('tbt'))} ms`;
}

export function benchTable(results) {
    return [
        row('measure', 'board', 'vanilla baseline', 'board ÷ baseline', 'goal'),
        row('---', '---', '---', '---', '---'),
        ...transferRows(results.transfer),
        ...timingRows(results.timings),
        ...requestRows(results.requests),
        ...heapRows(results.heap),
        ...lighthouseRows(results.lighthouse),
    ].join('\n');
}
