//! The e2e harness: a sandbox serving the release build over a temporary database, a
//! chromedriver, and a headless Chromium session, all torn down when the test ends,
//! whether it passes or panics.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use board_sandbox::{Sandbox, SandboxConfig};
use fantoccini::{Client, ClientBuilder, Locator};

/// The built board: `BOARD_DIST`, else the workspace's `dist/` (made by `trunk build --release`).
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("BOARD_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built board at {}: run `make test` (or `trunk build --release`) first",
        dir.display()
    );
    dir
}

/// Where screenshots go; kept after the run as test artifacts.
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("BOARD_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts"));
    std::fs::create_dir_all(&dir).expect("create the artifacts folder");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free loopback port")
}

/// chromedriver in its own process group, so dropping it also ends every Chromium it started.
pub struct Chromedriver {
    child: Child,
    pub url: String,
}

impl Chromedriver {
    pub fn start() -> Chromedriver {
        let port = free_port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {binary} (scripts/bootstrap.sh installs it): {e}"));
        let driver = Chromedriver { child, url: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen on port {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // SAFETY: kill(2) with a negative pid signals the process group we created; no memory is touched.
        unsafe {
            libc::kill(-(self.child.id() as i32), libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

/// Headless Chromium options that work as root on a machine with no outside network.
pub fn chrome_capabilities(width: u32, height: u32) -> serde_json::Map<String, serde_json::Value> {
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let args = [
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        "--disable-quic".into(),
        format!("--window-size={width},{height}"),
    ];
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "chrome".into());
    caps.insert("goog:chromeOptions".into(), serde_json::json!({ "binary": binary, "args": args }));
    caps
}

/// One journey's world: sandbox + driver + browser. Call `finish` at the end of a test; if
/// the test panics first, dropping the driver still ends the browser.
pub struct Journey {
    pub browser: Client,
    pub sandbox: Sandbox,
    pub base_url: String,
    _driver: Chromedriver,
    _db_dir: tempfile::TempDir,
}

impl Journey {
    pub async fn start() -> Journey {
        let db_dir = tempfile::tempdir().expect("a temporary folder");
        let mut config = SandboxConfig::for_tests(db_dir.path().join("e2e.sqlite"));
        config.dist_dir = Some(dist_dir());
        let sandbox = Sandbox::start(config).await.expect("the sandbox starts");
        let driver = Chromedriver::start();
        let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(chrome_capabilities(1280, 900))
            .connect(&driver.url)
            .await
            .expect("a WebDriver session in headless Chromium");
        let base_url = sandbox.url();
        Journey { browser, sandbox, base_url, _driver: driver, _db_dir: db_dir }
    }

    pub async fn open(&self, path: &str) {
        self.browser.goto(&format!("{}{path}", self.base_url)).await.expect("navigation");
    }

    /// Waits for a CSS selector to match, up to 10 seconds.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.browser
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
    }

    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.browser.screenshot().await.expect("a screenshot");
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    /// Ends the browser session cleanly, then the sandbox.
    pub async fn finish(self) {
        let _ = self.browser.close().await;
        self.sandbox.stop().await;
    }
}
