// The sandboxes the benchmark talks to: each on a free port, over its own SQLite file seeded
// with the large data set (`--large --reset`), serving the assembled site with its own board
// settings (`--board-meta`), since each served index.html carries one set of meta tags.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { track, untrack } from './processes.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts one sandbox and resolves once it listens.
 * `metas`: [[name, value], ...] for the served index.html.
 */
export async function startSandbox({ name, bin, site, workdir, metas = [] }) {
    const db = path.join(workdir, `${name}.sqlite`);
    const addrFile = path.join(workdir, `${name}.addr`);
    const log = path.join(workdir, `${name}.log`);
    fs.rmSync(addrFile, { force: true });
    const args = ['--large', '--reset', '--db', db, '--dist', site, '--addr', '127.0.0.1:0', '--addr-file', addrFile];
    for (const [meta, value] of metas) args.push('--board-meta', `${meta}=${value}`);
    const out = fs.openSync(log, 'w');
    const child = spawn(bin, args, { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    track(child.pid, `sandbox-${name}`);
    let exited = null;
    child.on('exit', (code, sig) => {
        exited = sig || code;
        untrack(child.pid);
    });

    // Seeding 10,000 threads takes a second or two; a debug build on a busy machine longer.
    for (let waited = 0; waited < 120_000; waited += 100) {
        if (exited !== null) throw new Error(`sandbox ${name} exited (${exited}) before listening; see ${log}\n${fs.readFileSync(log, 'utf8')}`);
        const url = fs.existsSync(addrFile) ? fs.readFileSync(addrFile, 'utf8').trim() : '';
        if (url) {
            return {
                name,
                url,
                metas,
                stop: async () => {
                    if (exited !== null) return;
                    child.kill('SIGINT');
                    for (let i = 0; i < 30 && exited === null; i++) await sleep(100);
                    if (exited === null) child.kill('SIGKILL');
                },
            };
        }
        await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(`sandbox ${name} did not start within 2 minutes; see ${log}`);
}

