//! Which failed GETs are worth another try, and after how long.

use super::ApiError;

/// How long to wait before retrying a GET after `error` on attempt `attempt` (0 = the first
/// retry), or `None` when it should not be retried. Writes are never retried this way.
pub fn retry_delay_ms(attempt: u32, error: &ApiError) -> Option<f64> {
    use ApiError::*;
    const MAX_RETRIES: u32 = 2;
    if attempt >= MAX_RETRIES {
        return None;
    }
    match error {
        // Nexudus says when: honour it (within reason).
        Throttled(seconds) => Some(f64::from((*seconds).clamp(1, 30)) * 1000.0),
        Server(status) if *status >= 500 => Some(backoff(attempt)),
        Network(_) | Timeout | Decode(_) => Some(backoff(attempt)),
        _ => None,
    }
}

fn backoff(attempt: u32) -> f64 {
    400.0 * 3f64.powi(attempt as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_are_retried_and_only_twice() {
        assert_eq!(retry_delay_ms(0, &ApiError::Throttled(3)), Some(3000.0));
        assert_eq!(retry_delay_ms(0, &ApiError::Server(503)), Some(400.0));
        assert_eq!(retry_delay_ms(1, &ApiError::Timeout), Some(1200.0));
        assert_eq!(retry_delay_ms(2, &ApiError::Timeout), None);
        assert_eq!(retry_delay_ms(0, &ApiError::NotFound), None);
        assert_eq!(retry_delay_ms(0, &ApiError::NotAllowed), None);
        assert_eq!(retry_delay_ms(0, &ApiError::Validation(vec![])), None);
    }
}
