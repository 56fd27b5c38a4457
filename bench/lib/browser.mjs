// Headless Debian Chromium driven through puppeteer-core (no browser download), and the
// cold page every measured load starts from: a new browser context (own cache, storage and
// cookies), the HTTP cache off, a signed-in session injected, and the probes in place.

import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ACCOUNTS, SESSION_KEYS, freshSession, injectSession } from './auth.mjs';
import { onShutdown, track, untrack } from './processes.mjs';

export const VIEWPORT = { width: 1280, height: 900 };

/** Warnings and errors the pages logged, with how often: a setting the board refused, say. */
export const consoleProblems = new Map();
// Chromium's own note on trunk's preload tags, on every load of every build: not news.
const KNOWN_NOISE = /^The `integrity` attribute is currently ignored for preload/;

function recordConsole(message) {
    if (message.type() !== 'warn' && message.type() !== 'error') return;
    const text = message.text();
    if (KNOWN_NOISE.test(text)) return;
    consoleProblems.set(text, (consoleProblems.get(text) ?? 0) + 1);
}

export async function launchBrowser({ chromium, workdir }) {
    const args = [`--window-size=${VIEWPORT.width},${VIEWPORT.height}`];
    // For experiments only (say, V8 flags): never set by make bench.
    if (process.env.BENCH_CHROMIUM_ARGS) args.push(...process.env.BENCH_CHROMIUM_ARGS.split(' ').filter(Boolean));
    // Chromium refuses to run as root inside its sandbox; the benchmark's pages are our own.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const browser = await puppeteer.launch({
        executablePath: chromium,
        headless: true,
        userDataDir: path.join(workdir, 'chromium-profile'),
        defaultViewport: VIEWPORT,
        // The harness handles signals itself (processes.mjs), browser included.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args,
    });
    const pid = browser.process()?.pid;
    // puppeteer starts Chromium as the leader of its own process group: helpers die with it.
    track(pid, 'chromium', { group: true });
    browser.on('disconnected', () => untrack(pid));
    onShutdown(() => browser.close());
    return browser;
}

/**
 * A new context and page on `baseUrl`'s origin with a fresh session for `account` (the demo
 * member on the Public API unless told; `ACCOUNTS.manager` for REST) and `probes`
 * ([fn, ...args] pairs run before the page's scripts). `close()` ends the context.
 */
export async function coldPage(browser, baseUrl, probes = [], account = ACCOUNTS.member) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    page.on('console', recordConsole);
    const session = await freshSession(baseUrl, account);
    await page.evaluateOnNewDocument(injectSession, new URL(baseUrl).origin, session, SESSION_KEYS);
    for (const [fn, ...fnArgs] of probes) await page.evaluateOnNewDocument(fn, ...fnArgs);
    return { page, context, session, close: () => context.close() };
}
