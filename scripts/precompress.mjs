// Compresses the built board's files once, as hard as the formats go (brotli quality 11,
// gzip level 9), next to each file as `.br` and `.gz`. The sandbox sends these instead of
// compressing every answer on the fly at a fast, low level (which sent the main wasm some
// 27 KB bigger than brotli 11 makes it). Run by scripts/split-wasm.sh on release builds.
//
//   node scripts/precompress.mjs <dir>

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/precompress.mjs <dir>');
// index.html is not among them: the sandbox rewrites it (meta settings) when it serves it.
const worth = /\.(wasm|js|css|svg)$/;

let raw = 0;
let brotli = 0;
for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!worth.test(name) || !fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(bytes, {
        params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
    });
    const gz = zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    raw += bytes.length;
    brotli += br.length;
}
console.log(`precompress: ${raw} bytes → ${brotli} bytes brotli (quality 11) in ${dir}`);
