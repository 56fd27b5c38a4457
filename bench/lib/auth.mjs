// A signed-in session for one cold load. The board restores a session at load from
// sessionStorage (refresh token + this tab's client id) with a refresh grant; the harness
// signs in with the password grant beforehand and puts the result there (with the member's
// profile and the API the board chose for that account, which the board keeps in the tab
// too) before any page script runs, so every load (board or baseline) pays the same refresh
// request and nothing else: no profile request, no backend probe.
// Refresh tokens rotate per client id, so each load gets its own id and token.
//
// Two accounts, one per backend (README, "Two backends"): the demo member holds no REST
// roles and reads through the Members Portal's Public API (`portal`); the community manager
// holds REST roles and reads through REST (`rest`), as every member did before the board
// had two backends.

import crypto from 'node:crypto';

export const ACCOUNTS = {
    member: { name: 'member', email: 'member@example.com', password: 'demo-member', api: 'portal', who: 'member', apiName: 'Public API' },
    manager: { name: 'manager', email: 'manager@example.com', password: 'demo-manager', api: 'rest', who: 'community manager', apiName: 'REST' },
};
export const DEMO_MEMBER = ACCOUNTS.member;

export const REFRESH_KEY = 'community-board:refresh-token';
export const CLIENT_ID_KEY = 'community-board:client-id';
export const MEMBER_KEY = 'community-board:member';
/** Which API the board uses for the signed-in person: `portal` or `rest`. */
export const API_KEY = 'community-board:api';

/** The Public API's board, which members read through. */
export const PORTAL_BASE = '/api/public/community/board';

/** The API paths a backend reads through (besides the session's token and profile). */
export const API_PATHS = {
    portal: [PORTAL_BASE],
    rest: ['/api/community/', '/api/sys/'],
};

/** An account by its name (`member`, `manager`), or the account itself. */
export function accountOf(account) {
    const found = typeof account === 'string' ? ACCOUNTS[account] : account;
    if (!found) throw new Error(`no bench account "${account}" (known: ${Object.keys(ACCOUNTS).join(', ')})`);
    return found;
}

/** The password grant for a new client id: { clientId, accessToken, refreshToken }. */
export async function signIn(baseUrl, account = ACCOUNTS.member) {
    const { email, password } = accountOf(account);
    const clientId = `bench-${crypto.randomBytes(8).toString('hex')}`;
    const body = new URLSearchParams({ grant_type: 'password', username: email, password });
    const response = await fetch(`${baseUrl}/api/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', client_id: clientId },
        body: body.toString(),
    });
    if (!response.ok) throw new Error(`sign-in as ${email} at ${baseUrl} failed: ${response.status} ${await response.text()}`);
    const tokens = await response.json();
    return { clientId, accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}

/** A session to inject: the tokens, the profile as the board keeps it, and the account's API. */
export async function freshSession(baseUrl, account = ACCOUNTS.member) {
    const who = accountOf(account);
    const tokens = await signIn(baseUrl, who);
    // Who the member is, as the board keeps it in the tab after signing in (a reload reads it).
    const member = JSON.stringify(await apiGet(baseUrl, tokens.accessToken, '/api/public/coworkers/profiles'));
    return { ...tokens, member, api: who.api, account: who.name };
}

/** Runs in the page before its own scripts: puts the session where the board looks for it. */
export function injectSession(origin, session, keys) {
    // Only on the board's origin: about:blank and others have nothing to restore.
    if (location.origin !== origin) return;
    try {
        // Once per tab: a reload must keep the token the page has rotated since.
        if (sessionStorage.getItem(keys.refresh)) return;
        sessionStorage.setItem(keys.refresh, session.refreshToken);
        sessionStorage.setItem(keys.clientId, session.clientId);
        sessionStorage.setItem(keys.member, session.member);
        // Without it the board asks for the profile again and probes REST on every load.
        sessionStorage.setItem(keys.api, session.api);
    } catch {
        // No storage: the page then shows sign-in, and the harness reports the failed load.
    }
}

/** The storage keys `injectSession` writes, as it takes them. */
export const SESSION_KEYS = { refresh: REFRESH_KEY, clientId: CLIENT_ID_KEY, member: MEMBER_KEY, api: API_KEY };

export async function apiGet(baseUrl, accessToken, pathAndQuery) {
    const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status}`);
    return response.json();
}

/**
 * API paths (pathname + search) that belong to the other backend than `api`: a board that
 * ignored the injected choice, or a baseline asked for the wrong one, would be measured on
 * the wrong API without failing.
 */
export function foreignApiPaths(paths, api) {
    const other = api === 'portal' ? API_PATHS.rest : API_PATHS.portal;
    return paths.filter((p) => other.some((prefix) => p.startsWith(prefix)));
}
