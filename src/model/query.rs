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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadQuery {
    pub page: u32,
    pub size: u32,
    pub order_by: &'static str,
    pub dir: Direction,
    pub group: Option<i64>,
    /// `CommunityThread_Business`: one location's threads, when the board is set to one.
    pub business: Option<i64>,
    pub tag: Option<String>,
    /// Free text over subject OR message: the API layer turns it into two requests.
    pub search: Option<String>,
    /// `CommunityThread_Subject` (contains, without case).
    pub subject: Option<String>,
    /// `CommunityThread_Message` (contains, without case).
    pub message: Option<String>,
}

pub const PAGE_SIZE: u32 = 25;
pub const REPLIES_PAGE_SIZE: u32 = 50;

impl Default for ThreadQuery {
    /// Most recent activity first, a page of 25.
    fn default() -> Self {
        ThreadQuery {
            page: 1,
            size: PAGE_SIZE,
            order_by: "LastMessageDate",
            dir: Direction::Descending,
            group: None,
            business: None,
            tag: None,
            search: None,
            subject: None,
            message: None,
        }
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
        if let Some(business) = self.business {
            parts.push(format!("CommunityThread_Business={business}"));
        }
        for (key, value) in
            [("CommunityThread_Tags", &self.tag), ("CommunityThread_Subject", &self.subject), ("CommunityThread_Message", &self.message)]
        {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                parts.push(format!("{key}={}", encode(v)));
            }
        }
        parts.join("&")
    }
}

/// The list screen's state as it lives in the URL (`?group=&tag=&q=&unread=1&page=`), so
/// back, forward, reload and shared links all work.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilters {
    pub group: Option<i64>,
    pub tag: Option<String>,
    pub q: Option<String>,
    /// Only conversations with activity the member has not seen (`model::seen`): one page,
    /// looked for among the most recently active.
    pub unread: bool,
    pub page: u32,
}

impl ListFilters {
    /// From URL query values; anything malformed is ignored rather than an error.
    pub fn from_params(group: Option<&str>, tag: Option<&str>, q: Option<&str>, page: Option<&str>) -> Self {
        let text = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        ListFilters {
            group: group.and_then(|g| g.trim().parse().ok()),
            tag: text(tag),
            q: text(q),
            unread: false,
            page: page.and_then(|p| p.trim().parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
        }
    }

    /// With `?unread=` read: `1` (or `true`) turns the unread filter on.
    pub fn with_unread(self, value: Option<&str>) -> Self {
        let unread = value.is_some_and(|v| matches!(v.trim(), "1" | "true"));
        ListFilters { unread, page: if unread { 1 } else { self.page }, ..self }
    }

    /// The URL query (without `?`) for these filters; page 1 is left out.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(g) = self.group {
            parts.push(format!("group={g}"));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag={}", encode(t)));
        }
        if let Some(q) = &self.q {
            parts.push(format!("q={}", encode(q)));
        }
        if self.unread {
            parts.push("unread=1".to_owned());
        }
        if self.page > 1 && !self.unread {
            parts.push(format!("page={}", self.page));
        }
        parts.join("&")
    }

    /// A link to these filters on the list screen.
    pub fn href(&self) -> String {
        let q = self.to_query();
        if q.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{q}")
        }
    }

    pub fn thread_query(&self) -> ThreadQuery {
        let page = if self.unread { 1 } else { self.page };
        ThreadQuery { page, group: self.group, tag: self.tag.clone(), search: self.q.clone(), ..ThreadQuery::default() }
    }
}

/// `?id=[1,2,3]`: the batch form that fetches many records in one request.
pub fn batch_ids_query(ids: &[i64]) -> String {
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    format!("id={}", encode(&format!("[{list}]")))
}

/// Records per list page and per page of replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSizes {
    pub threads: u32,
    pub replies: u32,
}

impl Default for PageSizes {
    fn default() -> Self {
        PageSizes { threads: PAGE_SIZE, replies: REPLIES_PAGE_SIZE }
    }
}
