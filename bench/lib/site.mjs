// The site the sandboxes serve: a snapshot of the built board (so a rebuild in the work tree
// cannot change it mid-run) with the baseline beside it under /bench-baseline/, same origin,
// and the board's own stylesheet copied next to the baseline.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { recordPidsIn } from './processes.mjs';
import { BENCH_DIR } from './setup.mjs';

export const BASELINE_PATH = '/bench-baseline/';

export function assembleSite({ dist, baselineDir, into }) {
    if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no built board in ${dist} (index.html missing)`);
    fs.rmSync(into, { recursive: true, force: true });
    // Not trunk's `.stage` (a build in progress): only what it has finished.
    fs.cpSync(dist, into, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') || src === dist });
    const target = path.join(into, BASELINE_PATH);
    fs.mkdirSync(target, { recursive: true });
    for (const file of fs.readdirSync(baselineDir)) fs.copyFileSync(path.join(baselineDir, file), path.join(target, file));
    // The stylesheet trunk linked from the board's index.html (its name may carry a hash).
    const index = fs.readFileSync(path.join(into, 'index.html'), 'utf8');
    // (Release builds minify it: attributes may be unquoted and in any order.)
    const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
    const sheet = (index.match(/<link\b[^>]*>/g) ?? []).find((tag) => attribute(tag, 'rel') === 'stylesheet');
    const css = sheet && attribute(sheet, 'href')?.match(/^\/?([^?#]+\.css)/)?.[1];
    if (!css) throw new Error(`no stylesheet link in ${dist}/index.html`);
    fs.copyFileSync(path.join(into, css), path.join(target, 'board.css'));
    // The later screens' rules travel in the board's wasm chunks (src/pages/screen_styles.rs),
    // not in dist/: the baseline's thread view links them from the source.
    fs.copyFileSync(path.join(BENCH_DIR, '..', 'style', 'screens.css'), path.join(target, 'screens.css'));
    return { files: fs.readdirSync(into).filter((f) => !f.startsWith('.') && f !== BASELINE_PATH.replaceAll('/', '')).sort() };
}

/**
 * A scratch folder for one diagnostic run (its processes recorded, the folder removed on
 * exit) with the site assembled from `dist` inside it.
 */
export function scratchSite(name, dist) {
    const workdir = fs.mkdtempSync(path.join(os.tmpdir(), `community-board-${name}-`));
    recordPidsIn(path.join(workdir, 'pids'));
    process.on('exit', () => fs.rmSync(workdir, { recursive: true, force: true }));
    const site = path.join(workdir, 'site');
    assembleSite({ dist: path.resolve(dist), baselineDir: path.join(BENCH_DIR, 'baseline'), into: site });
    return { workdir, site };
}
