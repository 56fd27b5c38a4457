// BENCHMARKS.md: the last run's table with the machine, the date and the command, the
// hand-kept before-and-after of bench/milestones.md, and how each figure is measured. Written
// whole each time (`--write`); only the milestones file is edited by hand.

import fs from 'node:fs';

const METHOD = `## How each figure is measured

- **Harness**: \`bench/run.mjs\` (puppeteer-core driving Debian Chromium, headless, 1280×900).
  It serves a snapshot of \`dist/\` with three sandboxes, each \`sandbox --large --reset\` on its
  own SQLite file (10,000 threads; one thread with 500 replies, found through the API):
  *standard* (no settings: what members get), *unpaced* (\`nexudus-request-spacing-ms=0\`,
  \`nexudus-requests-per-minute\` and \`nexudus-writes-per-minute\` 1,000,000) and *pages*
  (\`board-page-size=1000\`, \`board-replies-page-size=500\`), all through \`--board-meta\`.
- **Accounts and backends**: the board reads through the Members Portal's Public API for
  members (\`portal\`: a list page is the threads, their authors' names included, and the
  groups) and through REST for staff (\`rest\`: the threads, one batch of authors, the
  groups). Rows marked *member, Public API* load as the demo member
  (\`member@example.com\`), the default member experience; rows marked *community manager,
  REST* as \`manager@example.com\`, whose REST requests are also what members made before
  the board had the Public API. A load that asks the other backend's API is counted as
  failed, not timed.
- **Baseline**: \`bench/baseline/\`, plain HTML and one JS file, served by the same sandbox
  under \`/bench-baseline/\` with the board's own CSS. It makes the board's requests for the
  same account's backend (\`&api=portal\` or \`&api=rest\`) in the board's order (refresh
  grant; the screen's data, on REST with the people batch; then groups, on REST likes,
  follows and mutes, and the profile renewal) and builds the board's markup with
  \`createElement\` and text nodes (the Public API's HTML-encoded \`Message\` is decoded to
  text, never parsed as HTML). It does not pace its requests; the board does (100 ms
  apart by default), hence the "pacing lifted" row.
- **Cold load**: a new browser context per load (empty cache and storage) with the HTTP cache
  disabled. Before the page's scripts run, the harness puts a fresh session in
  \`sessionStorage\` (a password grant made by the harness for a new \`client_id\`, the
  account's profile and its backend, \`community-board:api\`, as the board keeps them), so
  board and baseline both pay the same refresh request at load and nothing else.
- **Painted**: a probe injected into both pages watches the DOM; once N rows
  (\`.thread-row\` or \`.reply\`) exist it waits two animation frames (the second runs after
  the frame showing them was painted) and takes \`performance.now()\`, which counts from
  navigation start. Each timing is the median over the runs, with min–max; board and baseline
  loads alternate within each run (order swapped every run), after one unmeasured warm-up
  pair. The ratio is the median of the per-run board ÷ baseline ratios, with their min–max.
- **Transfer**: every html, js, wasm and css file the first list page loads (API data and
  avatars excluded), raw and compressed with node's zlib (gzip level 9, brotli quality 11).
  The sandbox sends them compressed too (brotli when the browser asks), so Lighthouse and
  the timings see compressed transfers.
- **Requests**: fetch/xhr resource-timing entries to \`/api/\` once the screen is up and the
  network has been quiet for 700 ms, for each account; "session" is the refresh grant and the
  profile (renewed after the screen's requests). In-app counts are from the first round trip
  of the leak check.
- **Leak check**: on the unpaced sandbox, as the member, one tab clicks the first thread's link and then the
  breadcrumb back, N times (client-side routing). After round trip 1 and round trip N:
  \`HeapProfiler.collectGarbage\` twice, \`Runtime.getHeapUsage\` (JS heap), the wasm
  instance's \`memory.buffer.byteLength\` (linear memory only grows, so this is its
  high-water mark) and Chromium's DOM node and listener counts.
- **Lighthouse**: npm \`lighthouse\` on the member's list page through its puppeteer integration, so
  the page is opened with the injected session like every other load (the run fails if it
  ends on the sign-in page). Default (mobile, simulated throttling) settings unless
  \`--lighthouse-preset desktop\`. Median of the runs, min–max when they differ.
`;

export function writeReport(file, { table, machine, command, date, config, notes }) {
    const m = machine;
    const text = `# Benchmarks

Written by \`scripts/bench.sh --write\`; do not edit by hand (the before-and-after comes from
\`bench/milestones.md\`). The board against a vanilla-JS
baseline that makes the same requests and renders the same markup with the same CSS.

## Last run

- **Date**: ${date}
- **Command**: \`${command}\`
- **Machine**: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM; ${m.os}; ${m.chromium}; node ${m.node};
  load average at start ${m.loadAverage} (1 / 5 / 15 min)
- **Runs**: ${config.runs} cold loads per timing; ${config.lighthouseRuns} Lighthouse runs per page;
  ${config.roundTrips} list ↔ thread round trips in the leak check
- **Builds**: ${config.build}

${table}
${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
${milestones()}${METHOD}`;
    fs.writeFileSync(file, text);
}

/** bench/milestones.md (before-and-after figures kept by hand), followed by a blank line. */
function milestones() {
    const file = new URL('../milestones.md', import.meta.url);
    return fs.existsSync(file) ? `${fs.readFileSync(file, 'utf8').trim()}\n\n` : '';
}
