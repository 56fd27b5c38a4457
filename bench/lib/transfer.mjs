// The transfer size of a first page: every file it loads that is part of the page itself
// (html, js, wasm, css), not the API's data or the avatars. Measured raw and compressed by
// node's zlib at the strongest settings (gzip -9, brotli 11), which is what a server that
// precompresses would send; the sandbox itself sends them uncompressed.

import zlib from 'node:zlib';
import { ACCOUNTS } from './auth.mjs';
import { coldPage } from './browser.mjs';

const KINDS = [
    ['wasm', (url, type) => url.pathname.endsWith('.wasm') || type.includes('application/wasm')],
    ['js', (url, type) => url.pathname.endsWith('.js') || type.includes('javascript')],
    ['css', (url, type) => url.pathname.endsWith('.css') || type.includes('text/css')],
    ['html', (url, type) => type.includes('text/html')],
];

function kindOf(url, type) {
    return KINDS.find(([, test]) => test(url, type))?.[0] ?? null;
}

export function compressedSizes(buffer) {
    return {
        raw: buffer.length,
        gzip: zlib.gzipSync(buffer, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(buffer, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
        }).length,
    };
}

/**
 * Loads `path` cold as `account`, waits until `ready` (a selector) shows and the network is
 * quiet, and returns { total: {raw, gzip, brotli}, byKind: {html: {...}, ...}, files: [...] }.
 */
export async function firstPageTransfer(browser, baseUrl, path, ready, account = ACCOUNTS.member) {
    const { page, close } = await coldPage(browser, baseUrl, [], account);
    const bodies = new Map();
    const pending = [];
    const origin = new URL(baseUrl).origin;
    page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin !== origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/media/') || url.pathname === '/favicon.ico') return;
        if (response.status() !== 200 || bodies.has(url.href)) return;
        const kind = kindOf(url, response.headers()['content-type'] || '');
        if (!kind) return;
        bodies.set(url.href, null);
        pending.push(response.buffer().then((buf) => bodies.set(url.href, { kind, path: url.pathname, ...compressedSizes(buf) })));
    });
    try {
        await page.goto(baseUrl + path, { waitUntil: 'load' });
        await page.waitForSelector(ready, { timeout: 30_000 });
        await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
        await Promise.all(pending);
    } finally {
        await close();
    }
    const files = [...bodies.values()].filter(Boolean);
    const byKind = {};
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
        byKind[f.kind] ??= { raw: 0, gzip: 0, brotli: 0 };
        for (const k of Object.keys(total)) {
            byKind[f.kind][k] += f[k];
            total[k] += f[k];
        }
    }
    return { total, byKind, files };
}
