//! Size budget of the first page, checked on the release build (sizes are deterministic, so
//! this is a test; timings are benchmarks, see `make bench`).
//!
//! Counted: every file the browser fetches from the board's origin to show a signed-in
//! member the conversation list (the page, the JS glue and what it imports, the wasm module,
//! the stylesheet, and any wasm chunk the list needed; not the content: API answers and
//! portraits), each compressed as a server would
//! send it. The list is taken from the browser's own resource timings, so a file that starts
//! loading on the first page is counted whether or not index.html names it.

use std::io::Write;

use board_e2e::{dist_dir, Journey};
use board_sandbox::seed::DEMO_MEMBER;

/// The budget for the first page: 200 KB brotli (its goal is 150 KB).
const BUDGET_BROTLI: usize = 200_000;

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out.len()
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_page_stays_within_its_transfer_budget() {
    let j = Journey::start().await;
    j.sign_in(DEMO_MEMBER.email, DEMO_MEMBER.password).await;
    // A fresh document: what a member opening the board gets (the session is kept in the tab).
    j.open("/").await;
    j.wait_until("the list", "return document.querySelectorAll('.thread-row').length > 0;").await;
    // The board itself, not the content (API answers, members' portraits under /media/).
    let fetched: Vec<String> =
        j.fetched_paths().await.into_iter().filter(|p| !p.starts_with("/api/") && !p.starts_with("/media/")).collect();
    j.finish().await;

    let dist = dist_dir();
    let mut files: Vec<String> = Vec::new();
    for path in fetched {
        let file = match path.trim_start_matches('/') {
            "" => "index.html".to_owned(),
            other => other.to_owned(),
        };
        if !files.contains(&file) {
            files.push(file);
        }
    }
    for expected in ["index.html", "community-board.js", "community-board_bg.wasm", "board.css"] {
        assert!(files.iter().any(|f| f == expected), "the first page loads {expected}: {files:?}");
    }

    let mut total = (0, 0, 0);
    println!("{:<56} {:>9} {:>9} {:>9}", "file", "raw", "gzip", "brotli");
    for file in &files {
        let bytes = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let sizes = (bytes.len(), gzip(&bytes), brotli(&bytes));
        println!("{file:<56} {:>9} {:>9} {:>9}", sizes.0, sizes.1, sizes.2);
        total = (total.0 + sizes.0, total.1 + sizes.1, total.2 + sizes.2);
    }
    println!("{:<56} {:>9} {:>9} {:>9}", "first page", total.0, total.1, total.2);

    // What loads later, when a screen first opens: shown, not budgeted.
    let mut later: Vec<_> = std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".wasm") && !files.contains(name))
        .collect();
    later.sort();
    let later_brotli: usize = later.iter().map(|f| brotli(&std::fs::read(dist.join(f)).unwrap())).sum();
    println!("{} wasm chunks loaded later, when their screen first opens: {later_brotli} bytes brotli in all", later.len());

    assert!(
        total.2 <= BUDGET_BROTLI,
        "the first page transfers {} bytes brotli, over the {BUDGET_BROTLI} budget; see BENCHMARKS.md",
        total.2
    );
}
