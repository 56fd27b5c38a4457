// The vanilla-JS baseline the benchmark holds the board against: no framework, no build step.
// It makes the board's API requests in the board's order (session restore, then the screen's
// data), renders the board's markup (same elements, classes and attributes) and uses the
// board's stylesheet, so what differs in time is what the framework, the wasm and the board's
// own choices cost.
//
//   /bench-baseline/?view=list&size=25         the list screen: the first `size` threads
//   /bench-baseline/?view=thread&id=N&size=50  a thread and its first `size` replies
//
// As in the board, API text only ever becomes text nodes; nothing is parsed as HTML.
// Deliberately plain: one formatter per kind, a fragment per list, no pacing of requests.

const REFRESH_KEY = 'community-board:refresh-token';
const CLIENT_ID_KEY = 'community-board:client-id';
const GROUPS_PATH = '/api/community/communitygroups?size=1000&orderBy=Name';
const MARKS = [
    { label: 'Like', entity: 'CommunityThreadLike', path: '/api/community/communitythreadlikes', count: true },
    { label: 'Follow', entity: 'CommunityThreadFollow', path: '/api/community/communitythreadfollows', count: true },
    { label: 'Mute', entity: 'CommunityThreadMute', path: '/api/community/communitythreadmutes', count: false },
];
const ACCESS = { 1: ['Restricted'], 3: ['Private'] };

const origin = location.origin;
const users = new Map();
let groups = [];
let accessToken = '';

// ---- requests ----

/** The board's restore at load: the kept refresh token for new tokens (it rotates). */
async function restoreSession() {
    const refresh = sessionStorage.getItem(REFRESH_KEY);
    const clientId = sessionStorage.getItem(CLIENT_ID_KEY);
    if (!refresh || !clientId) throw new Error('No session to restore (the harness puts one in sessionStorage).');
    const response = await fetch(origin + '/api/token', {
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
    const response = await fetch(origin + path, { headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
}

/** Like the board's directory: one batch request for the people not known yet. */
async function loadUsers(ids) {
    const missing = [...new Set(ids)].filter((id) => !users.has(id)).sort((a, b) => a - b);
    if (missing.length === 0) return;
    const found = await get(`/api/sys/users/?id=${encodeURIComponent(`[${missing.join(',')}]`)}`);
    for (const user of found) users.set(user.Id, user);
}

async function loadGroups() {
    // As in the board, group names are a nicety: a failure must not hide the threads.
    groups = await get(GROUPS_PATH).then((envelope) => envelope.Records, () => []);
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

const nameOf = (id) => users.get(id)?.FullName?.trim() || null;
const groupOf = (id) => groups.find((g) => g.Id === id);
const groupHref = (id) => `/?group=${id}`;
const tagList = (tags) => (tags || '').split(',').map((t) => t.trim()).filter(Boolean);

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

function accessLabel(group) {
    return (ACCESS[group.GroupAccess] || ['Public'])[0];
}

function threadRow(thread) {
    const name = nameOf(thread.UserId) || 'Unknown member';
    const group = thread.CommunityGroupId;
    const hasZoom = thread.IncludeZoomInvite || (thread.ZoomEventData || '').trim() !== '';
    return h('li', { class: 'thread-row', 'data-thread-id': thread.Id },
        avatar(name, thread.CoworkerId),
        h('div', { class: 'thread-summary' },
            h('h2', { class: 'thread-subject' }, h('a', { href: `/threads/${thread.Id}` }, thread.Subject || '')),
            h('p', { class: 'thread-excerpt' }, excerpt(thread.Message || '', 140)),
            h('p', { class: 'thread-meta' },
                h('span', { class: 'thread-author' }, name),
                group != null && [' in ', h('a', { class: 'thread-group', href: groupHref(group), 'data-group': group }, groupOf(group)?.Name || 'Group')],
                ' · ',
                h('span', { class: 'thread-activity' }, timeEl(thread.LastMessageDate || thread.CreatedOn)),
                thread.Private && h('span', { class: 'badge badge-private' }, 'Private'),
                hasZoom && h('span', { class: 'badge badge-zoom' }, 'Zoom meeting')),
            h('ul', { class: 'tags', 'aria-label': 'Tags' }, tagList(thread.Tags).map((tag) =>
                h('li', {}, h('a', { class: 'tag', href: `/?tag=${encodeURIComponent(tag)}`, 'aria-label': `Show conversations tagged ${tag}` }, `#${tag}`))))));
}

// ---- screens ----

async function listScreen(main, size) {
    const threadsPath = `/api/community/communitythreads?page=1&size=${size}&orderBy=LastMessageDate&dir=-1`;
    // As the board: the rows' own requests first; group names fill in afterwards.
    const page = await get(threadsPath);
    await loadUsers(page.Records.map((t) => t.UserId));

    const list = h('ol', { class: 'thread-list', 'aria-label': 'Conversations' });
    const rows = document.createDocumentFragment();
    for (const thread of page.Records) rows.append(threadRow(thread));
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
            page.HasNextPage && h('nav', { class: 'pager', 'aria-label': 'Pages' },
                h('span', { 'aria-current': 'page' }, 'Page 1'),
                h('a', { href: '/?page=2', rel: 'next' }, 'Older →'))));
    document.getElementById('board-heading').focus();
    await loadGroups();
    for (const link of list.querySelectorAll('a.thread-group')) {
        link.textContent = groupOf(Number(link.dataset.group))?.Name || 'Group';
    }
    document.getElementById('group-filter').append(...groups.map((g) => h('option', { value: g.Id }, `${g.Name} (${accessLabel(g)})`)));
}

function markToggle(mark) {
    const count = mark.count ? h('span', { class: 'count' }) : null;
    const button = h('button', { class: `toggle toggle-${mark.label.toLowerCase()}`, type: 'button', 'aria-pressed': 'false', disabled: '' }, mark.label, count);
    return { el: h('span', { class: 'mark' }, button, h('span', { class: 'form-error', role: 'alert' })), button, count };
}

async function threadScreen(main, id, size, me) {
    // As the board: the thread and its first replies together, then one batch of people;
    // likes, follows, mutes and groups after the screen is painted.
    const repliesPath = `/api/community/communitymessages?CommunityMessage_CommunityThread=${id}&orderBy=CreatedOn&dir=1&page=1&size=${size}`;
    const [thread, firstReplies] = await Promise.all([get(`/api/community/communitythreads/${id}`), get(repliesPath)]);
    await loadUsers([...(thread.Guests || []), thread.UserId, ...firstReplies.Records.map((m) => m.UserId)]);

    const author = () => nameOf(thread.UserId) || 'Unknown member';
    const group = thread.CommunityGroupId;
    const guests = thread.Guests || [];
    const toggles = MARKS.map(markToggle);
    const mine = thread.UserId === me.userId;
    main.append(h('article', { class: 'thread', 'aria-labelledby': 'thread-heading' },
        h('p', { class: 'breadcrumb' }, h('a', { href: '/' }, '← All conversations')),
        h('h1', { class: 'thread-title', id: 'thread-heading', tabindex: '-1' }, thread.Subject || ''),
        h('div', { class: 'thread-byline' },
            avatar(author(), thread.CoworkerId),
            h('p', { class: 'thread-meta' },
                h('span', { class: 'thread-author' }, author()),
                group != null && [' in ', h('a', { class: 'thread-group', href: groupHref(group), 'data-group': group }, groupOf(group)?.Name || 'a group')],
                ' · started ', timeEl(thread.CreatedOn),
                thread.LastMessageDate && [' · last activity ', timeEl(thread.LastMessageDate)])),
        (thread.Private || guests.length > 0) && h('section', { class: 'guests', 'aria-label': 'Private conversation' },
            h('span', { class: 'badge badge-private' }, 'Private'), ' Visible to the author and: ',
            h('ul', { class: 'guest-list' }, guests.map((g) => h('li', {}, nameOf(g) || `member ${g}`)))),
        messageBody(thread.Message || '', 'thread-message'),
        // The board's Zoom card is left out: the benchmark's thread has no meeting.
        h('ul', { class: 'tags', 'aria-label': 'Tags' }, tagList(thread.Tags).map((tag) =>
            h('li', {}, h('a', { class: 'tag', href: `/?tag=${encodeURIComponent(tag)}` }, `#${tag}`)))),
        h('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' }, toggles.map((t) => t.el)),
        mine && h('div', { class: 'owner-actions' },
            h('a', { class: 'button', href: `/threads/${id}/edit` }, 'Edit'),
            h('button', { class: 'danger-link', type: 'button' }, 'Delete'),
            h('p', { class: 'form-error', role: 'alert' }))));
    document.getElementById('thread-heading').focus();

    const heading = h('h2', { id: 'replies-heading' }, 'Replies');
    const list = h('ol', { class: 'reply-list' });
    const section = h('section', { class: 'replies', 'aria-labelledby': 'replies-heading' }, heading, list);
    main.append(section);

    const envelope = firstReplies;
    const rows = document.createDocumentFragment();
    for (const message of envelope.Records) rows.append(reply(message, me));
    list.append(rows);
    const n = envelope.Records.length;
    heading.textContent = n === 0 ? 'Replies' : n === 1 ? '1 reply' : `${n} replies`;
    if (envelope.HasNextPage && n > 0) section.append(h('button', { type: 'button', class: 'secondary' }, 'Load more replies'));

    const marks = MARKS.map(async (mark, i) => {
        const marked = await get(`${mark.path}?${mark.entity}_Thread=${id}&size=1000`);
        const { button, count } = toggles[i];
        button.setAttribute('aria-pressed', String(marked.Records.some((m) => m.UserId === me.userId)));
        button.removeAttribute('disabled');
        if (count) count.textContent = ` ${marked.TotalItems ?? marked.Records.length}`;
    });
    await Promise.all([...marks, loadGroups()]);
    const groupLink = main.querySelector('a.thread-group');
    if (groupLink) groupLink.textContent = groupOf(group)?.Name || 'a group';
    section.append(await mayReply(group, me) ? composer() : h('p', { class: 'notice' }, 'Only members of this group can reply.'));
}

function reply(message, me) {
    const name = nameOf(message.UserId) || 'Unknown member';
    const mine = message.UserId === me.userId;
    return h('li', { class: 'reply', 'data-reply-id': message.Id },
        avatar(name, message.CoworkerId),
        h('div', { class: 'reply-body' },
            h('p', { class: 'reply-meta' }, h('span', { class: 'reply-author' }, name), ' · ', timeEl(message.CreatedOn)),
            messageBody(message.Message || '', ''),
            mine && [h('button', { class: 'danger-link', type: 'button' }, 'Delete'), h('span', { class: 'form-error', role: 'alert' })]));
}

/** Public groups (and no group) take anyone's reply; others only their members'. */
async function mayReply(groupId, me) {
    const group = groupId == null ? null : groupOf(groupId);
    if (groupId == null || (group && accessLabel(group) === 'Public')) return true;
    const full = await get(`/api/community/communitygroups/${groupId}`).catch(() => null);
    return Boolean(full && (full.Members || []).includes(me.coworkerId));
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
        await restoreSession();
        // As the board: the member kept in the tab paints the screen at once, and the
        // profile is asked for again after the screen's own requests.
        const kept = sessionStorage.getItem('community-board:member');
        const profile = kept ? JSON.parse(kept) : await get('/api/public/coworkers/profiles');
        const profiles = profile.Profiles || [];
        const me = { userId: profile.User.Id, coworkerId: (profiles.find((p) => p.IsDefaultProfile) || profiles[0])?.Id };
        showMember(top, profile);
        if (params.get('view') === 'thread') await threadScreen(main, Number(params.get('id')), size, me);
        else await listScreen(main, size);
        if (kept) showMember(top, await get('/api/public/coworkers/profiles'));
    } catch (e) {
        main.append(h('div', { class: 'notice error', role: 'alert' }, h('p', {}, String(e.message || e))));
    }
}

start();
