import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIRST_VIEW_ELEMENT_ID, type FirstView } from '../page-address.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../serve/content-security-policy.ts';
import { openAppServices, type AppServices } from '../services.ts';
import { createAppRequestHandler, registerAppScheme, type AppContent } from './app-protocol.ts';

let base: string;
let rendererDir: string;
// The real contract handlers over the sample course: the page at a lesson's address carries it.
let services: AppServices;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

beforeAll(async () => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'studybook-protocol-')));
  rendererDir = path.join(base, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><meta name="studybook-token" content=""><title>Studybook</title>' +
      '<script type="module" src="/assets/index-3f2a.js"></script></head><body><div id="app"></div></body>',
  );
  writeFileSync(path.join(rendererDir, 'assets', 'index-3f2a.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'notes.md'), '# not a served type');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'leak.txt'));
  services = await openAppServices({
    dataDir: path.join(base, 'data'),
    bundledPacks: {
      kind: 'sources',
      courseDirs: ['content/python-backend'],
      cacheDir: path.join(base, 'packs'),
    },
    openExternal: async () => undefined,
  });
});

afterAll(() => {
  services.close();
  rmSync(base, { recursive: true, force: true });
});

function makeContent(overrides: Partial<AppContent> = {}): AppContent {
  return {
    rendererDir,
    readAsset: vi.fn((courseId: string, name: string) =>
      courseId === 'python-backend' && name === '0a1b2c3d.png'
        ? { mime: 'image/png', data: png }
        : null,
    ),
    readCodeStylesheet: vi.fn((courseId: string) =>
      courseId === 'python-backend' ? '.shiki{color:var(--c)}' : null,
    ),
    handlers: services.handlers,
    // The page's server build is tested with the host's page in tests/unit/renderer.
    render: null,
    ...overrides,
  };
}

/** What a page carries, read back as the page reads it; null when it carries nothing. */
function carriedView(html: string): FirstView | null {
  const open = `<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">`;
  const at = html.indexOf(open);
  if (at === -1) return null;
  const text = html.slice(at + open.length, html.indexOf('</script>', at));
  return JSON.parse(text) as FirstView;
}

async function fetchApp(url: string, init?: RequestInit, content = makeContent()) {
  const response = await createAppRequestHandler(content, () => {})(new Request(url, init));
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers.get(name), name).toBe(value);
  }
}

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetchable, and nothing more', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });
});

describe('createAppRequestHandler', () => {
  it('serves index.html for the root with the CSP and security headers', async () => {
    const { response, body } = await fetchApp('app://studybook/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expectSecurityHeaders(response);
    expect(body.toString()).toContain('<title>Studybook</title>');
  });

  it('serves the page at a lesson’s address, with that lesson at the end of its body', async () => {
    const { response, body } = await fetchApp('app://studybook/learn/python-backend/deployment');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    const html = body.toString();
    expect(html, 'Electron’s calls need no token').toContain(
      '<meta name="studybook-token" content="">',
    );
    expect(html.indexOf(FIRST_VIEW_ELEMENT_ID)).toBeGreaterThan(html.indexOf('<div id="app">'));
    expect(html).toMatch(/<\/script><\/body>$/);
    const first = carriedView(html);
    expect(first).toMatchObject({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
    });
    expect(first?.outcome).toMatchObject({
      ok: true,
      value: { lesson: { title: 'Python deployment: from local to production' } },
    });
  });

  it('carries the host’s answer for a lesson that does not exist, for the page to say so', async () => {
    const { response, body } = await fetchApp('app://studybook/learn/python-backend/nope/intro');
    expect(response.status).toBe(200);
    expect(carriedView(body.toString())?.outcome).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it.each(['app://studybook/', 'app://studybook/index.html?from=menu'])(
    'serves the library’s page with the library listed in it: %s',
    async (url) => {
      const { response, body } = await fetchApp(url);
      expect(response.status).toBe(200);
      expect(carriedView(body.toString())).toMatchObject({
        kind: 'library',
        outcome: { ok: true, value: { courses: [{ id: 'python-backend' }] } },
      });
    },
  );

  it('serves the page with nothing in it where the address names nothing', async () => {
    const { response, body } = await fetchApp('app://studybook/learn/python-backend');
    expect(response.status).toBe(200);
    expect(body.toString()).not.toContain(FIRST_VIEW_ELEMENT_ID);
  });

  it('answers HEAD on a lesson’s address without a body', async () => {
    const { response, body } = await fetchApp('app://studybook/learn/python-backend/deployment', {
      method: 'HEAD',
    });
    expect(response.status).toBe(200);
    expect(body.length).toBe(0);
    expectSecurityHeaders(response);
  });

  it('serves the renderer’s built scripts', async () => {
    const { response, body } = await fetchApp('app://studybook/assets/index-3f2a.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(body.toString()).toBe('console.log(1)');
  });

  it('ignores the query and fragment of a deep link', async () => {
    const { response } = await fetchApp('app://studybook/index.html?from=menu#/git-essentials');
    expect(response.status).toBe(200);
  });

  it('serves a course image from the library', async () => {
    const content = makeContent();
    const { response, body } = await fetchApp(
      'app://studybook/assets/python-backend/0a1b2c3d.png',
      undefined,
      content,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(body.equals(png)).toBe(true);
    expect(content.readAsset).toHaveBeenCalledWith('python-backend', '0a1b2c3d.png');
    expectSecurityHeaders(response);
  });

  it('serves a course’s code stylesheet', async () => {
    const { response, body } = await fetchApp('app://studybook/assets/python-backend/code.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(body.toString()).toBe('.shiki{color:var(--c)}');
  });

  it('answers HEAD with headers and no body', async () => {
    const { response, body } = await fetchApp('app://studybook/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(body.length).toBe(0);
    expectSecurityHeaders(response);
  });

  it.each([
    ['a missing file', 'app://studybook/missing.js'],
    ['a file type that is never served', 'app://studybook/notes.md'],
    ['a folder', 'app://studybook/assets'],
    ['an encoded escape', 'app://studybook/%2e%2e/secret.txt'],
    ['an encoded slash and escape', 'app://studybook/assets%2f..%2f..%2fsecret.txt'],
    ['a symlink out of the renderer', 'app://studybook/leak.txt'],
    ['an unknown course asset', 'app://studybook/assets/python-backend/ffffffff.png'],
    ['an unknown course’s stylesheet', 'app://studybook/assets/no-such-course/code.css'],
    ['another host', 'app://evil/index.html'],
    ['a port on the app host', 'app://studybook:8080/index.html'],
  ])('answers 404 with security headers for %s', async (_what, url) => {
    const { response, body } = await fetchApp(url);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
    expect(body.toString()).not.toContain('outside the renderer');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s with 405', async (method) => {
    const { response } = await fetchApp('app://studybook/index.html', { method, body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expectSecurityHeaders(response);
  });

  it('answers 500 with security headers, and logs, when the library fails', async () => {
    const log = vi.fn();
    const handler = createAppRequestHandler(
      makeContent({
        readAsset: () => {
          throw new Error('SQLITE_CORRUPT');
        },
      }),
      log,
    );
    const response = await handler(
      new Request('app://studybook/assets/python-backend/0a1b2c3d.png'),
    );
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
    expect(log).toHaveBeenCalledOnce();
  });
});
