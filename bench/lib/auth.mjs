// A signed-in session for one cold load. The board restores a session at load from
// sessionStorage (refresh token + this tab's client id) with a refresh grant; the harness
// signs in with the password grant beforehand and puts the result there (with the member's
// profile, which the board keeps in the tab too) before any page script runs, so every load
// (board or baseline) pays the same refresh request.
// Refresh tokens rotate per client id, so each load gets its own id and token.

import crypto from 'node:crypto';

export const DEMO_MEMBER = { email: 'member@example.com', password: 'demo-member' };
export const REFRESH_KEY = 'community-board:refresh-token';
export const CLIENT_ID_KEY = 'community-board:client-id';
export const MEMBER_KEY = 'community-board:member';

export async function freshSession(baseUrl) {
    const clientId = `bench-${crypto.randomBytes(8).toString('hex')}`;
    const body = new URLSearchParams({ grant_type: 'password', username: DEMO_MEMBER.email, password: DEMO_MEMBER.password });
    const response = await fetch(`${baseUrl}/api/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', client_id: clientId },
        body: body.toString(),
    });
    if (!response.ok) throw new Error(`sign-in at ${baseUrl} failed: ${response.status} ${await response.text()}`);
    const tokens = await response.json();
    // Who the member is, as the board keeps it in the tab after signing in (a reload reads it).
    const member = JSON.stringify(await apiGet(baseUrl, tokens.access_token, '/api/public/coworkers/profiles'));
    return { clientId, refreshToken: tokens.refresh_token, accessToken: tokens.access_token, member };
}

/** Runs in the page before its own scripts: puts the session where the board looks for it. */
export function injectSession(origin, refreshToken, clientId, member, keys) {
    // Only on the board's origin: about:blank and others have nothing to restore.
    if (location.origin !== origin) return;
    try {
        // Once per tab: a reload must keep the token the page has rotated since.
        if (sessionStorage.getItem(keys.refresh)) return;
        sessionStorage.setItem(keys.refresh, refreshToken);
        sessionStorage.setItem(keys.clientId, clientId);
        sessionStorage.setItem(keys.member, member);
    } catch {
        // No storage: the page then shows sign-in, and the harness reports the failed load.
    }
}

export async function apiGet(baseUrl, accessToken, pathAndQuery) {
    const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status}`);
    return response.json();
}
