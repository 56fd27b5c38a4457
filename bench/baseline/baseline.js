// The vanilla-JS baseline the benchmark holds the board against: no framework, no build step.
// It makes the board's API requests in the board's order (session restore, then the screen's
// data), renders the board's markup (same elements, classes and attributes) and uses the
// board's stylesheets, so what differs in time is what the framework, the wasm and the board's
// own choices cost.
//
//   /bench-baseline/?view=list&size=25&api=portal         the list screen: the first `size` threads
//   /bench-baseline/?view=thread&id=N&size=50&api=rest    a thread and its first `size` replies
//
// `api` is the backend the board uses for the signed-in account (README, "Two backends"):
// `portal`, the Members Portal's Public API, for members (the threads come with their authors'
// names; groups once), or `rest` for staff (threads, then one batch of authors; groups; on a
// thread the member's likes, follows and mutes). Without it, the choice the harness kept in
// the tab (`community-board:api`), else `portal`, as the board.
//
// As in the board, API text only ever becomes text nodes; nothing is parsed as HTML. The
// Public API sends `Message` HTML-encoded: its character references are decoded into text
// (`decodeEntities`), so `&lt;b&gt;` shows as `<b>`, never as an element.
// Deliberately plain: one formatter per kind, a fragment per list, and no pacing of requests
// unless `&spacing=N` asks for it: then each request starts at least N ms after the one
// before, as the board paces its own (100 ms by default), for the issue's "paced plain page".

const REFRESH_KEY = 'community-board:refresh-token';
const CLIENT_ID_KEY = 'community-board:client-id';
const MEMBER_KEY = 'community-board:member';
const API_KEY = 'community-board:api';
const PORTAL = '/api/public/community/board';
/** A reply's like, as the board's reply toggle. */
const REPLY_LIKE = { label: 'Like', unknown: 'Like or unlike', count: true };

const MARKS = [
    { label: 'Like', unknown: 'Like or unlike', entity: 'CommunityThreadLike', path: '/api/community/communitythreadlikes', count: true },
    { label: 'Follow', unknown: 'Follow or unfollow', entity: 'CommunityThreadFollow', path: '/api/community/communitythreadfollows', count: true },
    { label: 'Mute', unknown: 'Mute or unmute', entity: 'CommunityThreadMute', path: '/api/community/communitythreadmutes', count: false },
];
// GroupAccess: a number on REST, a name on the Public API; anything else reads as Public.
const ACCESS = { 1: 'Restricted', 2: 'Public', 3: 'Private', restricted: 'Restricted', public: 'Public', private: 'Private' };

const origin = location.origin;
/** People's names by user id: from the REST batch, or as the Public API's answers carry them. */
const users = new Map();
let groups = [];
let accessToken = '';

// ---- requests ----

const spacingMs = Math.max(0, Number(new URLSearchParams(location.search).get('spacing')) || 0);
let lastStart = -Infinity;

/** `fetch`, started no sooner than `spacing` ms after the previous request started. The
 * turn is taken before waiting, so requests started together go one spacing apart. */
async function send(url, init) {
    const at = Math.max(performance.now(), lastStart + spacingMs);
    lastStart = at;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((go) => setTimeout(go, wait));
    return fetch(url, init);
}

/** The board's restore at load: the kept refresh token for new tokens (it rotates). */
async function restoreSession() {
    const refresh = sessionStorage.getItem(REFRESH_KEY);
    const clientId = sessionStorage.getItem(CLIENT_ID_KEY);
    if (!refresh || !clientId) throw new Error('No session to restore (the harness puts one in sessionStorage).');
    const response = await send(origin + '/api/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', client_id: clientId },
        body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(refresh)}`,
    });
    if (!response.ok) throw new Error(`Refreshing the session failed: ${response.status}`);
    const tokens = await response.json();
    accessToken = tokens.access_token;
    if (tokens.refresh_token) sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
}

async function get(path) {
    const response = await send(origin + path, { headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
}

/** Like the board's directory on REST: one batch request for the people not known yet. */
async function loadUsers(ids) {
    const missing = [...new Set(ids)].filter((id) => !users.has(id)).sort((a, b) => a - b);
    if (missing.length === 0) return;
    const found = await get(`/api/sys/users/?id=${encodeURIComponent(`[${missing.join(',')}]`)}`);
    for (const user of found) users.set(user.Id, user.FullName);
}

/** A name the Public API sent with a record (`User: {Id, FullName}` or `UserId` + `FullName`). */
function remember(id, name) {
    if (id != null) users.set(id, name || '');
}

// ---- the two backends: each answer made into the one shape the screens render ----

/** `Tags` as a list: a comma string (REST, the Public API's detail) or an array (its summaries). */
function tagsOf(tags) {
    const parts = Array.isArray(tags) ? tags : (tags || '').split(',');
    return parts.map((t) => (t == null ? '' : String(t).trim())).filter(Boolean);
}

const fromRest = {
    thread: (t) => ({
        id: t.Id,
        userId: t.UserId,
        coworkerId: t.CoworkerId,
        subject: t.Subject || '',
        message: t.Message || '',
        tags: tagsOf(t.Tags),
        private: Boolean(t.Private),
        groupId: t.CommunityGroupId ?? null,
        createdOn: t.CreatedOn,
        lastMessageDate: t.LastMessageDate,
        zoom: Boolean(t.IncludeZoomInvite || (t.ZoomEventData || '').trim() !== ''),
        guests: t.Guests || [],
        likeCount: null,
    }),
    // `like` is filled from the thread's reply likes (one request, as the board).
    reply: (m) => ({ id: m.Id, userId: m.UserId, coworkerId: m.CoworkerId, message: m.Message || '', createdOn: m.CreatedOn, like: null }),
    group: (g) => ({ id: g.Id, name: g.Name, access: ACCESS[g.GroupAccess] || 'Public', canPost: null, members: g.Members || null }),
};

const fromPortal = {
    summary: (t) => {
        remember(t.UserId, t.FullName);
        return {
            id: t.Id,
            userId: t.UserId,
            coworkerId: t.CoworkerId,
            subject: t.Subject || '',
            message: decodeEntities(t.Message || ''),
            tags: tagsOf(t.Tags),
            private: Boolean(t.Private),
            groupId: t.GroupId ?? null,
            createdOn: t.CreatedOnUtc || t.CreatedOn,
            lastMessageDate: t.LastMessageUtc || t.LastMessage,
            // A summary says nothing of a Zoom meeting, so the board shows no badge.
            zoom: false,
            guests: [],
            likeCount: t.LikeCount ?? null,
            // As the board's rows: the summary's reply count and last replier (REST has none).
            replyCount: t.MessageCount ?? null,
            lastReplyBy: (t.LastMessageUserFullName || '').trim() || null,
        };
    },
    detail: (t) => {
        const user = t.User || {};
        remember(user.Id, user.FullName);
        const tags = tagsOf(t.TagsArray);
        return {
            id: t.Id,
            userId: user.Id,
            coworkerId: t.CoworkerId,
            subject: t.Subject || '',
            message: decodeEntities(t.Message || ''),
            tags: tags.length ? tags : tagsOf(t.Tags),
            private: Boolean(t.Private),
            groupId: t.GroupId ?? null,
            createdOn: t.CreatedOnUtc || t.UtcPostedOn || t.PostedOn || t.CreatedOn,
            lastMessageDate: t.LastMessageDate,
            zoom: Boolean(t.HasZoom || t.ZoomUrl),
            // The Public API lists no guests.
            guests: [],
            likeCount: t.LikeCount ?? null,
        };
    },
    reply: (m) => {
        const user = m.User || {};
        remember(user.Id, user.FullName);
        // No portrait: a reply names its author's user, not the customer profile.
        // The member's own like is unknown until a press (the Public API only toggles).
        const like = { on: null, count: m.LikeCount ?? null };
        return { id: m.Id, userId: user.Id, coworkerId: null, message: decodeEntities(m.Message || ''), createdOn: m.CreatedOnUtc || m.UtcPostedOn || m.PostedOn || m.CreatedOn, like };
    },
    group: (g) => ({ id: g.Id, name: g.Name, access: ACCESS[String(g.GroupAccess ?? '').toLowerCase()] || 'Public', canPost: g.CanPostMessages ?? null, members: null }),
};

const BACKENDS = {
    rest: {
        /** The threads, then one batch for their authors (search would be two requests). */
        async listPage(size) {
            const page = await get(`/api/community/communitythreads?page=1&size=${size}&orderBy=LastMessageDate&dir=-1`);
            const threads = page.Records.map(fromRest.thread);
            await loadUsers(threads.map((t) => t.userId));
            return { threads, hasNext: page.HasNextPage };
        },
        /** The thread, its first replies and their likes together, then one batch of
         * everyone on screen. */
        async threadAndReplies(id, size, me) {
            const repliesPath = `/api/community/communitymessages?CommunityMessage_CommunityThread=${id}&orderBy=CreatedOn&dir=1&page=1&size=${size}`;
            const likesPath = `/api/community/communitymessagelikes?CommunityMessageLike_Message_CommunityThread=${id}&size=1000`;
            // As the board: without the likes (a role the account lacks) the replies still show.
            const [raw, envelope, likes] = await Promise.all([get(`/api/community/communitythreads/${id}`), get(repliesPath), get(likesPath).catch(() => null)]);
            const thread = fromRest.thread(raw);
            const replies = envelope.Records.map(fromRest.reply);
            // Grouped once by reply, as the board does.
            const byReply = Map.groupBy(likes?.Records || [], (l) => l.MessageId);
            for (const reply of likes ? replies : []) {
                const of = byReply.get(reply.id) || [];
                reply.like = { on: of.some((l) => l.UserId === me.userId), count: of.length };
            }
            await loadUsers([...thread.guests, thread.userId, ...replies.map((m) => m.userId)]);
            return { thread, replies, hasNext: envelope.HasNextPage };
        },
        groups: () => get('/api/community/communitygroups?size=1000&orderBy=Name').then((envelope) => envelope.Records.map(fromRest.group)),
        /** The member's likes, follows and mutes, and their counts, asked for each. */
        async markState(mark, threadId, me) {
            const marked = await get(`${mark.path}?${mark.entity}_Thread=${threadId}&size=1000`);
            return { on: marked.Records.some((m) => m.UserId === me.userId), count: marked.TotalItems ?? marked.Records.length };
        },
        /** A Restricted group's member list, fetched when a reply depends on it. */
        groupMembers: (groupId) => get(`/api/community/communitygroups/${groupId}`).then((g) => g.Members || []),
        /** Staff moderate: anyone's post may be deleted, and a conversation or reply edited. */
        moderate: true,
        editThreads: true,
        editReplies: true,
    },
    portal: {
        /** The threads with their authors' names: one request. */
        async listPage(size) {
            const page = await get(`${PORTAL}/threads?page=1&size=${size}`);
            return { threads: (page.Records || []).map(fromPortal.summary), hasNext: hasNext(page) };
        },
        /** The thread and its first replies together; the names come with them. */
        async threadAndReplies(id, size) {
            const [raw, envelope] = await Promise.all([get(`${PORTAL}/threads/${id}`), get(`${PORTAL}/threads/${id}/messages?page=1&size=${size}`)]);
            return { thread: fromPortal.detail(raw), replies: (envelope.Records || []).map(fromPortal.reply), hasNext: hasNext(envelope) };
        },
        groups: () => get(`${PORTAL}/groups`).then((answer) => (answer.Groups || answer.Records || []).map(fromPortal.group)),
        /** Nothing to ask: the Public API only toggles, so the member's own state is unknown
         * until a press; the like count came with the thread. */
        async markState(mark, threadId, me, thread) {
            return { on: null, count: mark.label === 'Like' ? thread.likeCount : null };
        },
        groupMembers: async () => [],
        moderate: false,
        editThreads: false,
        editReplies: false,
    },
};

/** `HasNextPage`, else the page counts. */
function hasNext(page) {
    if (page.HasNextPage != null) return Boolean(page.HasNextPage);
    return page.CurrentPage != null && page.TotalPages != null && page.CurrentPage < page.TotalPages;
}

async function loadGroups(api) {
    // As in the board, group names are a nicety: a failure must not hide the threads.
    groups = await api.groups().catch(() => []);
}

// ---- text ----

const relativeFormat = new Intl.RelativeTimeFormat([], { numeric: 'auto' });
const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The board's buckets: seconds under 45, minutes, hours, days, 30-day months, years. */
function relativeParts(thenMs, nowMs) {
    const s = Math.trunc((nowMs - thenMs) / 1000);
    if (s < 45) return [0, 'second'];
    if (s < 3600) return [Math.max(1, Math.trunc(s / 60)), 'minute'];
    if (s < 86400) return [Math.trunc(s / 3600), 'hour'];
    if (s < 30 * 86400) return [Math.trunc(s / 86400), 'day'];
    if (s < 365 * 86400) return [Math.trunc(s / (30 * 86400)), 'month'];
    return [Math.trunc(s / (365 * 86400)), 'year'];
}

/** API timestamps are UTC, with or without the `Z`. */
function parseStamp(stamp) {
    const text = (stamp || '').trim();
    if (!/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(text)) return null;
    let iso = text.replace(' ', 'T');
    if (!/(Z|[+-]\d\d:?\d\d)$/i.test(iso)) iso += 'Z';
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? null : ms;
}

const NAMED_REFERENCES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The board's decoding of the Public API's HTML-encoded text, into text (it is then rendered
 * as a text node like any other): the named references above and numeric ones (`&#39;`,
 * `&#x27;`); anything else (an unknown name, a number that is no character, a lone `&`) is
 * kept as it came.
 */
function decodeEntities(text) {
    if (!text.includes('&')) return text;
    return text.replace(/&([^;&]{1,10});/g, (whole, body) => {
        if (Object.hasOwn(NAMED_REFERENCES, body)) return NAMED_REFERENCES[body];
        const hex = /^#[xX]([0-9a-fA-F]+)$/.exec(body);
        const dec = /^#([0-9]+)$/.exec(body);
        if (!hex && !dec) return whole;
        const code = hex ? parseInt(hex[1], 16) : parseInt(dec[1], 10);
        // NUL and the surrogates are no characters to show.
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
        return String.fromCodePoint(code);
    });
}

function initials(name) {
    const words = name.split(/\s+/).filter(Boolean);
    const pick = words.length > 1 ? [words[0], words[words.length - 1]] : words;
    return pick.map((w) => Array.from(w)[0].toUpperCase()).join('');
}

/** The board's excerpt: whitespace folded, cut at a word past half of `max`, with an ellipsis. */
function excerpt(text, max) {
    const folded = text.split(/\s+/).filter(Boolean).join(' ');
    const chars = Array.from(folded);
    if (chars.length <= max) return folded;
    const cut = chars.slice(0, max).join('');
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const nameOf = (id) => users.get(id)?.trim() || null;
const groupOf = (id) => groups.find((g) => g.id === id);
const groupHref = (id) => `/?group=${id}`;

// ---- markup ----

/** An element with attributes (null ones left out) and children (strings become text nodes). */
function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value != null) el.setAttribute(name, value);
    }
    for (const child of children.flat()) {
        if (child != null && child !== false) el.append(child);
    }
    return el;
}

function timeEl(stamp) {
    const ms = parseStamp(stamp);
    if (ms == null) return null;
    const now = Date.now();
    const [count, unit] = ms > now ? relativeParts(now, ms) : relativeParts(ms, now);
    const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return h('time', { datetime: iso, title: absoluteFormat.format(ms) }, relativeFormat.format(ms > now ? count : -count, unit));
}

function avatar(name, coworkerId) {
    let img = null;
    if (coworkerId != null) {
        img = h('img', { src: `${origin}/media/coworker/${coworkerId}/avatar`, alt: '', loading: 'lazy' });
        img.addEventListener('error', () => img.remove());
    }
    return h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(name), img);
}

/** Text with http(s) links made clickable, as the board's message body does. */
function messageBody(text, extraClass) {
    const body = h('div', { class: `message-body ${extraClass}` });
    const endsUrl = (c) => /[\s<>"'`]/.test(c) || c < ' ';
    let plain = '';
    let i = 0;
    while (i < text.length) {
        const head = text.slice(i, i + 8).toLowerCase();
        const schemeLen = head.startsWith('https://') ? 8 : head.startsWith('http://') ? 7 : 0;
        if (schemeLen && !/[\p{L}\p{N}]$/u.test(plain)) {
            let end = i;
            while (end < text.length && !endsUrl(text[end])) end++;
            let url = text.slice(i, end);
            for (;;) {
                const last = url.slice(-1);
                const unbalanced = last === ')' && url.split('(').length < url.split(')').length;
                if (!'.,;:!?'.includes(last) && !unbalanced) break;
                url = url.slice(0, -1);
            }
            if (url.length > schemeLen) {
                if (plain) body.append(plain);
                plain = '';
                body.append(h('a', { href: url, rel: 'noopener noreferrer ugc', target: '_blank' }, url));
                i += url.length;
                continue;
            }
        }
        plain += text[i];
        i += 1;
    }
    if (plain) body.append(plain);
    return body;
}

function header() {
    return h('header', { class: 'board-header' },
        h('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
        h('a', { class: 'board-title', href: '/' }, 'Community Board'));
}

function showMember(headerEl, profile) {
    headerEl.append(h('span', { class: 'board-member' }, profile.User.FullName), h('button', { class: 'link-button', type: 'button' }, 'Sign out'));
}

/** The board's `Phrase::RowReplies` in English. */
function repliesText(count, lastBy) {
    if (count === 0) return 'No replies yet';
    const counted = `${count} ${count === 1 ? 'reply' : 'replies'}`;
    return lastBy ? `${counted}, the last by ${lastBy}` : counted;
}

function threadRow(thread) {
    const name = nameOf(thread.userId) || 'Unknown member';
    const group = thread.groupId;
    return h('li', { class: 'thread-row', 'data-thread-id': thread.id },
        avatar(name, thread.coworkerId),
        h('div', { class: 'thread-summary' },
            h('h2', { class: 'thread-subject' }, h('a', { href: `/threads/${thread.id}` }, thread.subject)),
            h('p', { class: 'thread-excerpt' }, excerpt(thread.message, 140)),
            h('p', { class: 'thread-meta' },
                h('span', { class: 'thread-author' }, name),
                group != null && [' in ', h('a', { class: 'thread-group', href: groupHref(group), 'data-group': group }, groupOf(group)?.name || 'Group')],
                ' · ',
                h('span', { class: 'thread-activity' }, timeEl(thread.lastMessageDate || thread.createdOn)),
                thread.private && h('span', { class: 'badge badge-private' }, 'Private'),
                thread.zoom && h('span', { class: 'badge badge-zoom' }, 'Zoom meeting')),
            thread.replyCount != null && h('p', { class: 'thread-replies' }, repliesText(thread.replyCount, thread.lastReplyBy)),
            h('ul', { class: 'tags', 'aria-label': 'Tags' }, thread.tags.map((tag) =>
                h('li', {}, h('a', { class: 'tag', href: `/?tag=${encodeURIComponent(tag)}`, 'aria-label': `Show conversations tagged ${tag}` }, `#${tag}`))))));
}

// ---- screens ----

async function listScreen(api, main, size) {
    // As the board: the rows' own requests first (on REST, the threads and then their
    // authors; on the Public API the threads alone); group names fill in afterwards.
    const page = await api.listPage(size);

    const list = h('ol', { class: 'thread-list', 'aria-label': 'Conversations' });
    const rows = document.createDocumentFragment();
    for (const thread of page.threads) rows.append(threadRow(thread));
    list.append(rows);
    main.append(
        h('div', { class: 'page-head' },
            h('h1', { id: 'board-heading', tabindex: '-1' }, 'Conversations'),
            h('a', { class: 'button primary', href: '/new' }, 'Start a conversation')),
        h('div', { class: 'filters' },
            h('div', { class: 'group-filter' },
                h('label', { for: 'group-filter' }, 'Group'),
                h('select', { id: 'group-filter' },
                    h('option', { value: '' }, 'All conversations'))),
            h('form', { class: 'search-box', role: 'search' },
                h('label', { for: 'thread-search' }, 'Search conversations'),
                h('input', { id: 'thread-search', type: 'search', autocomplete: 'off' }))),
        h('div', { class: 'thread-list-region', 'aria-busy': 'false' },
            list,
            page.hasNext && h('nav', { class: 'pager', 'aria-label': 'Pages' },
                h('span', { 'aria-current': 'page' }, 'Page 1'),
                h('a', { href: '/?page=2', rel: 'next' }, 'Older →'))));
    document.getElementById('board-heading').focus();
    await loadGroups(api);
    for (const link of list.querySelectorAll('a.thread-group')) {
        link.textContent = groupOf(Number(link.dataset.group))?.name || 'Group';
    }
    document.getElementById('group-filter').append(...groups.map((g) => h('option', { value: g.id }, `${g.name} (${g.access})`)));
}

function markToggle(mark, cls = `toggle toggle-${mark.label.toLowerCase()}`) {
    const count = mark.count ? h('span', { class: 'count' }) : null;
    const button = h('button', { class: cls, type: 'button', 'aria-pressed': 'false', disabled: '' }, mark.label, count);
    return { el: h('span', { class: 'mark' }, button, h('span', { class: 'form-error', role: 'alert' })), button, count };
}

/** A toggle's state once known: pressed or not, or (Public API) unknown until a press. */
function showMark(mark, toggle, state) {
    const { button, count } = toggle;
    if (state.on == null) {
        button.removeAttribute('aria-pressed');
        button.firstChild.textContent = mark.unknown;
    } else {
        button.setAttribute('aria-pressed', String(state.on));
    }
    button.removeAttribute('disabled');
    if (count && state.count != null) count.textContent = ` ${state.count}`;
}

async function threadScreen(api, main, id, size, me) {
    // As the board: the thread and its first replies together, then (REST) one batch of
    // people; likes, follows, mutes and groups after the screen is painted.
    const { thread, replies, hasNext: moreReplies } = await api.threadAndReplies(id, size, me);

    const author = () => nameOf(thread.userId) || 'Unknown member';
    const group = thread.groupId;
    const guests = thread.guests;
    const toggles = MARKS.map(markToggle);
    const mine = thread.userId === me.userId;
    const mayDelete = mine || api.moderate;
    main.append(h('article', { class: 'thread', 'aria-labelledby': 'thread-heading' },
        h('p', { class: 'breadcrumb' }, h('a', { href: '/' }, '← All conversations')),
        h('h1', { class: 'thread-title', id: 'thread-heading', tabindex: '-1' }, thread.subject),
        h('div', { class: 'thread-byline' },
            avatar(author(), thread.coworkerId),
            h('p', { class: 'thread-meta' },
                h('span', { class: 'thread-author' }, author()),
                group != null && [' in ', h('a', { class: 'thread-group', href: groupHref(group), 'data-group': group }, groupOf(group)?.name || 'a group')],
                ' · started ', timeEl(thread.createdOn),
                thread.lastMessageDate && [' · last activity ', timeEl(thread.lastMessageDate)])),
        // The Public API lists no guests: then only the badge.
        thread.private && guests.length === 0 && h('p', { class: 'guests' }, h('span', { class: 'badge badge-private' }, 'Private')),
        guests.length > 0 && h('section', { class: 'guests', 'aria-label': 'Private conversation' },
            h('span', { class: 'badge badge-private' }, 'Private'), ' Visible to the author and: ',
            h('ul', { class: 'guest-list' }, guests.map((g) => h('li', {}, nameOf(g) || `member ${g}`)))),
        messageBody(thread.message, 'thread-message'),
        // The board's Zoom card is left out: the benchmark's thread has no meeting.
        h('ul', { class: 'tags', 'aria-label': 'Tags' }, thread.tags.map((tag) =>
            h('li', {}, h('a', { class: 'tag', href: `/?tag=${encodeURIComponent(tag)}` }, `#${tag}`)))),
        h('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' }, toggles.map((t) => t.el)),
        mayDelete && h('div', { class: 'owner-actions' },
            api.editThreads && h('a', { class: 'button', href: `/threads/${id}/edit` }, 'Edit'),
            h('button', { class: 'danger-link', type: 'button' }, 'Delete'),
            h('p', { class: 'form-error', role: 'alert' }))));
    document.getElementById('thread-heading').focus();

    const heading = h('h2', { id: 'replies-heading' }, 'Replies');
    const list = h('ol', { class: 'reply-list' });
    const section = h('section', { class: 'replies', 'aria-labelledby': 'replies-heading' }, heading, list);
    main.append(section);

    const rows = document.createDocumentFragment();
    for (const message of replies) rows.append(reply(message, me, api));
    list.append(rows);
    const n = replies.length;
    heading.textContent = n === 0 ? 'Replies' : n === 1 ? '1 reply' : `${n} replies`;
    if (moreReplies && n > 0) section.append(h('button', { type: 'button', class: 'secondary' }, 'Load more replies'));

    const marks = MARKS.map(async (mark, i) => showMark(mark, toggles[i], await api.markState(mark, id, me, thread)));
    await Promise.all([...marks, loadGroups(api)]);
    const groupLink = main.querySelector('a.thread-group');
    if (groupLink) groupLink.textContent = groupOf(group)?.name || 'a group';
    const may = await mayReply(api, group, me);
    if (may != null) section.append(may ? composer() : h('p', { class: 'notice' }, 'Only members of this group can reply.'));
}

function reply(message, me, api) {
    const name = nameOf(message.userId) || 'Unknown member';
    // The author, or staff moderating.
    const mine = message.userId === me.userId || api.moderate;
    const like = markToggle(REPLY_LIKE, 'toggle toggle-like toggle-reply-like');
    if (message.like) showMark(REPLY_LIKE, like, message.like);
    return h('li', { class: 'reply', 'data-reply-id': message.id },
        avatar(name, message.coworkerId),
        h('div', { class: 'reply-body' },
            h('p', { class: 'reply-meta' }, h('span', { class: 'reply-author' }, name), ' · ', timeEl(message.createdOn)),
            messageBody(message.message, ''),
            h('div', { class: 'reply-actions' },
                like.el,
                mine && api.editReplies && h('button', { type: 'button', class: 'secondary' }, 'Edit'),
                mine && [h('button', { type: 'button', class: 'danger-link' }, 'Delete'), h('span', { class: 'form-error', role: 'alert' })])));
}

/** As the board: the Public API says whether the member may post (`CanPostMessages`); else
 * no group, a Public or Private group (one the member can see) take their reply, and a
 * Restricted group's member list decides. `null` (nothing shown) when the group is unknown
 * or its members could not be fetched. */
async function mayReply(api, groupId, me) {
    if (groupId == null) return true;
    const group = groupOf(groupId);
    if (!group) return null;
    if (group.canPost != null) return group.canPost;
    if (group.access !== 'Restricted') return true;
    const members = await api.groupMembers(groupId).catch(() => null);
    return members ? members.includes(me.coworkerId) : null;
}

function composer() {
    return h('form', { class: 'reply-composer' },
        h('label', { for: 'reply-text' }, 'Your reply'),
        h('textarea', { id: 'reply-text', rows: '4', 'aria-describedby': 'reply-error' }),
        h('p', { class: 'form-error', id: 'reply-error', role: 'alert' }),
        h('button', { type: 'submit', class: 'primary' }, 'Send reply'));
}

async function start() {
    const params = new URLSearchParams(location.search);
    const size = Math.min(1000, Math.max(1, Number(params.get('size')) || (params.get('view') === 'thread' ? 50 : 25)));
    const top = header();
    const main = h('main', { class: 'board-main', id: 'main', tabindex: '-1' });
    document.body.append(top, h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }), main);
    try {
        const which = params.get('api') || sessionStorage.getItem(API_KEY) || 'portal';
        const api = BACKENDS[which];
        if (!api) throw new Error(`Unknown api "${which}": portal or rest.`);
        await restoreSession();
        // As the board: the member kept in the tab paints the screen at once, and the
        // profile is asked for again after the screen's own requests.
        const kept = sessionStorage.getItem(MEMBER_KEY);
        const profile = kept ? JSON.parse(kept) : await get('/api/public/coworkers/profiles');
        const profiles = profile.Profiles || [];
        const me = { userId: profile.User.Id, coworkerId: (profiles.find((p) => p.IsDefaultProfile) || profiles[0])?.Id };
        showMember(top, profile);
        if (params.get('view') === 'thread') {
            // The thread screen's own rules, which the board brings with the screen's code.
            document.head.append(h('link', { rel: 'stylesheet', href: 'screens.css' }));
            await threadScreen(api, main, Number(params.get('id')), size, me);
        } else await listScreen(api, main, size);
        if (kept) showMember(top, await get('/api/public/coworkers/profiles'));
    } catch (e) {
        main.append(h('div', { class: 'notice error', role: 'alert' }, h('p', {}, String(e.message || e))));
    }
}

start();
