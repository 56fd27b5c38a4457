//! The one HTTP client: base URL, bearer token with refresh, a time bound on every request,
//! JSON decoding, and status → error mapping.

use std::cell::{Cell, RefCell};

use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::error::ApiError;
use super::retry;
use crate::host_token::{HostToken, TokenReason};
use crate::model::backend::ApiChoice;
use crate::model::json_read::from_json;
use crate::model::pacing;
use crate::model::query::DirConvention;
use crate::model::query::PageSizes;
use crate::model::{ActionEnvelope, OAuthError, TokenRequest, TokenResponse};
use crate::session::Session;

/// Renew the access token this long before it expires.
const REFRESH_MARGIN_MS: f64 = 60_000.0;
/// No request waits longer than this for an answer.
pub const REQUEST_TIMEOUT_MS: i32 = 20_000;

#[derive(Clone)]
pub struct ApiClient {
    /// `https://{space}.spaces.nexudus.com` or the sandbox origin, without a trailing slash.
    base: String,
    /// Which API the deployment asked for (`auto` decides after sign-in: `api::choice`).
    pub api: ApiChoice,
    pub dir_convention: DirConvention,
    /// Records per list page and per page of replies.
    pub page_sizes: PageSizes,
    /// One location (business) only, when the board is set to one.
    pub business: Option<i64>,
    /// Requests of this client wait until no screen-content request is in flight (see
    /// `in_background`).
    background: bool,
    session: Session,
}

impl ApiClient {
    pub fn new(base: &str, session: Session) -> Self {
        ApiClient {
            base: base.trim_end_matches('/').to_owned(),
            api: ApiChoice::Auto,
            dir_convention: DirConvention::Dev,
            page_sizes: PageSizes::default(),
            business: None,
            background: false,
            session,
        }
    }

    pub fn session(&self) -> Session {
        self.session
    }

    /// The same client for requests that are not what the member is waiting to see (likes,
    /// follows, group names, membership checks): they go after the screen's own requests.
    /// With Nexudus' one request per 100 ms, three such requests sent first would hold the
    /// replies back by 300 ms.
    pub fn in_background(&self) -> ApiClient {
        ApiClient { background: true, ..self.clone() }
    }

    /// Counts as a screen request while it lives, unless this client is a background one
    /// (`in_background`): held by each request, and by a screen's read while it waits for
    /// code it needs before its request can go (a chunk, `staff_reads`).
    pub(super) fn as_screen_request(&self) -> Option<ForegroundRequest> {
        (!self.background).then(ForegroundRequest::start)
    }

    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base)
    }

    // The transport below deals in response text and is not generic: only `parse` is
    // instantiated per response type. (Generic async functions are copied whole for every
    // type they are used with; that was tens of KB of wasm.)

    /// GET, retried with backoff (and after `Retry-After`) when the failure is transient,
    /// an answer that is not the JSON expected included.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        // The page may have asked already (index.html, see `early`): its answer, when it is
        // one; anything else is asked again below, as if it had not.
        if let Some(text) = self.early_answer(path).await {
            if let Ok(value) = parse::<T>(&text) {
                return Ok(value);
            }
        }
        let mut value = None;
        self.get_accepted(path, &mut |text| {
            value = Some(parse::<T>(text)?);
            Ok(())
        })
        .await?;
        value.ok_or_else(|| ApiError::Decode("no answer".into()))
    }

    /// The text of the answer the page's early script got for this GET, if it asked for it.
    async fn early_answer(&self, path: &str) -> Option<String> {
        let early = super::early::take_read(&self.url(path))?;
        let (answer, sent_at) = early.response().await;
        if let Some(sent_at) = sent_at {
            // It counts against the rate limits like any request of this page.
            PACER.with(|p| p.borrow_mut().reserve(sent_at, false));
        }
        answer_text(answer.ok()?).await.ok()
    }

    /// Whether the token may make this GET: `Ok(false)` for a 401, which here is an answer and
    /// not a reason to renew the session (no refresh, no retry, no host renewal).
    pub async fn probe(&self, path: &str) -> Result<bool, ApiError> {
        match self.send(Method::GET, path, None, self.session.access_token().as_deref()).await {
            Ok(_) => Ok(true),
            Err(ApiError::NotAllowed) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// GET of a file: its bytes and declared type. A path of its own, not `authorised`'s: only
    /// the thread screen's chunk calls it, and the text path every screen uses stays as small
    /// as it was. A 401 renews the token once; nothing else is retried (a file that fails
    /// shows as such).
    pub async fn get_bytes(&self, path: &str) -> Result<(Vec<u8>, String), ApiError> {
        let mut token = self.session.access_token();
        let mut renewed = false;
        loop {
            if self.background {
                wait_for_foreground().await;
            }
            wait_turn(false).await;
            let response = send_with_timeout(self.request(Method::GET, path, token.as_deref()), None).await?;
            match response.status() {
                200..=299 => {
                    let content_type = response.headers().get("Content-Type").unwrap_or_default();
                    let bytes = response.binary().await.map_err(|e| ApiError::Network(e.to_string()))?;
                    return Ok((bytes, content_type));
                }
                401 if !renewed => {
                    renewed = true;
                    token = Some(self.token_after_refusal(token.as_deref()).await?);
                }
                other => return Err(answer_text(response).await.err().unwrap_or(ApiError::Server(other))),
            }
        }
    }

    /// POST of a JSON body (see `body`), or of none.
    pub async fn post(&self, path: &str, body: Option<String>) -> Result<ActionEnvelope, ApiError> {
        parse(&self.authorised(Method::POST, path, body).await?)
    }

    /// PUT of a whole record (REST's update takes the full record, `Id` included).
    pub async fn put(&self, path: &str, body: String) -> Result<ActionEnvelope, ApiError> {
        parse(&self.authorised(Method::PUT, path, Some(body)).await?)
    }

    pub async fn delete(&self, path: &str) -> Result<ActionEnvelope, ApiError> {
        parse(&self.authorised(Method::DELETE, path, None).await?)
    }

    /// GETs until `accept` takes the answer, or the failure is not worth another try.
    async fn get_accepted(&self, path: &str, accept: &mut dyn FnMut(&str) -> Result<(), ApiError>) -> Result<(), ApiError> {
        let mut attempt = 0;
        loop {
            match self.authorised(Method::GET, path, None).await.and_then(|text| accept(&text)) {
                Err(e) => match retry::retry_delay_ms(attempt, &e) {
                    Some(delay) => {
                        crate::browser::sleep_ms(delay as i32).await;
                        attempt += 1;
                    }
                    None => return Err(e),
                },
                ok => return ok,
            }
        }
    }

    /// Sends with the member's token. A 401 gets one refresh and one retry (a 401 means the
    /// request was not carried out, so repeating it is safe); a second 401 means the member
    /// lacks the permission.
    async fn authorised(&self, method: Method, path: &str, body: Option<String>) -> Result<String, ApiError> {
        if self.session.expires_within(REFRESH_MARGIN_MS) {
            // A failure here surfaces as the 401 below.
            let _ = self.refresh().await;
        }
        let token = self.session.access_token();
        match self.send(method.clone(), path, body.clone(), token.as_deref()).await {
            Err(ApiError::NotAllowed) => {}
            other => return other,
        }
        let renewed = self.token_after_refusal(token.as_deref()).await?;
        self.send(method, path, body, Some(&renewed)).await
    }

    /// The token to retry with after a 401 to a request sent with `used`: the one another
    /// request renewed meanwhile, or a renewed one. A renewal that fails signs the member out
    /// (and forgets the session).
    async fn token_after_refusal(&self, used: Option<&str>) -> Result<String, ApiError> {
        if self.session.access_token().as_deref() == used && self.refresh().await.is_err() {
            self.session.expire();
            return Err(ApiError::SignedOut);
        }
        self.session.access_token().ok_or(ApiError::SignedOut)
    }

    /// A request to `path` with the member's `token`, asking for JSON.
    fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = RequestBuilder::new(&self.url(path)).method(method).header("Accept", "application/json");
        match token {
            Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
            None => builder,
        }
    }

    async fn send(&self, method: Method, path: &str, body: Option<String>, token: Option<&str>) -> Result<String, ApiError> {
        if self.background {
            wait_for_foreground().await;
        }
        let _foreground = self.as_screen_request();
        wait_turn(method != Method::GET).await;
        let mut builder = self.request(method, path, token);
        if body.is_some() {
            builder = builder.header("Content-Type", "application/json");
        }
        answer_text(send_with_timeout(builder, body).await?).await
    }

    /// Exchanges the refresh token for new tokens (the server rotates the refresh token).
    /// Safe to call from several requests at once: whoever finds the token already renewed
    /// by another just uses it.
    pub async fn refresh(&self) -> Result<(), ApiError> {
        if let Some(host) = self.session.host_token() {
            return self.renew_from_host(&host).await;
        }
        let Some(refresh_token) = self.session.refresh_token() else {
            return Err(ApiError::SignedOut);
        };
        let renewed = match super::early::take(&self.url("/api/token"), &refresh_token) {
            Some(early) => {
                // It counts against the rate limits like any request of this page.
                PACER.with(|p| p.borrow_mut().reserve(early.sent_at, true));
                async { parse::<TokenResponse>(&answer_text(early.response().await?).await?) }.await
            }
            None => self.token_request(&TokenRequest::Refresh { refresh_token: refresh_token.clone() }).await,
        };
        match renewed {
            Ok(tokens) => {
                self.session.set_tokens(tokens);
                Ok(())
            }
            Err(_) if self.session.refresh_token().is_some_and(|now| now != refresh_token) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// One renewal from the host for however many requests were refused at once (the thread
    /// and its replies are fetched together): the others await the same renewal.
    async fn renew_from_host(&self, host: &HostToken) -> Result<(), ApiError> {
        let renewal = HOST_RENEWAL.with(|slot| {
            slot.borrow_mut()
                .get_or_insert_with(|| {
                    let (client, host) = (self.clone(), host.clone());
                    async move {
                        // Bounded like a request: a host that never answers signs the member out
                        // instead of holding every request for good.
                        let asked = Box::pin(client.token_from_host(&host, TokenReason::Expired));
                        let renewed = match futures::future::select(asked, Box::pin(crate::browser::sleep_ms(REQUEST_TIMEOUT_MS))).await {
                            futures::future::Either::Left((renewed, _)) => renewed,
                            futures::future::Either::Right(_) => Err(ApiError::Host("getToken() gave no token within 20 s".into())),
                        };
                        // The next refusal asks the host again.
                        HOST_RENEWAL.with(|slot| slot.borrow_mut().take());
                        renewed
                    }
                    .boxed_local()
                    .shared()
                })
                .clone()
        });
        renewal.await
    }

    /// Asks the embedding host for a token. The host knows nothing of its lifetime, so the
    /// board keeps it until the API answers 401 and then asks again.
    pub async fn token_from_host(&self, host: &HostToken, reason: TokenReason) -> Result<(), ApiError> {
        let token = host.fetch(reason).await.map_err(ApiError::Host)?;
        self.session.set_tokens(TokenResponse { access_token: token, token_type: None, expires_in: None, refresh_token: None });
        Ok(())
    }

    /// `POST /api/token` (password or refresh grant). The `client_id` header ties the refresh
    /// token to this tab.
    pub async fn token_request(&self, request: &TokenRequest) -> Result<TokenResponse, ApiError> {
        wait_turn(true).await;
        let builder = Request::post(&self.url("/api/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("client_id", &self.session.client_id());
        parse(&answer_text(send_with_timeout(builder, Some(request.to_form())).await?).await?)
    }
}

thread_local! {
    /// One pacer for the whole page: the limits are per client, not per component.
    static PACER: std::cell::RefCell<pacing::Pacer> = std::cell::RefCell::new(pacing::Pacer::default());
}

/// Replaces the page's pacer (the app does this once, from its configuration).
pub fn configure_pacing(limits: pacing::Limits) {
    PACER.with(|p| *p.borrow_mut() = pacing::Pacer::with_limits(limits));
}

/// A renewal from the embedding host, awaited by every request it is for.
type HostRenewal = Shared<LocalBoxFuture<'static, Result<(), ApiError>>>;

thread_local! {
    /// The renewal from the embedding host on its way, shared by every request it is for.
    static HOST_RENEWAL: RefCell<Option<HostRenewal>> = const { RefCell::new(None) };
    /// Screen-content requests waiting or in flight.
    static FOREGROUND: Cell<u32> = const { Cell::new(0) };
    /// Background requests waiting for the foreground ones to be done.
    static BACKGROUND_WAITING: RefCell<Vec<oneshot::Sender<()>>> = const { RefCell::new(Vec::new()) };
}

/// Counts one foreground request for as long as it lives, however it ends (see
/// `ApiClient::as_screen_request`): a background request that took the pacing turn meanwhile
/// would push the screen's request one spacing later.
pub(super) struct ForegroundRequest;

impl ForegroundRequest {
    fn start() -> Self {
        FOREGROUND.with(|f| f.set(f.get() + 1));
        ForegroundRequest
    }
}

impl Drop for ForegroundRequest {
    fn drop(&mut self) {
        FOREGROUND.with(|f| f.set(f.get().saturating_sub(1)));
        // Released one task later, and only if no screen request started meanwhile: an answer
        // often leads straight to the screen's next request (the list's groups), which goes
        // before anything in the background.
        if FOREGROUND.with(|f| f.get()) == 0 {
            crate::browser::after_ms(0, release_background);
        }
    }
}

/// Lets the waiting background requests go, if no screen request is queued or in flight.
fn release_background() {
    if FOREGROUND.with(|f| f.get()) == 0 {
        for waiting in BACKGROUND_WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
            let _ = waiting.send(());
        }
    }
}

/// A background request waits while foreground ones are queued or in flight (never more
/// than the request time bound, so a hung request cannot starve it for good).
async fn wait_for_foreground() {
    // One task first: a screen being rendered in this same turn starts its requests now.
    crate::browser::sleep_ms(0).await;
    if FOREGROUND.with(|f| f.get()) == 0 {
        return;
    }
    let (done, foreground_done) = oneshot::channel();
    BACKGROUND_WAITING.with(|w| w.borrow_mut().push(done));
    let bound = crate::browser::sleep_ms(REQUEST_TIMEOUT_MS);
    futures::future::select(foreground_done, Box::pin(bound)).await;
}

/// Waits until this request may start without breaking Nexudus' rate limits.
async fn wait_turn(write: bool) {
    let now = crate::browser::now_ms();
    let start = PACER.with(|p| p.borrow_mut().reserve(now, write));
    if start > now {
        crate::browser::sleep_ms((start - now).ceil() as i32).await;
    }
}

/// Builds and sends the request, aborting it after `REQUEST_TIMEOUT_MS`, or when the future
/// is dropped before the answer came (its screen went away: `components::reads`).
async fn send_with_timeout(builder: RequestBuilder, body: Option<String>) -> Result<Response, ApiError> {
    let mut in_flight = InFlight::start();
    let signal = in_flight.as_ref().map(|f| f.controller.signal());
    let builder = builder.abort_signal(signal.as_ref());
    let request = match body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Network(e.to_string()))?;
    let result = request.send().await;
    if let Some(in_flight) = &mut in_flight {
        in_flight.answered = true;
    }
    drop(in_flight);
    result.map_err(|e| if signal.as_ref().is_some_and(|s| s.aborted()) { ApiError::Timeout } else { ApiError::Network(e.to_string()) })
}

/// A request on its way: its controller, and the timer that aborts it at the time bound.
/// Dropped unanswered, it aborts the request; either way it stops the timer.
struct InFlight {
    controller: web_sys::AbortController,
    timer: Option<i32>,
    answered: bool,
    // Kept alive until the timer is cleared: the timer calls it.
    _on_timeout: Closure<dyn FnMut()>,
}

impl InFlight {
    fn start() -> Option<InFlight> {
        let controller = web_sys::AbortController::new().ok()?;
        let on_timeout = {
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || controller.abort())
        };
        let timer =
            web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), REQUEST_TIMEOUT_MS).ok();
        Some(InFlight { controller, timer, answered: false, _on_timeout: on_timeout })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
        if !self.answered {
            self.controller.abort();
        }
    }
}

/// A 2xx answer's text, or the error the contract says the status means.
async fn answer_text(response: Response) -> Result<String, ApiError> {
    let status = response.status();
    let retry = retry_after(&response);
    let text = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    match status {
        200..=299 => Ok(text),
        400 => Err(bad_request(&text)),
        401 => Err(ApiError::NotAllowed),
        404 => Err(ApiError::NotFound),
        409 => Err(ApiError::Throttled(retry)),
        other => Err(ApiError::Server(other)),
    }
}

/// The one generic step: JSON text to the type the caller expects.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    from_json(text).map_err(|e| ApiError::Decode(e.to_string()))
}

/// A JSON request body. The board's bodies are strings, numbers, flags and string-keyed
/// records, which always serialize; a failure would still be reported, not panic.
pub fn body<T: Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::Decode(e.to_string()))
}

/// A 400 is either the token endpoint's OAuth error or a validation envelope.
fn bad_request(text: &str) -> ApiError {
    if let Ok(oauth) = parse::<OAuthError>(text) {
        return ApiError::OAuth(oauth);
    }
    match parse::<ActionEnvelope>(text) {
        Ok(envelope) => ApiError::Validation(envelope.errors.unwrap_or_default()),
        Err(_) => ApiError::Server(400),
    }
}

fn retry_after(response: &Response) -> u32 {
    response.headers().get("Retry-After").and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}
