import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  describeUrlForLog,
  isAllowedNavigation,
  isAppUrl,
  isOpenableExternalUrl,
  shouldCancelRequest,
} from './navigation-policy.ts';

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}/assets/index-3f2a.js`,
    `${APP_ORIGIN}/assets/python-backend/code.css`,
    `${APP_ORIGIN}/index.html#/python-backend/deployment/health-checks`,
    `${APP_ORIGIN}/index.html?x=1`,
  ])('accepts the app origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host that only starts like ours', 'app://studybook.evil.example/'],
    ['a host that only ends like ours', 'app://notstudybook/'],
    ['credentials before the host', 'app://studybook@evil/'],
    ['credentials on our host', 'app://user:pass@studybook/'],
    ['a port', 'app://studybook:8080/'],
    ['an upper-case host spelling', 'app://STUDYBOOK/'],
    ['a percent-encoded host', 'app://studyb%6fok/'],
    ['https', 'https://studybook/'],
    ['http on localhost', 'http://127.0.0.1:5173/index.html'],
    ['file', 'file:///app/dist/renderer/index.html'],
    ['a path that merely contains the origin', 'https://evil.example/app://studybook/'],
    ['about:blank', 'about:blank'],
    ['the empty string', ''],
    ['garbage', 'not a url'],
    ['a scheme-relative reference', '//studybook/index.html'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('shouldCancelRequest', () => {
  it.each([
    'https://example.com/',
    'http://localhost:3000/api',
    'http://127.0.0.1/',
    'ws://localhost:8080/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'chrome://settings',
    'app://evil/index.html',
    'gopher://example.com/',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(shouldCancelRequest(url)).toBe(true);
  });

  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/assets/git-essentials/1a2b3c.png`,
    'data:image/svg+xml;base64,PHN2Zy8+',
    'blob:app://studybook/0f8e7a1c-8d1e-4a55-9b9e-0c2d47f1a111',
    'devtools://devtools/bundled/devtools_app.html',
  ])('lets %s through', (url) => {
    expect(shouldCancelRequest(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows moving within the app, deep links included', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/git-essentials/commits`)).toBe(true);
  });

  it.each(['https://example.com/', 'file:///tmp/x.html', 'app://other/', 'javascript:alert(1)'])(
    'refuses navigating to %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(false);
    },
  );
});

describe('isOpenableExternalUrl', () => {
  it('accepts an https link with a host', () => {
    expect(isOpenableExternalUrl('https://docs.python.org/3/library/logging.html')).toBe(true);
  });

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'ms-settings:privacy',
    'javascript:alert(1)',
    'https://user:secret@example.com/',
    'app://studybook/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isOpenableExternalUrl(url)).toBe(false);
  });
});

describe('describeUrlForLog', () => {
  it('keeps scheme, host and path but drops the query', () => {
    expect(describeUrlForLog('https://example.com/track?user=ada&token=secret')).toBe(
      'https://example.com/track',
    );
  });

  it('shortens very long URLs', () => {
    expect(describeUrlForLog(`https://example.com/${'a'.repeat(500)}`).length).toBeLessThan(210);
  });
});
