// The 1,000-row paint on its own, board against baseline: run.mjs's "1,000 threads painted"
// row without the rest of the table, for comparing two builds of the board (issue 13 chose
// the JSON reader with it). Needs a built dist/ and sandbox binary, like run.mjs.
//
//   node bench/rows.mjs --dist dist --sandbox target/server/sandbox [--runs 9] [--account member|manager]

import path from 'node:path';
import { parseArgs } from 'node:util';

import { accountOf } from './lib/auth.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { timedLoad } from './lib/paint.mjs';
import { installShutdownHandlers } from './lib/processes.mjs';
import { BASELINE_PATH, scratchSite } from './lib/site.mjs';
import { startSandbox } from './lib/sandboxes.mjs';
import { buildOptions } from './lib/setup.mjs';
import { median } from './lib/stats.mjs';

const { values: opt } = parseArgs({
    options: { ...buildOptions(), runs: { type: 'string', default: '9' }, account: { type: 'string', default: 'member' } },
});

async function main() {
    installShutdownHandlers();
    const { workdir, site } = scratchSite('rows', opt.dist);
    const pages = await startSandbox({ bin: path.resolve(opt.sandbox), site, workdir, name: 'pages', metas: [['board-page-size', '1000']] });
    const browser = await launchBrowser({ chromium: opt.chromium, workdir });
    const account = accountOf(opt.account);
    const paths = { board: '/', baseline: `${BASELINE_PATH}?view=list&size=1000&api=${account.api}` };
    const times = { board: [], baseline: [] };
    const runs = Math.max(1, Number(opt.runs));
    // Run 0 warms the sandbox and Chromium up and is not kept; the order alternates.
    for (let run = 0; run <= runs; run++) {
        for (const side of run % 2 ? ['board', 'baseline'] : ['baseline', 'board']) {
            const load = await timedLoad(browser, { baseUrl: pages.url, path: paths[side], className: 'thread-row', count: 1000, account });
            if (load.error) throw new Error(`${side}: ${load.error}`);
            if (run > 0) times[side].push(load.ms);
        }
    }
    const [board, baseline] = [median(times.board), median(times.baseline)];
    console.log(`1,000 threads painted (${account.who}, ${account.apiName}), median of ${runs} cold loads: board ${board.toFixed(0)} ms, baseline ${baseline.toFixed(0)} ms, ratio ${(board / baseline).toFixed(2)}`);
    await browser.close();
    await pages.stop();
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
