//! Search over subject OR message. REST filters are ANDed, so the board asks twice (one
//! filter each) and merges; this is the merge.

use super::dates::parse_timestamp_ms;
use super::CommunityThread;

/// Both lists, each already sorted by most recent activity, as one list in that order without
/// duplicates.
pub fn merge_by_activity(a: Vec<CommunityThread>, b: Vec<CommunityThread>) -> Vec<CommunityThread> {
    let mut all: Vec<CommunityThread> = a;
    for t in b {
        if !all.iter().any(|x| x.id == t.id) {
            all.push(t);
        }
    }
    let key = |t: &CommunityThread| t.last_activity().and_then(parse_timestamp_ms).unwrap_or(i64::MIN);
    all.sort_by(|x, y| key(y).cmp(&key(x)).then(y.id.cmp(&x.id)));
    all
}
