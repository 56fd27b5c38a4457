//! Keeping below Nexudus' rate limits (contract doc §3.4): at most one request every 100 ms,
//! 120 a minute, and 60 writes a minute. A throttled request costs the member more than a
//! short wait, so the client waits its turn instead. Pure logic; the client supplies time.

use std::collections::VecDeque;

pub const MIN_SPACING_MS: f64 = 100.0;
pub const REQUESTS_PER_MINUTE: usize = 120;
pub const WRITES_PER_MINUTE: usize = 60;
const MINUTE_MS: f64 = 60_000.0;

/// The limits to keep. Nexudus' documented ones by default; a deployment may set others
/// (`<meta name="nexudus-requests-per-minute">`, `…-writes-per-minute`, `…-request-spacing-ms`),
/// e.g. a test rig driving hundreds of pages a minute against the sandbox.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub spacing_ms: f64,
    pub per_minute: usize,
    pub writes_per_minute: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { spacing_ms: MIN_SPACING_MS, per_minute: REQUESTS_PER_MINUTE, writes_per_minute: WRITES_PER_MINUTE }
    }
}

#[derive(Debug, Default)]
pub struct Pacer {
    limits: Limits,
    last_start: Option<f64>,
    recent: VecDeque<f64>,
    recent_writes: VecDeque<f64>,
}

impl Pacer {
    pub fn with_limits(limits: Limits) -> Self {
        Pacer { limits, ..Pacer::default() }
    }

    /// Books the earliest start at or after `now` that keeps every limit, and returns it.
    pub fn reserve(&mut self, now: f64, write: bool) -> f64 {
        let Limits { spacing_ms, per_minute, writes_per_minute } = self.limits;
        let mut start = now;
        if let Some(last) = self.last_start {
            start = start.max(last + spacing_ms);
        }
        if per_minute > 0 && self.recent.len() >= per_minute {
            start = start.max(self.recent[self.recent.len() - per_minute] + MINUTE_MS);
        }
        if write && writes_per_minute > 0 && self.recent_writes.len() >= writes_per_minute {
            start = start.max(self.recent_writes[self.recent_writes.len() - writes_per_minute] + MINUTE_MS);
        }
        self.last_start = Some(start);
        push_recent(&mut self.recent, start, per_minute.max(1));
        if write {
            push_recent(&mut self.recent_writes, start, writes_per_minute.max(1));
        }
        start
    }
}

fn push_recent(window: &mut VecDeque<f64>, at: f64, limit: usize) {
    window.push_back(at);
    while window.len() > limit {
        window.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_spaced_by_100_ms() {
        let mut p = Pacer::default();
        assert_eq!(p.reserve(1000.0, false), 1000.0);
        assert_eq!(p.reserve(1000.0, false), 1100.0);
        assert_eq!(p.reserve(1050.0, true), 1200.0);
        assert_eq!(p.reserve(5000.0, false), 5000.0);
    }

    #[test]
    fn a_minute_holds_at_most_120_requests_and_60_writes() {
        let mut p = Pacer::default();
        let starts: Vec<f64> = (0..121).map(|_| p.reserve(0.0, false)).collect();
        assert_eq!(starts[119], 11_900.0);
        assert_eq!(starts[120], 60_000.0, "the 121st waits until the first is a minute old");
        let mut w = Pacer::default();
        let writes: Vec<f64> = (0..61).map(|_| w.reserve(0.0, true)).collect();
        assert_eq!(writes[60], 60_000.0);
    }

    #[test]
    fn a_deployment_may_set_other_limits() {
        let mut p = Pacer::with_limits(Limits { spacing_ms: 0.0, per_minute: 1000, writes_per_minute: 1000 });
        assert_eq!((0..5).map(|_| p.reserve(7.0, true)).collect::<Vec<_>>(), vec![7.0; 5]);
    }
}
