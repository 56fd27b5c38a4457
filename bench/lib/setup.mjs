// What every harness script of the bench folder starts from: where the project is, the
// options naming what is measured, and the settings that lift the board's pacing.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(BENCH_DIR, '..');

/** parseArgs options for the built board, the sandbox binary and the browser. */
export function buildOptions() {
    return {
        dist: { type: 'string', default: path.join(ROOT, 'dist') },
        sandbox: { type: 'string', default: path.join(ROOT, 'target/server/sandbox') },
        chromium: { type: 'string', default: process.env.BENCH_CHROMIUM || '/usr/bin/chromium' },
    };
}

/** `<meta>` settings for a board that does not pace its requests (1,000,000 a minute is no limit). */
export const UNPACED_METAS = [
    ['nexudus-request-spacing-ms', '0'],
    ['nexudus-requests-per-minute', '1000000'],
    ['nexudus-writes-per-minute', '1000000'],
];
