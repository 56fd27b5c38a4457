// A guard on the baseline's fairness: the board's markup will change, the baseline's copy of
// it will not by itself. This compares the shape (element names, attribute names, classes;
// not text) of the same element in the board and the baseline (the page root, the first list
// row, the first reply) and says where they part. Each pair is loaded as one account (the
// member on the Public API unless told), since the markup follows the backend (a moderator's
// Delete on every reply, a member's portrait-less replies).

import { ACCOUNTS } from './auth.mjs';
import { coldPage } from './browser.mjs';
import { settle } from './requests.mjs';

/** In the page: the shape of the first element matching `selector` (and its descendants
 * down to `maxDepth` levels), one line per element. */
function shapeOf(selector, maxDepth) {
    const lines = [];
    const walk = (el, depth) => {
        if (depth > maxDepth) return;
        // data-* attributes are each page's own bookkeeping, not markup members or CSS see.
        const attrs = [...el.attributes].map((a) => a.name).filter((n) => !n.startsWith('data-')).sort();
        const cls = el.getAttribute('class')?.trim().split(/\s+/).sort().join('.') ?? '';
        lines.push(`${'  '.repeat(depth)}${el.localName}${cls ? `.${cls}` : ''} [${attrs.join(' ')}]`);
        for (const child of el.children) walk(child, depth + 1);
    };
    const first = document.querySelector(selector);
    if (first) walk(first, 0);
    return lines;
}

async function shape(browser, baseUrl, path, selector, maxDepth, account) {
    const { page, close } = await coldPage(browser, baseUrl, [], account);
    try {
        await page.goto(baseUrl + path, { waitUntil: 'load' });
        await page.waitForSelector(selector, { timeout: 30_000 });
        await settle(page, 500);
        return await page.evaluate(shapeOf, selector, maxDepth);
    } finally {
        await close();
    }
}

/** [{ what, same, firstDifference, error? }] for each { what, board, baseline, selector, maxDepth, account }. */
export async function markupParity(browser, baseUrl, pairs) {
    const out = [];
    for (const { what, board, baseline, selector, maxDepth = 99, account = ACCOUNTS.member } of pairs) {
        // A page that never shows the element is reported for this pair, not fatal to the run.
        const failed = (side) => (e) => ({ error: `the ${side} did not show \`${selector}\`: ${e.message.split('\n')[0]}` });
        const a = await shape(browser, baseUrl, board, selector, maxDepth, account).catch(failed('board'));
        const b = await shape(browser, baseUrl, baseline, selector, maxDepth, account).catch(failed('baseline'));
        if (a.error || b.error) {
            out.push({ what, same: false, firstDifference: null, error: a.error ?? b.error });
            continue;
        }
        const at = a.findIndex((line, i) => line !== b[i]);
        const differs = at !== -1 || a.length !== b.length;
        const index = at === -1 ? Math.min(a.length, b.length) : at;
        out.push({
            what,
            same: !differs,
            firstDifference: differs ? `board \`${a[index]?.trim() ?? '(end)'}\`, baseline \`${b[index]?.trim() ?? '(end)'}\`` : null,
        });
    }
    return out;
}
