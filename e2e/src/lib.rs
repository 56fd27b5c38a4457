//! The e2e harness: a sandbox serving the release build over a temporary database, a
//! chromedriver, and a headless Chromium session, all torn down when the test ends,
//! whether it passes or panics.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod hostile;

/// The community manager: staff holding the community REST roles, so the board gives them
/// the REST API (members get the Public API). Journeys check what the board stored through
/// this account, which sees every record.
pub const MANAGER: (&str, &str) = ("manager@example.com", "demo-manager");

use board_sandbox::{Sandbox, SandboxConfig};
use fantoccini::{Client, ClientBuilder, Locator};

/// The built board: `BOARD_DIST`, else the workspace's `dist/` (made by `trunk build --release`).
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("BOARD_DIST").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    assert!(dir.join("index.html").is_file(), "no built board at {}: run `make test` (or `trunk build --release`) first", dir.display());
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

/// axe-core's browser build, installed by `scripts/bootstrap.sh` (`AXE_CORE` overrides).
pub fn axe_source() -> PathBuf {
    std::env::var_os("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/axe/node_modules/axe-core/axe.min.js"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free loopback port")
}

/// chromedriver in its own process group, so dropping it also ends every Chromium it started.
pub struct Chromedriver {
    child: Child,
    pub url: String,
    /// The driver's and its browsers' TMPDIR. A killed Chromium never deletes its profile
    /// folder (~115 MB); this one goes when the driver does (fields drop after `drop`).
    _scratch: tempfile::TempDir,
}

impl Chromedriver {
    pub fn start() -> Chromedriver {
        let port = free_port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let scratch = tempfile::tempdir().expect("a scratch folder for chromedriver");
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .env("TMPDIR", scratch.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {binary} (scripts/bootstrap.sh installs it): {e}"));
        let driver = Chromedriver { child, url: format!("http://127.0.0.1:{port}"), _scratch: scratch };
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
    chrome_capabilities_in(width, height, None)
}

/// `chrome_capabilities` with the browser's language set (what `navigator.languages` says).
pub fn chrome_capabilities_in(width: u32, height: u32, language: Option<&str>) -> serde_json::Map<String, serde_json::Value> {
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
    let mut args = args.to_vec();
    let mut options = serde_json::json!({ "binary": binary });
    if let Some(language) = language {
        args.push(format!("--lang={language}"));
        options["prefs"] = serde_json::json!({ "intl.accept_languages": language });
    }
    options["args"] = serde_json::json!(args);
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "chrome".into());
    caps.insert("goog:chromeOptions".into(), options);
    // The console, kept by chromedriver across navigations: `Journey::finish` looks for panics.
    caps.insert("goog:loggingPrefs".into(), serde_json::json!({ "browser": "ALL" }));
    caps
}

/// One journey's world: sandbox + driver + browser. Call `finish` at the end of a test; if
/// the test panics first, dropping the driver still ends the browser.
pub struct Journey {
    pub browser: Client,
    sandbox: Option<Sandbox>,
    config: SandboxConfig,
    pub base_url: String,
    _driver: Chromedriver,
    _db_dir: tempfile::TempDir,
}

/// What a journey's world differs in.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// More `<meta>` settings for the served board (`board-theme`, `board-locale`, …).
    pub board_meta: Vec<(String, String)>,
    /// The browser's language (`es`), else Chromium's default (English).
    pub language: Option<String>,
}

impl Journey {
    pub async fn start() -> Journey {
        Journey::start_with(Setup::default()).await
    }

    pub async fn start_with(setup: Setup) -> Journey {
        let db_dir = tempfile::tempdir().expect("a temporary folder");
        let mut config = SandboxConfig::for_tests(db_dir.path().join("e2e.sqlite"));
        config.dist_dir = Some(dist_dir());
        config.faults = true;
        // Journeys drive pages far faster than a member: lift the client's pacing (its
        // limits are tested on their own) so a long journey is not rate-limited to a crawl.
        config.board_meta = vec![
            ("nexudus-requests-per-minute".into(), "100000".into()),
            ("nexudus-writes-per-minute".into(), "100000".into()),
            ("nexudus-request-spacing-ms".into(), "0".into()),
        ];
        config.board_meta.extend(setup.board_meta);
        let sandbox = Sandbox::start(config.clone()).await.expect("the sandbox starts");
        // Later restarts reuse the port, so the page keeps talking to "the same server".
        config.addr = sandbox.addr();
        let driver = Chromedriver::start();
        let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(chrome_capabilities_in(1280, 900, setup.language.as_deref()))
            .connect(&driver.url)
            .await
            .expect("a WebDriver session in headless Chromium");
        let base_url = sandbox.url();
        Journey { browser, sandbox: Some(sandbox), config, base_url, _driver: driver, _db_dir: db_dir }
    }

    pub async fn open(&self, path: &str) {
        self.browser.goto(&format!("{}{path}", self.base_url)).await.expect("navigation");
    }

    /// Runs `source` at the start of every document this browser opens from now on, before the
    /// page's own scripts (Chromium's `Page.addScriptToEvaluateOnNewDocument`, through
    /// chromedriver's CDP endpoint): how a test catches what a page hands out only once.
    pub async fn on_every_document(&self, source: &str) {
        let cmd = CdpCommand { cmd: "Page.addScriptToEvaluateOnNewDocument", params: serde_json::json!({ "source": source }) };
        self.browser.issue_cmd(cmd).await.expect("chromedriver runs the CDP command");
    }

    /// Turns this tab's HTTP cache off (Chromium's `Network.setCacheDisabled`): every file is
    /// fetched again, so Resource Timing reports the bytes that came over the network. With the
    /// cache on, a file served from memory may report no size at all.
    pub async fn without_cache(&self) {
        for (cmd, params) in [("Network.enable", serde_json::json!({})), ("Network.setCacheDisabled", serde_json::json!({ "cacheDisabled": true }))] {
            self.browser.issue_cmd(CdpCommand { cmd, params }).await.expect("chromedriver runs the CDP command");
        }
    }

    /// Makes this tab refuse every request whose address matches one of `patterns` (`*` is any
    /// text; an empty list lifts the block): Chromium's `Network.setBlockedURLs`, a network
    /// failure as the page sees one, for one file while the server still serves the others.
    pub async fn block_urls(&self, patterns: &[&str]) {
        for (cmd, params) in [("Network.enable", serde_json::json!({})), ("Network.setBlockedURLs", serde_json::json!({ "urls": patterns }))] {
            self.browser.issue_cmd(CdpCommand { cmd, params }).await.expect("chromedriver runs the CDP command");
        }
    }

    /// Waits for a CSS selector to match, up to 10 seconds.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.browser.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await.unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
    }

    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.browser.screenshot().await.expect("a screenshot");
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    pub fn sandbox(&self) -> &Sandbox {
        self.sandbox.as_ref().expect("the sandbox is running")
    }

    /// Stops the server: to the page, the network is gone.
    pub async fn go_offline(&mut self) {
        if let Some(s) = self.sandbox.take() {
            s.stop().await;
        }
    }

    /// Starts the server again on the same port and database.
    pub async fn come_back_online(&mut self) {
        let sandbox = Sandbox::start(self.config.clone()).await.expect("the sandbox restarts");
        self.sandbox = Some(sandbox);
    }

    /// Queues a sandbox fault (see the sandbox README): `{"path", "kind", "count", ...}`.
    pub async fn fault(&self, fault: serde_json::Value) {
        let status =
            reqwest::Client::new().post(format!("{}/__sandbox/faults", self.base_url)).json(&fault).send().await.expect("queue a fault").status();
        assert_eq!(status, 200, "the sandbox took the fault {fault}");
    }

    /// The Content-Security-Policy violations browsers reported to the sandbox so far.
    pub async fn csp_reports(&self) -> serde_json::Value {
        self.csp_report_list().await.expect("the sandbox's report list")
    }

    async fn csp_report_list(&self) -> Result<serde_json::Value, String> {
        let answer = reqwest::get(format!("{}/__sandbox/csp-reports", self.base_url)).await.map_err(|e| e.to_string())?;
        answer.json().await.map_err(|e| e.to_string())
    }

    /// Signs in through the sign-in page and waits for the board.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.open("/sign-in").await;
        self.fill("#sign-in-email", email).await;
        self.fill("#sign-in-password", password).await;
        self.click("button[type=submit]").await;
        self.wait_for(".board-member").await;
    }

    /// Clears an input and types `text` into it.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.unwrap_or_else(|e| panic!("clearing {css}: {e}"));
        field.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// Sets a field's value the way a picker would (date inputs do not take typed text
    /// portably), firing the events the board listens to.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.js(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];
             el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![css.into(), value.into()],
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap_or_else(|e| panic!("reading {css}: {e}"))
    }

    pub async fn count(&self, css: &str) -> usize {
        self.browser.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0)
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.browser.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `check` (a script returning true when ready) for up to 10 seconds.
    pub async fn wait_until(&self, what: &str, check: &str) {
        self.wait_until_for(what, 10, check).await
    }

    /// `wait_until` with a limit of `seconds`.
    ///
    /// Each time, `check` runs one timer turn after it is asked for. The board's router moves
    /// the address at once and the screen on the next task (so a page's own handler finishes
    /// first): read at once, a check could see the new address over the screen before. One
    /// turn later, whatever the page was told to do before the check has begun (a list that
    /// loads is busy, not stale). Seen: a tag's list taken for ready with the rows before it.
    pub async fn wait_until_for(&self, what: &str, seconds: u64, check: &str) {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let script = format!(
            "const done = arguments[arguments.length - 1];
             setTimeout(() => {{
               try {{ done((function () {{ {check} }})()); }} catch (e) {{ done({{ checkFailed: String(e) }}); }}
             }}, 0);"
        );
        loop {
            let value = self.browser.execute_async(&script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{check}"));
            if let Some(error) = value.get("checkFailed") {
                panic!("script failed: {error}\n{check}");
            }
            if value == serde_json::Value::Bool(true) {
                return;
            }
            if Instant::now() >= deadline {
                panic!("timed out waiting for {what}; the page then: {}", self.diagnosis().await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Where the page is and what it shows, for a failed wait's message: the location, the
    /// start of the main region's text, and the last requests with their durations.
    async fn diagnosis(&self) -> String {
        let script = "const main = document.querySelector('main');
            const last = performance.getEntriesByType('resource').slice(-6)
                .map(e => new URL(e.name).pathname + ' ' + Math.round(e.duration) + 'ms');
            return location.pathname + location.search + ' | main: ' + (main ? main.innerText.slice(0, 200) : '(none)')
                + ' | last requests: ' + last.join(', ');";
        match self.browser.execute(script, vec![]).await {
            Ok(serde_json::Value::String(text)) => text,
            other => format!("(could not read it: {other:?})"),
        }
    }

    /// Waits until the element's text contains `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let check = format!(
            "const el = document.querySelector({}); return !!el && el.textContent.includes({});",
            serde_json::Value::from(css),
            serde_json::Value::from(expected)
        );
        self.wait_until(&format!("{css} to show {expected:?}"), &check).await;
    }

    /// The page's path and query.
    pub async fn location(&self) -> String {
        let url = self.browser.current_url().await.expect("the current URL");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// The paths the current page has fetched from its own origin, in order: the page itself
    /// first, then every resource (Resource Timing; API calls, files and chunks alike).
    pub async fn fetched_paths(&self) -> Vec<String> {
        let script = "return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
            .map(e => new URL(e.name)).filter(u => u.origin === location.origin).map(u => u.pathname);";
        serde_json::from_value(self.js(script, vec![]).await).expect("a list of paths")
    }

    /// The `/api/` paths the current page has requested so far, in order.
    pub async fn api_paths(&self) -> Vec<String> {
        self.fetched_paths().await.into_iter().filter(|p| p.starts_with("/api/")).collect()
    }

    /// How many requests to `/api/` the page has made so far.
    pub async fn api_requests(&self) -> u64 {
        self.api_paths().await.len() as u64
    }

    pub async fn resize(&self, width: u32, height: u32) {
        self.browser.set_window_size(width, height).await.expect("resize the window");
    }

    /// A direct API client for checking what the board stored.
    pub async fn api(&self, email: &str, password: &str) -> Api {
        Api::sign_in(&self.base_url, email, password).await
    }

    /// The community manager's client: REST, sees everything (members get 401 there).
    pub async fn staff_api(&self) -> Api {
        self.api(MANAGER.0, MANAGER.1).await
    }

    /// Runs axe-core on the page (shadow roots included) for WCAG 2.0/2.1 A and AA rules and
    /// returns the violations as `"rule (impact): selectors"` lines.
    pub async fn axe_violations(&self) -> Vec<String> {
        let source = std::fs::read_to_string(axe_source()).expect("axe-core from scripts/bootstrap.sh");
        // WebDriver scripts are not page scripts: the page's CSP does not apply to them. But
        // a <style> axe would add for its stylesheet preload is the page's, so no preload
        // (it serves only css-orientation-lock, which then reports "incomplete").
        self.js(&format!("{source}\nreturn typeof axe;"), vec![]).await;
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"], preload: false })
              .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => JSON.stringify(n.target)).join(", ")} — ${v.nodes[0] ? v.nodes[0].failureSummary : ""}`)))
              .catch(e => done(["axe failed: " + e]));
        "#;
        let result = self.browser.execute_async(script, vec![]).await.expect("axe runs");
        serde_json::from_value(result).expect("a list of violations")
    }

    /// The browser console's messages since the last call (chromedriver's log of every page
    /// this journey opened), as `level: message`.
    pub async fn console_messages(&self) -> Vec<String> {
        self.browser_log().await.expect("chromedriver returns the browser log")
    }

    async fn browser_log(&self) -> Result<Vec<String>, String> {
        let entries = self.browser.issue_cmd(BrowserLog).await.map_err(|e| e.to_string())?;
        Ok(entries
            .as_array()
            .map(|list| {
                list.iter().map(|e| format!("{}: {}", e["level"].as_str().unwrap_or("?"), e["message"].as_str().unwrap_or_default())).collect()
            })
            .unwrap_or_default())
    }

    /// Ends the journey: no Content-Security-Policy violation may have been reported on any
    /// page it used, and the board's code may not have panicked on any of them (a panic
    /// leaves a page that silently stops answering; console_error_panic_hook logs it); then
    /// the browser session ends cleanly, then the sandbox.
    pub async fn finish(self) {
        // Reports are sent in the background: give the last page's a moment to arrive.
        tokio::time::sleep(Duration::from_millis(300)).await;
        // Read before the browser closes, judged after: a report list or log that cannot be
        // read still fails the journey, with the browser and the sandbox ended first.
        let reports = self.csp_report_list().await;
        let log = self.browser_log().await;
        let _ = self.browser.close().await;
        if let Some(s) = self.sandbox {
            s.stop().await;
        }
        assert_eq!(reports.expect("the sandbox's report list"), serde_json::json!([]), "Content-Security-Policy violations were reported");
        let panics: Vec<String> = log.expect("chromedriver returns the browser log").into_iter().filter(|m| m.contains("panicked at")).collect();
        assert!(panics.is_empty(), "the board panicked: {panics:#?}");
    }
}

/// Talks to the sandbox directly, to check what the board did.
pub struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Api {
    pub async fn sign_in(base: &str, email: &str, password: &str) -> Api {
        let http = reqwest::Client::new();
        let form = format!("grant_type=password&username={}&password={password}", email.replace('@', "%40"));
        let answer: serde_json::Value = http
            .post(format!("{base}/api/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
            .await
            .expect("token request")
            .json()
            .await
            .expect("token JSON");
        let token = answer["access_token"].as_str().expect("an access token").to_owned();
        Api { http, base: base.to_owned(), token }
    }

    /// Sends `method path` with the token (and a JSON body if given).
    async fn send(&self, method: reqwest::Method, path: &str, body: Option<&serde_json::Value>) -> reqwest::Response {
        let mut request = self.http.request(method, format!("{}{path}", self.base)).bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("API request")
    }

    pub async fn get(&self, path: &str) -> serde_json::Value {
        self.send(reqwest::Method::GET, path, None).await.json().await.expect("API JSON")
    }

    pub async fn status(&self, path: &str) -> u16 {
        self.send(reqwest::Method::GET, path, None).await.status().as_u16()
    }

    /// PUT a whole record; returns the status.
    pub async fn http_put(&self, path: &str, body: &serde_json::Value) -> u16 {
        self.send(reqwest::Method::PUT, path, Some(body)).await.status().as_u16()
    }

    pub async fn http_delete(&self, path: &str) -> u16 {
        self.send(reqwest::Method::DELETE, path, None).await.status().as_u16()
    }

    /// GET of a file: its status and bytes.
    pub async fn bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let response = self.send(reqwest::Method::GET, path, None).await;
        (response.status().as_u16(), response.bytes().await.expect("the answer's bytes").to_vec())
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        self.send(reqwest::Method::POST, path, Some(body)).await.json().await.expect("API JSON")
    }
}

/// The browser console's log since the last read (chromedriver's `se/log`, with the
/// `goog:loggingPrefs` capability).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(serde_json::json!({ "type": "browser" }).to_string()))
    }
}

/// A Chrome DevTools Protocol command, sent through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct CdpCommand {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(serde_json::json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}
