// Makes the JS glue import the split loader (__wasm_split.js) when the module first asks it
// for a chunk, instead of with the glue. A member's conversation list, the first screen of a
// signed-in member, needs no chunk, so its page does not download the loader (0.6 KB brotli)
// until a screen needs one, or a pointer or focus on a link prefetches one.
//
// wasm-bindgen writes the loader as a static import, because the module imports its load
// functions (`__wasm_split_load_<screen>(callback, data)`). Those are asynchronous: each calls
// the module back with whether the screen's code arrived. So a stand-in object can answer
// them, importing the loader on the first call and passing the call on; if the import fails
// (offline), or the loader has no such function (an old copy cached across a deploy), the
// module is called back with a failure, which the board shows with a retry, and the next call
// imports again (under another address: a failed module import may be cached).
//
// Other first screens need a chunk at once: a thread opened from a link, the sign-in form,
// staff's list on REST (its reads are a chunk). index.html's inline script sets
// `communityBoardLoaderLater` only for a member's kept session on the list's address; without
// it the glue imports the loader as it starts, beside the main module, as the static import
// did. (If that session's renewal fails, the sign-in form then waits one round trip more.)
//
// Usage: node scripts/lazy-split-loader.mjs <glue.js>
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath] = process.argv.slice(2);
if (!gluePath) {
    console.error('usage: lazy-split-loader.mjs <glue.js>');
    process.exit(2);
}
const glue = readFileSync(gluePath, 'utf8');
const statics = [...glue.matchAll(/^import \* as (\w+) from '\.\/__wasm_split\.js';$/gm)];
if (statics.length !== 1) {
    console.error(`lazy-split-loader: expected one static import of the loader in ${gluePath}, found ${statics.length}`);
    process.exit(1);
}
if (!/^let wasm;$/m.test(glue)) {
    console.error(`lazy-split-loader: ${gluePath} does not keep the module's exports in \`wasm\``);
    process.exit(1);
}
const [line, name] = statics[0];
const lazy = `let splitLoader;
let splitLoaderTries = 0;
function importSplitLoader() {
    splitLoader ??= import(splitLoaderTries ? \`./__wasm_split.js?retry=\${splitLoaderTries}\` : './__wasm_split.js').catch((error) => {
        splitLoader = undefined;
        splitLoaderTries += 1;
        throw error;
    });
    return splitLoader;
}
const ${name} = new Proxy({}, {
    get: (_, load) => (callback, data) => {
        const failed = (error) => {
            console.error(error);
            wasm.__indirect_function_table.get(callback)(data, false);
        };
        importSplitLoader().then(
            (loader) => (typeof loader[load] === 'function' ? loader[load](callback, data) : failed(new Error(\`__wasm_split.js has no \${String(load)}\`))),
            failed,
        );
    },
});
if (!globalThis.communityBoardLoaderLater) importSplitLoader().catch(() => {});`;
writeFileSync(gluePath, glue.replace(line, () => lazy));
