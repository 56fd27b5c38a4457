// Every process the harness starts is registered here, so that it stops when the harness
// does: at the end, on an error, and on Ctrl-C. The ids also go to a file, so that
// scripts/bench.sh can end them if node itself is killed. Only these ids are ever signalled.

import fs from 'node:fs';

const started = new Map(); // pid -> { name, group }
let pidFile = null;

/** Where to list the started ids (one "pid group name" a line). */
export function recordPidsIn(file) {
    pidFile = file;
    writePidFile();
}

/** `group`: the process leads its own process group (Chromium's helpers live in it). */
export function track(pid, name, { group = false } = {}) {
    if (pid) started.set(pid, { name, group });
    writePidFile();
}

export function untrack(pid) {
    started.delete(pid);
    writePidFile();
}

function writePidFile() {
    if (!pidFile) return;
    const lines = [...started].map(([pid, p]) => `${pid} ${p.group ? 'group' : 'single'} ${p.name}`);
    fs.writeFileSync(pidFile, lines.length ? `${lines.join('\n')}\n` : '');
}

function signal(pid, info, sig) {
    try {
        process.kill(info.group ? -pid : pid, sig);
    } catch {
        // Already gone.
    }
}

/** Synchronous, so it also works from an 'exit' handler. */
export function stopAll(sig = 'SIGKILL') {
    for (const [pid, info] of started) signal(pid, info, sig);
    started.clear();
    writePidFile();
}

let cleanups = [];

/** An async step to run before the processes are killed (closing the browser politely). */
export function onShutdown(fn) {
    cleanups.push(fn);
}

let stopping = false;

/** True once a signal has started the shutdown: failures after that are its echoes. */
export function isStopping() {
    return stopping;
}

/** Installs the handlers once: Ctrl-C, SIGTERM, uncaught errors, and plain exit. */
export function installShutdownHandlers() {
    const shutdown = async (code, why) => {
        if (stopping) return;
        stopping = true;
        if (why) console.error(`bench: ${why}; stopping what it started`);
        const steps = cleanups;
        cleanups = [];
        // A polite close gets a few seconds; then everything is killed regardless.
        await Promise.race([Promise.allSettled(steps.map((fn) => fn())), new Promise((r) => setTimeout(r, 3000))]);
        stopAll();
        process.exit(code);
    };
    process.on('SIGINT', () => shutdown(130, 'interrupted'));
    process.on('SIGTERM', () => shutdown(143, 'terminated'));
    process.on('SIGHUP', () => shutdown(129, 'hung up'));
    process.on('uncaughtException', (e) => {
        if (stopping) return;
        console.error(e);
        shutdown(1, 'failed');
    });
    process.on('unhandledRejection', (e) => {
        if (stopping) return;
        console.error(e);
        shutdown(1, 'failed');
    });
    process.on('exit', () => stopAll());
}
