// A guard on the baseline's fairness: the board's markup will change, the baseline's copy of
// it will not by itself. This compares the shape (element names, attribute names, classes;
// not text) of the same element in the board and the baseline (the page root, the first list
// row, the first reply) and says where they part.

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

async function shape(browser, baseUrl, path, selector, maxDepth) {
    const { page, close } = await coldPage(browser, baseUrl);
    try {
        await page.goto(baseUrl + path, { waitUntil: 'load' });
        await page.waitForSelector(selector, { timeout: 30_000 });
        await settle(page, 500);
        return await page.evaluate(shapeOf, selector, maxDepth);
    } finally {
        await close();
    }
}

/** [{ what, same, firstDifference }] for each { what, board, baseline, selector, maxDepth }. */
export async function markupParity(browser, baseUrl, pairs) {
    const out = [];
    for (const { what, board, baseline, selector, maxDepth = 99 } of pairs) {
        const a = await shape(browser, baseUrl, board, selector, maxDepth);
        const b = await shape(browser, baseUrl, baseline, selector, maxDepth);
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
