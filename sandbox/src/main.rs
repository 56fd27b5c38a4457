//! `sandbox`: runs the Nexudus stand-in, optionally serving the built board.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use board_sandbox::config::LargeSeed;
use board_sandbox::forward::{ForwardApi, TenantOrigin};
use board_sandbox::seed::{ACCOUNTS, DEMO_MEMBER, MANAGER};
use board_sandbox::{DirConvention, Sandbox, SandboxConfig};
use clap::{Parser, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "sandbox", about = "A local stand-in for the Nexudus community API, with demo data")]
struct Args {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// SQLite file; created and seeded if missing.
    #[arg(long, default_value = "data/sandbox.sqlite")]
    db: PathBuf,
    /// The built board to serve at `/` (trunk's dist folder).
    #[arg(long)]
    dist: Option<PathBuf>,
    /// Wipe the database and seed it again.
    #[arg(long)]
    reset: bool,
    /// Lifetime of access tokens in seconds (Nexudus uses 86400 for portal members).
    #[arg(long, default_value_t = 86400)]
    token_ttl: u64,
    /// Which documented meaning of `dir` to implement.
    #[arg(long, value_enum, default_value_t = Dir::Dev)]
    dir_convention: Dir,
    /// Write the bound address here once listening (for scripts that start it on port 0).
    #[arg(long)]
    addr_file: Option<PathBuf>,
    /// Enable fault injection through /__sandbox/faults (never on by default).
    #[arg(long)]
    faults: bool,
    /// When seeding, add a benchmark data set: 10,000 threads and 5,000 replies
    /// (one thread with 500). Use with --reset on an existing database.
    #[arg(long)]
    large: bool,
    /// Another origin allowed to call the API from a browser (repeatable); loopback origins always are.
    #[arg(long = "cors-origin")]
    cors_origins: Vec<String>,
    /// Who may embed the board in a frame (CSP frame-ancestors), e.g. "'self' https://portal.example".
    #[arg(long, default_value = "'self'")]
    frame_ancestors: String,
    /// Another API origin the board may call (CSP connect-src; repeatable), e.g. a real tenant.
    #[arg(long = "connect-src")]
    connect_src: Vec<String>,
    /// A board setting for the served index.html, as NAME=VALUE (repeatable), e.g.
    /// nexudus-api-base=https://yourspace.spaces.nexudus.com
    #[arg(long = "board-meta", value_parser = parse_meta)]
    board_meta: Vec<(String, String)>,
    /// Print the Content-Security-Policy for the board in --dist (with --frame-ancestors and
    /// --connect-src applied) and exit: what an operator serving dist/ elsewhere should send.
    #[arg(long)]
    print_csp: bool,
    /// Development against a real tenant: forward every /api request to this address
    /// (scheme and host only, e.g. https://yourspace.spaces.nexudus.com) instead of answering
    /// from the database. The board, /__sandbox and the CSP stay local, so the browser only
    /// talks to the sandbox and the tenant's CORS settings do not matter.
    #[arg(long, value_name = "TENANT_URL", value_parser = TenantOrigin::parse)]
    forward_api: Option<TenantOrigin>,
}

fn parse_meta(text: &str) -> Result<(String, String), String> {
    text.split_once('=').map(|(n, v)| (n.trim().to_owned(), v.to_owned())).ok_or_else(|| "expected NAME=VALUE".to_owned())
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Dir {
    /// 1 ascending, -1 descending (developers.nexudus.com)
    Dev,
    /// 0 ascending, 1 descending (learn.nexudus.com)
    Learn,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    // Server events (forwarded requests, CSP reports, failures) to stderr; the banner and the
    // command-line's own errors stay plain text.
    tracing_subscriber::fmt().with_writer(std::io::stderr).with_target(false).init();
    if args.print_csp {
        let Some(dist) = &args.dist else {
            eprintln!("sandbox: --print-csp needs --dist (the built board)");
            std::process::exit(2);
        };
        let html = match std::fs::read_to_string(dist.join("index.html")) {
            Ok(html) => board_sandbox::web::with_meta(&html, &args.board_meta),
            Err(e) => {
                eprintln!("sandbox: cannot read {}: {e}", dist.join("index.html").display());
                std::process::exit(2);
            }
        };
        println!("{}", board_sandbox::csp::policy(&html, &args.frame_ancestors, &args.connect_src));
        return;
    }
    let config = SandboxConfig {
        addr: args.addr,
        db_path: args.db.clone(),
        dist_dir: args.dist.clone(),
        access_token_ttl: Duration::from_secs(args.token_ttl),
        dir_convention: match args.dir_convention {
            Dir::Dev => DirConvention::Dev,
            Dir::Learn => DirConvention::Learn,
        },
        reset: args.reset,
        faults: args.faults,
        large: args.large.then(LargeSeed::default),
        cors_origins: args.cors_origins.clone(),
        frame_ancestors: args.frame_ancestors.clone(),
        connect_src: args.connect_src.clone(),
        board_meta: args.board_meta.clone(),
        forward_api: args.forward_api.clone().map(ForwardApi::new),
    };
    let sandbox = match Sandbox::start(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sandbox: could not start on {} with {}: {e}", args.addr, args.db.display());
            std::process::exit(1);
        }
    };
    if let Some(path) = &args.addr_file {
        if let Err(e) = std::fs::write(path, sandbox.url()) {
            eprintln!("sandbox: could not write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    print_banner(&sandbox, &args);
    sandbox
        .run_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    eprintln!("sandbox: stopped; data kept in {}", args.db.display());
}

fn print_banner(sandbox: &Sandbox, args: &Args) {
    let state = if sandbox.seeded { "new, seeded with demo data" } else { "existing data kept" };
    println!("Community Board sandbox");
    println!("  database  {} ({state})", args.db.display());
    match &args.dist {
        Some(dist) => {
            println!("  board     {}/  (serving {})", sandbox.url(), dist.display());
            println!("  embedded  {}/portal/community/  (the board in a stand-in portal)", sandbox.url());
        }
        None if args.forward_api.is_none() => println!("  api       {}/api", sandbox.url()),
        None => {}
    }
    if let Some(tenant) = &args.forward_api {
        println!("  api       {}/api -> {tenant}/api (forwarded; sign in with an account on that tenant)", sandbox.url());
    } else {
        println!("  sign in   {} / {}  (a member: the Public API)", DEMO_MEMBER.email, DEMO_MEMBER.password);
        println!("  staff     {} / {}  (the community manager: REST)", MANAGER.email, MANAGER.password);
        let others = ACCOUNTS.iter().filter(|a| a.user_id != DEMO_MEMBER.user_id && a.user_id != MANAGER.user_id);
        println!("  others    {}", others.map(|a| a.email).collect::<Vec<_>>().join(", "));
    }
    if args.faults {
        println!("  faults    enabled: POST {}/__sandbox/faults", sandbox.url());
    }
    println!("Press Ctrl-C to stop.");
}
