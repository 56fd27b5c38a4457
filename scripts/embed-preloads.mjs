// Writes into embed.js the wasm files the embedded board's own code needs (src/embedded.rs):
// its split module and the chunks it shares with other screens, as the loader wasm-split
// wrote them. embed.js preloads them beside the main module, so a host's board does not wait
// a round trip for them after the module starts. Which chunks are shared changes with the
// code, so the list is read at each build, not written by hand.
//
// Usage: node scripts/embed-preloads.mjs <__wasm_split.js> <embed.js>
import { readFileSync, writeFileSync } from 'node:fs';

const SPLIT = 'board_embed';
const [loaderPath, embedPath] = process.argv.slice(2);
if (!loaderPath || !embedPath) {
    console.error('usage: embed-preloads.mjs <__wasm_split.js> <embed.js>');
    process.exit(2);
}
const fail = (why) => {
    console.error(`embed-preloads: ${why}`);
    process.exit(1);
};

const loader = readFileSync(loaderPath, 'utf8');
// Each module's load is `makeLoad(<a fetch of its file>, [<the chunks it needs first>])`:
// the split's as its export, each shared chunk as a `__chunk_N` constant.
const load = (name) => new RegExp(`${name} = (?:wrapAsyncCb\\()?makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("(\\./[\\w.]+\\.wasm)"[\\s\\S]*?\\n\\}\\s*, \\[([\\w, ]*)\\]\\)`).exec(loader);
const own = load(`export const __wasm_split_load_${SPLIT}`);
if (!own) fail(`the loader has no module for ${SPLIT}`);
const files = [own[1]];
for (const dep of own[2].split(', ').filter(Boolean)) {
    const chunk = load(`const ${dep}`);
    if (!chunk) fail(`${SPLIT} needs ${dep}, which the loader does not fetch from a file`);
    files.push(chunk[1]);
}

const embed = readFileSync(embedPath, 'utf8');
const list = /const EMBEDDED_CODE = \[[^\]]*\];/;
if (!list.test(embed)) fail(`${embedPath} has no EMBEDDED_CODE list`);
writeFileSync(embedPath, embed.replace(list, `const EMBEDDED_CODE = ${JSON.stringify(files)};`));
console.log(`embed-preloads: ${files.join(', ')}`);
