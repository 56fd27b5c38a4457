//! Assembles the app and runs it: `Sandbox::start` binds, seeds a new database, and serves
//! until `stop` (or drop).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use axum::Router;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::SandboxConfig;
use crate::db::Db;
use crate::faults::{self, Faults};
use crate::forward::{self, Forwarder};
use crate::{routes, seed, web};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<SandboxConfig>,
    pub faults: Faults,
    pub csp_reports: crate::csp::Reports,
    /// Set with `--forward-api`: `/api` goes to this tenant, not to the database.
    pub forwarder: Option<Arc<Forwarder>>,
}

/// Builds the router over an opened database.
pub fn app(state: AppState) -> Router {
    let api = if state.forwarder.is_some() { forward::routes() } else { routes::api_routes().route("/api/{*rest}", axum::routing::any(unknown_api)) };
    let mut router = api
        .merge(routes::media_routes())
        .route(crate::csp::REPORT_PATH, axum::routing::post(crate::csp::receive).get(crate::csp::list))
        .route("/__sandbox/{*rest}", axum::routing::any(unknown_api));
    if state.config.faults {
        router = router.merge(faults::control_routes()).layer(axum::middleware::from_fn_with_state(state.clone(), faults::inject));
    }
    if let Some(dist) = &state.config.dist_dir {
        router = web::board_files(router, dist, &state.config);
    }
    // Compressed as a production server would send them (brotli, else gzip, when the browser
    // asks): the board's wasm is a third of its size that way, and a list of 1,000 threads far
    // smaller. Answers already encoded (a forwarded tenant's) and tiny ones are left alone.
    let router = router.layer(tower_http::compression::CompressionLayer::new());
    // CORS outermost, so injected failures still reach a browser page as what they are.
    web::security_headers(router).layer(web::cors(state.config.cors_origins.clone())).with_state(state)
}

async fn unknown_api() -> impl IntoResponse {
    (StatusCode::NOT_FOUND, Json("Not found"))
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    db: Db,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    pub seeded: bool,
}

impl Sandbox {
    /// Opens (and if new, seeds) the database, binds, and starts serving in the background.
    pub async fn start(config: SandboxConfig) -> std::io::Result<Sandbox> {
        let (db, fresh) = Db::open(&config.db_path, config.reset).map_err(std::io::Error::other)?;
        if fresh {
            let now = chrono::Utc::now();
            db.with_conn(|conn| {
                seed::seed(conn, now)?;
                match config.large {
                    Some(size) => seed::seed_large(conn, now, size),
                    None => Ok(()),
                }
            })
            .map_err(std::io::Error::other)?;
        }
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        let forwarder = match &config.forward_api {
            Some(settings) if forward::points_at_itself(&settings.tenant, addr) => {
                let message = format!("--forward-api {} is this sandbox's own address; requests would go round in a loop", settings.tenant);
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, message));
            }
            Some(settings) => Some(Arc::new(Forwarder::new(settings).map_err(std::io::Error::other)?)),
            None => None,
        };
        let state = AppState { db: db.clone(), config: Arc::new(config), faults: Faults::default(), csp_reports: Default::default(), forwarder };
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, app(state)).with_graceful_shutdown(async {
                let _ = rx.await;
            });
            if let Err(e) = served.await {
                tracing::error!(error = %e, "server stopped");
            }
        });
        Ok(Sandbox { addr, db, shutdown: Some(tx), task: Some(task), seeded: fresh })
    }

    /// The database, for tests that place data no API route can (hostile names, say).
    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets in-flight requests finish, and waits for the server to end.
    pub async fn stop(self) {
        self.run_until(async {}).await
    }

    /// Serves until `signal` completes, then stops gracefully (the binary passes Ctrl-C).
    pub async fn run_until(mut self, signal: impl std::future::Future<Output = ()>) {
        signal.await;
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
