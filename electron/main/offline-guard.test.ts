import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  guardSession,
  guardWebContents,
  installOfflineGuard,
  UNUSABLE_DICTIONARY_URL,
} from './offline-guard.ts';

// Electron cannot run here: these fakes record what the guard installs, and the tests then play
// the part of Chromium, calling each installed handler the way Electron would.
type Listener = (...args: unknown[]) => unknown;

function makeSession() {
  const installed: {
    beforeRequest?: Listener;
    permissionRequest?: Listener;
    permissionCheck?: Listener;
  } = {};
  const session = {
    installed,
    webRequest: {
      onBeforeRequest: vi.fn((listener: Listener) => {
        installed.beforeRequest = listener;
      }),
    },
    setPermissionRequestHandler: vi.fn((handler: Listener) => {
      installed.permissionRequest = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: Listener) => {
      installed.permissionCheck = handler;
    }),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    setSpellCheckerLanguages: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
  };
  return session;
}

function makeContents(session = makeSession()) {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: Listener | undefined;
  const contents = {
    session,
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: Listener) => {
      windowOpenHandler = handler;
    }),
  };
  const emit = (event: string, url = '') => {
    const emitted = { url, defaultPrevented: false, preventDefault: vi.fn() };
    emitted.preventDefault.mockImplementation(() => {
      emitted.defaultPrevented = true;
    });
    listeners.get(event)?.(emitted);
    return emitted;
  };
  const openWindow = (url: string) => windowOpenHandler?.({ url });
  return { contents, emit, openWindow, session };
}

function request(session: ReturnType<typeof makeSession>, url: string): unknown {
  const callback = vi.fn();
  session.installed.beforeRequest?.({ url }, callback);
  expect(callback).toHaveBeenCalledOnce();
  return callback.mock.calls[0]?.[0];
}

const quiet = () => {};

describe('guardSession', () => {
  it('cancels http, https, ws and wss requests, and lets the app origin through', () => {
    const session = makeSession();
    guardSession(session as unknown as Session, quiet);
    for (const url of [
      'https://fonts.googleapis.com/css2?family=Inter',
      'http://localhost:5173/@vite/client',
      'ws://localhost:5173/',
      'wss://example.com/live',
    ]) {
      expect(request(session, url), url).toEqual({ cancel: true });
    }
    expect(request(session, 'app://studybook/assets/index-3f2a.js')).toEqual({ cancel: false });
  });

  it('logs what it blocked, without the query string', () => {
    const session = makeSession();
    const log = vi.fn();
    guardSession(session as unknown as Session, log);
    request(session, 'https://tracker.example/pixel?user=ada');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://tracker.example/pixel'));
    expect(log).not.toHaveBeenCalledWith(expect.stringContaining('user=ada'));
  });

  it('denies every permission request and every permission check', () => {
    const session = makeSession();
    guardSession(session as unknown as Session, quiet);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      session.installed.permissionRequest?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.installed.permissionCheck?.(null, permission, 'app://studybook', {})).toBe(
        false,
      );
    }
  });

  it('points the dictionary download at an unusable local URL before emptying the languages', () => {
    const session = makeSession();
    guardSession(session as unknown as Session, quiet);
    expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(
      UNUSABLE_DICTIONARY_URL,
    );
    expect(new URL(UNUSABLE_DICTIONARY_URL).hostname).toBe('127.0.0.1');
    expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith([]);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    const urlSetAt = session.setSpellCheckerDictionaryDownloadURL.mock.invocationCallOrder[0] ?? 0;
    const languagesSetAt = session.setSpellCheckerLanguages.mock.invocationCallOrder[0] ?? 0;
    expect(urlSetAt).toBeLessThan(languagesSetAt);
  });

  it('guards a session once, however many windows share it', () => {
    const session = makeSession();
    guardSession(session as unknown as Session, quiet);
    guardSession(session as unknown as Session, quiet);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
  });
});

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'prevents %s to a foreign URL and allows it within the app',
    (event) => {
      const { contents, emit } = makeContents();
      guardWebContents(contents as unknown as WebContents, quiet);
      expect(emit(event, 'https://evil.example/phish').defaultPrevented).toBe(true);
      expect(emit(event, 'file:///etc/passwd').defaultPrevented).toBe(true);
      expect(emit(event, 'app://studybook/index.html#/git-essentials').defaultPrevented).toBe(
        false,
      );
    },
  );

  it('denies every new window, the app’s own origin included', () => {
    const { contents, openWindow } = makeContents();
    guardWebContents(contents as unknown as WebContents, quiet);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://studybook/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { contents, emit } = makeContents();
    guardWebContents(contents as unknown as WebContents, quiet);
    expect(emit('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('guards the contents’ session too', () => {
    const { contents, session } = makeContents();
    guardWebContents(contents as unknown as WebContents, quiet);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
  });
});

describe('installOfflineGuard', () => {
  it('guards every web contents the app creates', () => {
    let created: Listener | undefined;
    const app = {
      on: vi.fn((event: string, listener: Listener) => {
        if (event === 'web-contents-created') created = listener;
      }),
    };
    installOfflineGuard(app as unknown as App, quiet);
    const { contents, emit } = makeContents();
    created?.({}, contents);
    expect(emit('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});
