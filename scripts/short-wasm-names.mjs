// Shortens the hashed names wasm-bindgen gives the main module's imports and exports.
//
// wasm-bindgen names every JS function the module imports `__wbg_<method>_<16 hex digits>`
// (and every closure entry point it exports `..._h<16 hex digits>`). Each name is written
// twice on the first page, once in the wasm and once in the JS glue, and the hex digits are
// noise to a compressor: about 5 KB of the first page in brotli. This gives each such name a
// short one (`a0`, `a1`, ...), in the wasm's import and export sections and in the glue, in
// one step so the two cannot disagree. Other names (the module's own API, `memory`, the
// split loader's) stay as they are.
//
// Usage: node scripts/short-wasm-names.mjs <module.wasm> <glue.js>
import { readFileSync, writeFileSync } from 'node:fs';

const HASHED = /_h?[0-9a-f]{16}$/;
/** `text` as a regular expression that matches it literally. */
const literal = (text) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
    console.error('usage: short-wasm-names.mjs <module.wasm> <glue.js>');
    process.exit(2);
}

/** A reader over the module's bytes, for the few wasm encodings the two sections use. */
class Reader {
    constructor(bytes, at = 0) {
        this.bytes = bytes;
        this.at = at;
    }
    byte() {
        if (this.at >= this.bytes.length) throw new Error('the module ends in the middle of a section');
        return this.bytes[this.at++];
    }
    uleb() {
        let value = 0;
        let shift = 0;
        for (;;) {
            const b = this.byte();
            value += (b & 0x7f) * 2 ** shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }
    name() {
        const length = this.uleb();
        const text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(this.at, this.at + length));
        this.at += length;
        return text;
    }
    /** The bytes from `start` to here, as they are. */
    since(start) {
        return this.bytes.subarray(start, this.at);
    }
}

function uleb(value) {
    const out = [];
    do {
        let b = value % 128;
        value = Math.floor(value / 128);
        if (value > 0) b |= 0x80;
        out.push(b);
    } while (value > 0);
    return Uint8Array.from(out);
}

function encodeName(text) {
    const bytes = new TextEncoder().encode(text);
    return [uleb(bytes.length), bytes];
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipImportDesc(r) {
    const kind = r.byte();
    const limits = () => {
        const flags = r.byte();
        r.uleb();
        if (flags & 1) r.uleb();
    };
    if (kind === 0) r.uleb();
    else if (kind === 1) {
        r.byte();
        limits();
    } else if (kind === 2) limits();
    else if (kind === 3) {
        r.byte();
        r.byte();
    } else if (kind === 4) {
        r.byte();
        r.uleb();
    } else throw new Error(`unknown import kind ${kind}`);
}

/** Short names in a fixed order: a0 … a9, aa …; the same module always gets the same ones. */
function* shortNames() {
    for (let i = 0; ; i++) yield `a${i.toString(36)}`;
}

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const renames = new Map();
const next = shortNames();
const rename = (old) => {
    if (!HASHED.test(old)) return old;
    if (!renames.has(old)) {
        let short;
        do short = next.next().value;
        while (new RegExp(`(?<![\\w$])${literal(short)}(?![\\w$])`).test(glue));
        renames.set(old, short);
    }
    return renames.get(old);
};

/** Rewrites one section: its entries with names renamed, the rest of each entry as it was. */
function rewriteSection(id, payload) {
    const r = new Reader(payload);
    const count = r.uleb();
    const parts = [uleb(count)];
    for (let i = 0; i < count; i++) {
        if (id === 2) {
            const module = r.name();
            const field = r.name();
            const start = r.at;
            skipImportDesc(r);
            parts.push(...encodeName(module), ...encodeName(module === 'wbg' ? rename(field) : field), r.since(start));
        } else {
            const field = r.name();
            const start = r.at;
            r.byte();
            r.uleb();
            parts.push(...encodeName(rename(field)), r.since(start));
        }
    }
    if (r.at !== payload.length) throw new Error(`section ${id}: ${payload.length - r.at} bytes left over`);
    return Buffer.concat(parts);
}

const out = [wasm.subarray(0, 8)];
const r = new Reader(wasm, 8);
while (r.at < wasm.length) {
    const id = r.byte();
    const size = r.uleb();
    const payload = wasm.subarray(r.at, r.at + size);
    r.at += size;
    const body = id === 2 || id === 7 ? rewriteSection(id, payload) : payload;
    out.push(Uint8Array.of(id), uleb(body.length), body);
}

// Each old name is a whole identifier in the glue (a property of the imports object or of
// the instance's exports); every one must be found, or the module would not link.
for (const [old, short] of renames) {
    const pattern = new RegExp(`(?<![\\w$])${literal(old)}(?![\\w$])`, 'g');
    const uses = glue.match(pattern)?.length ?? 0;
    if (uses === 0) throw new Error(`${old} is not in ${gluePath}`);
    glue = glue.replace(pattern, short);
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(gluePath, glue);
console.log(`short-wasm-names: ${renames.size} names shortened`);
