// Lighthouse scores for a page, through Lighthouse's puppeteer integration: it audits a page
// the harness opened, so the signed-in session is injected exactly as for every other load
// (a plain Lighthouse run would land on the sign-in screen). The final URL is checked so a
// failed sign-in cannot pass as a score for the sign-in page.

import lighthouse from 'lighthouse';
import { ACCOUNTS } from './auth.mjs';
import { coldPage } from './browser.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

export async function lighthouseRun(browser, baseUrl, path, preset, account = ACCOUNTS.member) {
    const { page, close } = await coldPage(browser, baseUrl, [], account);
    try {
        const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
        const flags = { logLevel: 'error', output: 'json', onlyCategories: CATEGORIES };
        const { lhr } = await lighthouse(baseUrl + path, flags, config, page);
        if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const final = new URL(lhr.finalDisplayedUrl);
        if (final.pathname.startsWith('/sign-in')) throw new Error(`lighthouse ended on ${final.pathname}: the injected session was not restored`);
        const score = (id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
        const failing = (id) =>
            (lhr.categories[id]?.auditRefs ?? [])
                .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
                .map((ref) => ref.id);
        return {
            performance: score('performance'),
            accessibility: score('accessibility'),
            bestPractices: score('best-practices'),
            failing: { accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
            metrics: {
                fcp: lhr.audits['first-contentful-paint']?.numericValue,
                lcp: lhr.audits['largest-contentful-paint']?.numericValue,
                tbt: lhr.audits['total-blocking-time']?.numericValue,
                cls: lhr.audits['cumulative-layout-shift']?.numericValue,
            },
        };
    } finally {
        await close();
    }
}
