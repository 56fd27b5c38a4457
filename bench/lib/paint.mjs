// One timed cold load: navigate, and read back when the paint probe saw `count` rows on
// screen. A page that stops short (say, a board that does not read a page-size setting yet)
// is given up on once its row count has not moved for a few seconds. A load that reached the
// other backend's API than its account's (a board that ignored the kept choice) is an error,
// not a timing.

import { ACCOUNTS, accountOf, foreignApiPaths } from './auth.mjs';
import { coldPage } from './browser.mjs';
import { paintProbe } from './probe.mjs';
import { apiEntries } from './requests.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves to { ms } or { error, rows }. */
export async function timedLoad(browser, { baseUrl, path, className, count, account = ACCOUNTS.member, timeoutMs = 30_000, stallMs = 4_000 }) {
    const { api } = accountOf(account);
    const { page, close } = await coldPage(browser, baseUrl, [[paintProbe, className, count]], account);
    try {
        await page.goto(baseUrl + path, { waitUntil: 'domcontentloaded' });
        const started = Date.now();
        let lastRows = -1;
        let lastChange = Date.now();
        // A plain timer poll from outside: nothing extra runs inside the page while it renders.
        for (;;) {
            const state = await page.evaluate(
                (cls) => ({ painted: window.__benchPainted ?? null, rows: document.getElementsByClassName(cls).length }),
                className,
            );
            if (state.painted) {
                const foreign = foreignApiPaths(await page.evaluate(apiEntries), api);
                if (foreign.length) return { error: `asked the wrong API for a ${api} session: ${foreign[0]}` };
                return { ms: state.painted.t };
            }
            if (state.rows !== lastRows) {
                lastRows = state.rows;
                lastChange = Date.now();
            }
            const stalled = state.rows > 0 && Date.now() - lastChange > stallMs;
            if (stalled || Date.now() - started > timeoutMs) {
                const note = await page.evaluate(() => document.querySelector('[role=alert], .notice.error')?.textContent?.trim() || '');
                return { error: `stopped at ${state.rows} of ${count} rows${note ? ` (${note})` : ''}`, rows: state.rows };
            }
            await sleep(100);
        }
    } finally {
        await close();
    }
}
