//! The sandbox as a separate process under load from this one: many concurrent clients reading
//! and writing for a bounded time, with zero errors and nothing lost; and durability when the
//! process is killed in the middle of writes. Loopback only; every loop is bounded.
//!
//! Figures (requests, errors, p50/p99, rows written and found) are printed; run with
//! `--nocapture` to see them. Nothing here asserts a duration.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const SANDBOX: &str = env!("CARGO_BIN_EXE_sandbox");

/// The sandbox binary, killed when dropped.
struct Process {
    child: Child,
    url: String,
}

impl Process {
    fn start(db: &Path, dir: &Path) -> Process {
        let addr_file = dir.join(format!("addr-{}", std::process::id()));
        let _ = std::fs::remove_file(&addr_file);
        let child = Command::new(SANDBOX)
            .args(["--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .arg("--addr-file")
            .arg(&addr_file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the sandbox binary");
        // Owned at once, so a start that times out is still killed and waited for (Drop).
        let mut process = Process { child, url: String::new() };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(url) = std::fs::read_to_string(&addr_file) {
                if !url.is_empty() {
                    process.url = url;
                    return process;
                }
            }
            assert!(Instant::now() < deadline, "the sandbox did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
    }
}

async fn token(http: &reqwest::Client, url: &str) -> String {
    let answer: Value = http
        .post(format!("{url}/api/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        // The community manager: staff, who write over REST.
        .body("grant_type=password&username=manager%40example.com&password=demo-manager")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["access_token"].as_str().unwrap().to_owned()
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    errors: Vec<String>,
    threads: Vec<i64>,
    replies: Vec<i64>,
}

/// One client: a mix of reads and writes until `until`.
async fn client(http: reqwest::Client, url: String, token: String, seed: u64, until: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut n = seed;
    while Instant::now() < until {
        n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let pick = (n >> 33) % 10;
        let started = Instant::now();
        let request = match pick {
            0 => http.post(format!("{url}/api/community/communitythreads")).json(&json!({
                "BusinessId": 1001, "UserId": 2011, "CommunityGroupId": 4001, "Subject": format!("load {seed}-{n}"), "Message": "m"
            })),
            1 | 2 => http.post(format!("{url}/api/community/communitymessages")).json(&json!({
                "CommunityThreadId": 10062, "UserId": 2011, "Message": format!("reply {seed}-{n}")
            })),
            _ => http.get(format!("{url}/api/community/communitythreads?page={}&orderBy=LastMessageDate&dir=-1", 1 + (n >> 40) % 3)),
        };
        match request.bearer_auth(&token).send().await {
            Ok(response) => {
                let status = response.status();
                let body: Result<Value, _> = response.json().await;
                tally.latencies_us.push(started.elapsed().as_micros() as u64);
                match (status.as_u16(), body) {
                    (200, Ok(body)) => match pick {
                        0 => tally.threads.push(body["Value"]["Id"].as_i64().unwrap()),
                        1 | 2 => tally.replies.push(body["Value"]["Id"].as_i64().unwrap()),
                        _ => {}
                    },
                    (status, body) => tally.errors.push(format!("{status}: {body:?}")),
                }
            }
            Err(e) => tally.errors.push(e.to_string()),
        }
    }
    tally
}

fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn count_found(http: &reqwest::Client, url: &str, token: &str, path: &str, ids: &[i64]) -> usize {
    let mut found = 0;
    for chunk in ids.chunks(200) {
        let list = chunk.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let records: Value = http.get(format!("{url}{path}/?id=[{list}]")).bearer_auth(token).send().await.unwrap().json().await.unwrap();
        found += records.as_array().map_or(0, Vec::len);
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_clients_for_a_bounded_time_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let process = Process::start(&dir.path().join("load.sqlite"), dir.path());
    let http = reqwest::Client::new();
    let token = token(&http, &process.url).await;
    const CLIENTS: u64 = 24;
    let until = Instant::now() + Duration::from_secs(3);
    let tasks: Vec<_> = (0..CLIENTS).map(|c| tokio::spawn(client(http.clone(), process.url.clone(), token.clone(), c + 1, until))).collect();
    let mut all = Tally::default();
    for task in tasks {
        let t = task.await.unwrap();
        all.latencies_us.extend(t.latencies_us);
        all.errors.extend(t.errors);
        all.threads.extend(t.threads);
        all.replies.extend(t.replies);
    }
    all.latencies_us.sort_unstable();
    let threads_found = count_found(&http, &process.url, &token, "/api/community/communitythreads", &all.threads).await;
    let replies_found = count_found(&http, &process.url, &token, "/api/community/communitymessages", &all.replies).await;
    println!(
        "load: {CLIENTS} clients, 3 s: {} requests, {} errors, p50 {:.1} ms, p99 {:.1} ms; threads written {} found {}; replies written {} found {}",
        all.latencies_us.len(),
        all.errors.len(),
        percentile(&all.latencies_us, 0.50) as f64 / 1000.0,
        percentile(&all.latencies_us, 0.99) as f64 / 1000.0,
        all.threads.len(),
        threads_found,
        all.replies.len(),
        replies_found,
    );
    assert!(all.errors.is_empty(), "errors under load: {:?}", &all.errors[..all.errors.len().min(5)]);
    assert!(!all.threads.is_empty() && !all.replies.is_empty(), "the mix wrote something");
    assert_eq!(threads_found, all.threads.len(), "every acknowledged thread is stored");
    assert_eq!(replies_found, all.replies.len(), "every acknowledged reply is stored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_in_the_middle_of_writes_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite");
    let mut process = Process::start(&db, dir.path());
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let token = token(&http, &process.url).await;
    let until = Instant::now() + Duration::from_secs(3);
    let tasks: Vec<_> = (0..12).map(|c| tokio::spawn(client(http.clone(), process.url.clone(), token.clone(), 100 + c, until))).collect();
    // Kill -9 while the writers are busy.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    process.kill();
    let mut acknowledged = Tally::default();
    for task in tasks {
        let t = task.await.unwrap();
        acknowledged.threads.extend(t.threads);
        acknowledged.replies.extend(t.replies);
    }
    let restarted = Process::start(&db, dir.path());
    let token = self::token(&http, &restarted.url).await;
    let threads_found = count_found(&http, &restarted.url, &token, "/api/community/communitythreads", &acknowledged.threads).await;
    let replies_found = count_found(&http, &restarted.url, &token, "/api/community/communitymessages", &acknowledged.replies).await;
    println!(
        "crash: {} threads and {} replies acknowledged before the kill; {} and {} found after the restart",
        acknowledged.threads.len(),
        acknowledged.replies.len(),
        threads_found,
        replies_found
    );
    assert!(!acknowledged.threads.is_empty() || !acknowledged.replies.is_empty(), "writes happened before the kill");
    assert_eq!(threads_found, acknowledged.threads.len());
    assert_eq!(replies_found, acknowledged.replies.len());
}
