//! What an operator or a test can change about a sandbox run.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The Nexudus docs disagree on what `dir=1` means (contract doc §10.2). The sandbox
/// implements one reading at a time, so the board can be tested against both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DirConvention {
    /// developers.nexudus.com: `1` ascending, `-1` descending (`0` is read as ascending).
    #[default]
    Dev,
    /// learn.nexudus.com and the CLI skill docs: `0` ascending, `1` descending.
    Learn,
}

#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Where to listen; port 0 picks a free port (tests).
    pub addr: SocketAddr,
    /// The SQLite file. Created and seeded when it does not exist yet.
    pub db_path: PathBuf,
    /// The built board (trunk's `dist/`) to serve at `/`, if any.
    pub dist_dir: Option<PathBuf>,
    /// Lifetime of access tokens; short in tests that exercise expiry.
    pub access_token_ttl: Duration,
    pub dir_convention: DirConvention,
    /// Drop and re-seed the database at start.
    pub reset: bool,
    /// Answer `/__sandbox/faults` and inject the faults queued there.
    pub faults: bool,
    /// Extra threads (and replies) for benchmarks, added when the database is seeded.
    pub large: Option<LargeSeed>,
    /// Origins besides loopback ones that may call the API from a browser.
    pub cors_origins: Vec<String>,
    /// The CSP `frame-ancestors` of board pages: who may embed the board.
    pub frame_ancestors: String,
    /// API origins, besides this server, the board may call (CSP `connect-src`).
    pub connect_src: Vec<String>,
    /// `<meta name content>` settings put into the served `index.html` (the board reads its
    /// configuration from such tags), replacing any with the same name.
    pub board_meta: Vec<(String, String)>,
    /// Development against a real tenant: `/api` is forwarded there instead of answered
    /// from the database (`--forward-api`).
    pub forward_api: Option<crate::forward::ForwardApi>,
}

/// Size of the benchmark data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LargeSeed {
    pub threads: u32,
    pub replies: u32,
}

impl Default for LargeSeed {
    /// 10,000 threads and 5,000 replies, 500 of them on one thread.
    fn default() -> Self {
        LargeSeed { threads: 10_000, replies: 5_000 }
    }
}

impl SandboxConfig {
    /// A config for tests: a free loopback port and the given database file.
    pub fn for_tests(db_path: impl Into<PathBuf>) -> Self {
        SandboxConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            db_path: db_path.into(),
            dist_dir: None,
            access_token_ttl: Duration::from_secs(3600),
            dir_convention: DirConvention::Dev,
            reset: false,
            faults: false,
            large: None,
            cors_origins: Vec::new(),
            frame_ancestors: "'self'".into(),
            connect_src: Vec::new(),
            board_meta: Vec::new(),
            forward_api: None,
        }
    }
}
