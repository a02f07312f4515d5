// Offline and closed by construction: whatever the page (or a course's HTML) tries, no request
// leaves the machine, no permission is granted, and no frame navigates or opens a window away
// from app://studybook. Applied to every web contents and its session as they are created.
import type { App, Event, Session, WebContents } from 'electron';
import {
  describeUrlForLog,
  isAllowedNavigation,
  shouldCancelRequest,
} from './navigation-policy.ts';

type Log = (message: string) => void;

// The spellchecker downloads Hunspell dictionaries from Google by default (not on macOS, which
// uses the OS's). Port 9 is on Chromium's restricted-ports list, so a download from this URL fails
// inside the browser before any socket opens, even if the request filter were ever bypassed.
export const UNUSABLE_DICTIONARY_URL = 'http://127.0.0.1:9/no-dictionaries/';

const guardedSessions = new WeakSet<Session>();

/**
 * Locks down `session`: cancels every request shouldCancelRequest refuses, denies every permission
 * request and check, and turns the spellchecker and its dictionary download off. Idempotent.
 */
export function guardSession(session: Session, log: Log = console.warn): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldCancelRequest(details.url);
    if (cancel)
      log(`Blocked a request to ${describeUrlForLog(details.url)}: Studybook is offline.`);
    callback({ cancel });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The URL first: setting languages is what would trigger a download.
  session.setSpellCheckerDictionaryDownloadURL(UNUSABLE_DICTIONARY_URL);
  session.setSpellCheckerLanguages([]);
  session.setSpellCheckerEnabled(false);
}

/**
 * Locks down one web contents: navigation and redirects only within the app's origin, no new
 * windows (external links go through the contract's openExternal, after the learner confirms),
 * no <webview>. Also guards its session.
 */
export function guardWebContents(contents: WebContents, log: Log = console.warn): void {
  const refuseForeignNavigation = (event: Event<{ url: string }>): void => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log(`Blocked navigation to ${describeUrlForLog(event.url)}.`);
  };
  contents.on('will-navigate', refuseForeignNavigation);
  // Subframes too: the CSP already forbids frames, this holds even if it were loosened.
  contents.on('will-frame-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.setWindowOpenHandler(({ url }) => {
    log(`Blocked a new window for ${describeUrlForLog(url)}.`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  guardSession(contents.session, log);
}

/**
 * Guards every web contents the app ever creates, DevTools and future windows included. Call
 * before the first window opens.
 */
export function installOfflineGuard(app: Pick<App, 'on'>, log: Log = console.warn): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, log);
  });
}
