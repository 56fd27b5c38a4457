// The stand-in portal's script. A real portal already has the member's session; this one
// signs in as the sandbox's demo member itself, so the embedded board never asks for a
// password: it gets its bearer token from getToken() below.
import { mount } from "/embed.js";

const SETTINGS_KEY = "portal-demo:board-settings";
const CLIENT_ID = "portal-demo-" + Math.random().toString(16).slice(2);

// Board settings from this page's address, kept for the tab: in path routing the board
// rewrites the query string with its own filters.
function boardSettings() {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(sessionStorage.getItem(SETTINGS_KEY) || "{}");
  for (const key of ["locale", "theme", "routing"]) {
    if (params.has(key)) saved[key] = params.get(key);
  }
  sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(saved));
  return saved;
}

let accessToken = null;
let refreshToken = null;
let renewing = null;

async function tokenGrant(fields) {
  const response = await fetch("/api/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", client_id: CLIENT_ID },
    body: new URLSearchParams(fields),
  });
  if (!response.ok) throw new Error("the portal could not renew its session (" + response.status + ")");
  const tokens = await response.json();
  refreshToken = tokens.refresh_token || refreshToken;
  accessToken = tokens.access_token;
  return accessToken;
}

// What the board asked for, in order: shown to anyone exploring the demo from the console
// (`portalDemo.tokenRequests`) and checked by the e2e suite.
window.portalDemo = { tokenRequests: [] };

// What the board calls: "initial" at start, "expired" after the API answered 401.
async function getToken(reason) {
  window.portalDemo.tokenRequests.push(reason);
  if (reason === "expired" && refreshToken) {
    // Several requests may be refused at once: one renewal answers them all (a refresh token
    // can be used only once).
    renewing ??= tokenGrant({ grant_type: "refresh_token", refresh_token: refreshToken }).finally(() => {
      renewing = null;
    });
    return renewing;
  }
  return accessToken ?? signIn();
}

// The portal's own sign-in (a real portal did this when the member logged in).
function signIn() {
  return tokenGrant({ grant_type: "password", username: "member@example.com", password: "demo-member" });
}

async function showMember(token) {
  const response = await fetch("/api/public/coworkers/profiles", { headers: { Authorization: "Bearer " + token } });
  const profile = response.ok ? await response.json() : null;
  document.getElementById("portal-member").textContent =
    profile && profile.User ? "Signed in as " + profile.User.FullName : "Signed in";
}

async function start() {
  const settings = boardSettings();
  const hash = settings.routing === "hash";
  if (!hash && !location.pathname.startsWith("/portal/community")) {
    history.replaceState(null, "", "/portal/community/");
  }
  document.getElementById("portal-reset").addEventListener("click", () => {
    sessionStorage.removeItem(SETTINGS_KEY);
    location.assign("/portal/community/");
  });
  await signIn().then(showMember);
  const mountBoard = () =>
    mount(document.getElementById("community"), {
      getToken,
      locale: settings.locale,
      theme: settings.theme,
      routing: hash ? "hash" : "path",
      basePath: hash ? undefined : "/portal/community",
    });
  // A single-page portal takes the board away and brings it back: try it from the console
  // (also after a mount that failed, e.g. offline for a moment).
  window.portalDemo.mountAgain = async () => {
    window.communityBoard = await mountBoard();
  };
  window.communityBoard = await mountBoard();
}

start().catch((error) => {
  document.getElementById("community").textContent = "The community board could not start: " + error.message;
});
