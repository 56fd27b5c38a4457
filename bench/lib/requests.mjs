// API requests a screen makes: the page's fetch/xhr resource-timing entries to /api/, once
// the screen is up and the network has been quiet for a while. (The wasm is fetched with
// fetch() too; it is page weight, counted under transfer, not an API request.)

import { ACCOUNTS, accountOf, foreignApiPaths } from './auth.mjs';
import { coldPage } from './browser.mjs';

const SESSION_PATHS = ['/api/token', '/api/public/coworkers/profiles'];

/** In the page: the API entries so far, as paths. */
export function apiEntries() {
    return performance
        .getEntriesByType('resource')
        .filter((e) => (e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest') && new URL(e.name).pathname.startsWith('/api/'))
        .map((e) => {
            const url = new URL(e.name);
            return url.pathname + url.search;
        });
}

/** { total, session, screen, paths }: session = restoring the sign-in (token, profile). */
export function countRequests(paths) {
    const session = paths.filter((p) => SESSION_PATHS.some((s) => p === s || p.startsWith(`${s}?`))).length;
    return { total: paths.length, session, screen: paths.length - session, paths };
}

export async function settle(page, idleMs = 700) {
    await page.waitForNetworkIdle({ idleTime: idleMs, timeout: 30_000 });
}

/**
 * Cold load of `path` as `account`, until `ready` (a selector) is on screen and the network
 * is quiet. Fails if the page asked the other backend's API.
 */
export async function coldScreenRequests(browser, baseUrl, path, ready, account = ACCOUNTS.member) {
    const { api } = accountOf(account);
    const { page, close } = await coldPage(browser, baseUrl, [], account);
    try {
        await page.goto(baseUrl + path, { waitUntil: 'load' });
        await page.waitForSelector(ready, { timeout: 30_000 });
        await settle(page);
        const paths = await page.evaluate(apiEntries);
        const foreign = foreignApiPaths(paths, api);
        if (foreign.length) throw new Error(`asked the wrong API for a ${api} session: ${foreign[0]}`);
        return countRequests(paths);
    } finally {
        await close();
    }
}
