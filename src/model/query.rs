//! Query strings for list requests, built the way Nexudus documents them (contract doc §4.2).

/// Percent-encodes a query or form value (RFC 3986 unreserved characters pass through).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Sort direction. The docs disagree on the wire form (`1`/`-1` versus `0`/`1`, §10.2), so
/// the form sent is a setting of the client, not of this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// Which documented meaning of `dir` the server follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirConvention {
    /// developers.nexudus.com: `1` ascending, `-1` descending.
    #[default]
    Dev,
    /// learn.nexudus.com: `0` ascending, `1` descending.
    Learn,
}

impl DirConvention {
    pub fn code(self, dir: Direction) -> &'static str {
        match (self, dir) {
            (DirConvention::Dev, Direction::Ascending) => "1",
            (DirConvention::Dev, Direction::Descending) => "-1",
            (DirConvention::Learn, Direction::Ascending) => "0",
            (DirConvention::Learn, Direction::Descending) => "1",
        }
    }
}

/// A page of threads: `page`, `size`, `orderBy`, `dir` and filters.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadQuery {
    pub page: u32,
    pub size: u32,
    pub order_by: &'static str,
    pub dir: Direction,
    pub group: Option<i64>,
}

pub const PAGE_SIZE: u32 = 25;

impl Default for ThreadQuery {
    /// Most recent activity first, a page of 25.
    fn default() -> Self {
        ThreadQuery { page: 1, size: PAGE_SIZE, order_by: "LastMessageDate", dir: Direction::Descending, group: None }
    }
}

impl ThreadQuery {
    pub fn to_query_string(&self, convention: DirConvention) -> String {
        let mut parts = vec![
            format!("page={}", self.page.max(1)),
            format!("size={}", self.size.clamp(1, 1000)),
            format!("orderBy={}", self.order_by),
            format!("dir={}", convention.code(self.dir)),
        ];
        if let Some(group) = self.group {
            parts.push(format!("CommunityThread_CommunityGroup={group}"));
        }
        parts.join("&")
    }
}

/// `?id=[1,2,3]`: the batch form that fetches many records in one request.
pub fn batch_ids_query(ids: &[i64]) -> String {
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    format!("id={}", encode(&format!("[{list}]")))
}
