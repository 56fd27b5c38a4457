//! Writing at most once. After a failure that leaves the outcome unknown (no answer, a 5xx,
//! an unreadable answer), the write may have happened: look for it before saying it failed,
//! and look again before sending it again.

use std::future::Future;

use super::error::ApiError;

/// What became of a write, and whether its fate is still unknown.
pub struct Outcome {
    pub result: Result<i64, ApiError>,
    /// True when the write failed ambiguously and was not found: the next attempt must look
    /// before it sends.
    pub unsure: bool,
}

/// `find` looks for the write (its id if it exists); `create` sends it. `was_unsure` carries
/// the previous attempt's `Outcome::unsure`.
pub async fn send_once<Find, Found, Create>(was_unsure: bool, find: Find, create: Create) -> Outcome
where
    Find: Fn() -> Found,
    Found: Future<Output = Result<Option<i64>, ApiError>>,
    Create: Future<Output = Result<i64, ApiError>>,
{
    if was_unsure {
        if let Ok(Some(id)) = find().await {
            return Outcome { result: Ok(id), unsure: false };
        }
    }
    match create.await {
        Ok(id) => Outcome { result: Ok(id), unsure: false },
        Err(e) if e.is_ambiguous() => match find().await {
            Ok(Some(id)) => Outcome { result: Ok(id), unsure: false },
            _ => Outcome { result: Err(e), unsure: true },
        },
        Err(e) => Outcome { result: Err(e), unsure: false },
    }
}
