// Which URLs the app may load, navigate to, fetch or hand to the system browser. Pure functions,
// so the whole allow-list is unit-tested; the Electron glue in offline-guard.ts only applies them.

/** The privileged scheme the page is served from (registered in app-protocol.ts). */
export const APP_SCHEME = 'app';
/** The one host of that scheme: every page and asset lives on this single origin. */
export const APP_HOST = 'studybook';
/** The page's origin, as Chromium serialises it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads first. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Schemes whose requests never leave the process: in-memory data and Chromium's own DevTools
// front end (present in development only).
const IN_PROCESS_SCHEMES: ReadonlySet<string> = new Set(['data:', 'blob:', 'devtools:']);

/**
 * True when `url` is on Studybook's own origin: `app://studybook`, with no credentials and no
 * port. Never throws; anything unparseable is false.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    // app: is not a WHATWG special scheme, so Node keeps its host as written: compare exactly
    // and let odd spellings (`STUDYBOOK`, `studyb%6fok`) fail closed.
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Whether the session must cancel a request for `url`: everything except the app's own origin and
 * in-process `data:`/`blob:`/`devtools:` URLs, so http(s), ws(s), file: and any scheme added later
 * are refused by default.
 */
export function shouldCancelRequest(url: string): boolean {
  if (isAppUrl(url)) return false;
  const parsed = parseUrl(url);
  return parsed === null || !IN_PROCESS_SCHEMES.has(parsed.protocol);
}

/** Whether a frame may navigate (or be redirected) to `url`: only within the app's origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether `url` may be handed to the system browser: `https:` with a host and without
 * credentials. The contract already validates this; main checks again because shell.openExternal
 * would happily launch `file:` or custom-scheme handlers.
 */
export function isOpenableExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A URL shortened for a log line: scheme, host and path, never a query that may carry data. */
export function describeUrlForLog(url: string): string {
  const parsed = parseUrl(url);
  if (parsed === null) return JSON.stringify(url.slice(0, 80));
  const described = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  return described.length > 200 ? `${described.slice(0, 200)}…` : described;
}

function parseUrl(url: string): URL | null {
  return URL.canParse(url) ? new URL(url) : null;
}
