//! Size budget of the first page, checked on the release build (sizes are deterministic, so
//! this is a test; timings are benchmarks, see `make bench`). Counted: every file the
//! standalone page loads before the board can paint — index.html, the JS glue, the wasm and
//! the stylesheet — compressed as a server would send them.
//!
//! The budget is 200 KB brotli (goal 150 KB). The board is not there yet: this test
//! holds the line at a ceiling just above today's size, so growth is caught at once, and is to
//! be lowered as the board shrinks (BENCHMARKS.md has the history).

use std::io::Write;

use board_e2e::dist_dir;

/// Brotli bytes the first page may transfer today (measured: 283 KB on 2026-11-22).
const CEILING_BROTLI: usize = 290_000;

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

/// The files index.html makes the browser fetch (script import, preloads, stylesheet).
fn first_page_files(html: &str) -> Vec<String> {
    let mut files = Vec::new();
    for attribute in ["href=\"", "src=\"", "from '", "module_or_path: '"] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            let value = &rest[at + attribute.len()..];
            let end = value.find(['"', '\'']).unwrap_or(value.len());
            let file = value[..end].trim_start_matches('/').to_owned();
            if !file.is_empty() && !files.contains(&file) {
                files.push(file);
            }
            rest = &value[end..];
        }
    }
    files
}

#[test]
fn the_first_page_stays_within_its_transfer_ceiling() {
    let dist = dist_dir();
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let files = first_page_files(&html);
    for expected in ["community-board.js", "community-board_bg.wasm", "board.css"] {
        assert!(files.iter().any(|f| f == expected), "index.html loads {expected}: {files:?}");
    }
    let mut total = (html.len(), gzip(html.as_bytes()), brotli(html.as_bytes()));
    println!("{:<28} {:>9} {:>9} {:>9}", "file", "raw", "gzip", "brotli");
    println!("{:<28} {:>9} {:>9} {:>9}", "index.html", total.0, total.1, total.2);
    for file in &files {
        let bytes = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let sizes = (bytes.len(), gzip(&bytes), brotli(&bytes));
        println!("{file:<28} {:>9} {:>9} {:>9}", sizes.0, sizes.1, sizes.2);
        total = (total.0 + sizes.0, total.1 + sizes.1, total.2 + sizes.2);
    }
    println!("{:<28} {:>9} {:>9} {:>9}", "first page", total.0, total.1, total.2);
    assert!(
        total.2 <= CEILING_BROTLI,
        "the first page grew to {} bytes brotli (ceiling {CEILING_BROTLI}); see BENCHMARKS.md",
        total.2
    );
}
