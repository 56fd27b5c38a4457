// What the numbers were measured on: they mean little without it.

import fs from 'node:fs';
import os from 'node:os';

function read(file) {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        return '';
    }
}

export function describeMachine(chromiumVersion) {
    const cpu = read('/proc/cpuinfo').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() || os.cpus()[0]?.model || 'unknown';
    const osName = read('/etc/os-release').match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1] || os.type();
    return {
        cpu,
        cores: os.cpus().length,
        memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
        os: `${osName}, kernel ${os.release()}`,
        chromium: chromiumVersion,
        node: process.version,
        // A busy machine (builds running beside) makes every timing slower and noisier.
        loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
    };
}
