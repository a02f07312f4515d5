// The bundled main process, run under Node with a fake `electron` module (no Electron binary can
// be had here): checks that main.ts wires every module together, on real services over the
// sample courses. The modules themselves are unit-tested next to their code.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/serve/content-security-policy.ts';
import { createBuilder } from 'vite';
import { buildElectron } from '../../../scripts/build-electron.ts';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
let base: string;
let report: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let stderr = '';

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'studybook-main-'));
  const root = path.join(base, 'app');
  // A copy of the sources, so the build writes nowhere near the repository's dist/.
  cpSync(path.join(repo, 'electron'), path.join(root, 'electron'), { recursive: true });
  for (const shared of ['node_modules', 'tsconfig.json', 'content']) {
    symlinkSync(path.join(repo, shared), path.join(root, shared));
  }
  mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    path.join(root, 'dist', 'renderer', 'index.html'),
    '<!doctype html><html><head><title>Studybook</title></head><body><div id="app"></div></body></html>',
  );
  await buildElectron(root, { only: ['main', 'worker'], force: true, log: () => {} });
  // The page's real server build, where main looks for it.
  const builder = await createBuilder({
    configFile: path.join(repo, 'vite.config.ts'),
    logLevel: 'warn',
    environments: { ssr: { build: { outDir: path.join(root, 'dist', 'page-server') } } },
  });
  const server = builder.environments['ssr'];
  if (!server) throw new Error('vite.config.ts has no ssr environment.');
  await builder.build(server);

  // Studybook launched by a double-click on a course pack: the pack is its argument.
  writeFileSync(path.join(base, 'Week 3.studypack'), 'a pack, as far as staging cares');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      path.join(import.meta.dirname, 'use-fake-electron.ts'),
      path.join(root, 'dist', 'electron', 'main.js'),
      '--no-sandbox',
      'Week 3.studypack',
    ],
    {
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        STUDYBOOK_USER_DATA_DIR: path.join(base, 'user-data'),
        FAKE_APP_DATA: path.join(base, 'app-data'),
        FAKE_EXPECT_PACK: '1',
      },
      cwd: base,
    },
  );
  const line = run.stdout.split('\n').find((text) => text.startsWith('FAKE_ELECTRON_REPORT '));
  if (!line) throw new Error(`main did not finish:\n${run.stdout}\n${run.stderr}`);
  stderr = run.stderr;
  report = JSON.parse(line.slice('FAKE_ELECTRON_REPORT '.length));
}, 120_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('the bundled main process', () => {
  it('settles the scheme, name and profile before the lock, and the lock before ready', () => {
    const order = report['order'] as string[];
    const at = (step: string) => order.indexOf(step);
    expect(at('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('ready'));
    expect(at('setPath:userData')).toBeLessThan(at('requestSingleInstanceLock'));
    expect(at('requestSingleInstanceLock')).toBeLessThan(at('ready'));
    expect(report['paths']['userData']).toBe(path.join(base, 'user-data'));
    expect(report['sandboxEnabled']).toBe(true);
  });

  it('opens one window on the app origin with the secure preferences and the bundled preload', () => {
    expect(report['windows']).toHaveLength(1);
    const [{ url, options }] = report['windows'];
    expect(url).toBe('app://studybook/index.html');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join(base, 'app', 'dist', 'electron', 'preload.cjs'),
    });
  });

  it('serves the renderer on app:// with the CSP, and nothing outside it', () => {
    expect(report['page']).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      csp: CONTENT_SECURITY_POLICY,
    });
    expect(report['escape'].status).toBe(404);
  });

  it('renders the library into the page it serves, with the page’s server build', () => {
    const html = report['page'].text as string;
    const app = html.slice(html.indexOf('<div id="app">'), html.indexOf('studybook-first-view'));
    expect(app).toContain('Python Backend');
    expect(app).toContain('Git essentials');
    expect(html).toContain('<title>Library · Studybook</title>');
    expect(stderr).not.toMatch(/server build/);
  });

  it('serves a sample course’s code stylesheet from the library', () => {
    expect(report['codeStylesheet']).toMatchObject({
      status: 200,
      type: 'text/css; charset=utf-8',
    });
  });

  it('answers the contract over IPC for the app page, on one channel (and uploads on another)', () => {
    expect(report['ipcChannels']).toEqual(['studybook:call', 'studybook:upload']);
    expect(report['listCourses'].ok).toBe(true);
    const titles = report['listCourses'].value.courses.map(
      (course: { title: string }) => course.title,
    );
    expect(titles).toEqual(expect.arrayContaining(['Python Backend', 'Git essentials']));
  });

  it('refuses the contract to a foreign page', () => {
    expect(report['foreignCall']).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('guards the default session', () => {
    expect(report['httpsRequest']).toEqual({ cancel: true });
    expect(report['appRequest']).toEqual({ cancel: false });
    expect(report['dictionaryUrl']).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
  });

  it('stages a course pack named on the command line and hands it to the loaded page', () => {
    expect(report['sent']).toEqual([
      {
        channel: 'studybook:host-event',
        payload: {
          type: 'pack-opened',
          data: {
            uploadId: expect.stringMatching(/^[0-9a-f]{32}$/),
            name: 'Week 3.studypack',
            bytes: 31,
          },
        },
      },
    ]);
  });

  it('installs an opened pack on the bundled worker thread, which refuses a pack that is not one', () => {
    expect(report['installOpenedPack']).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'Week 3.studypack is a text file, not a Studybook course pack. Ask your instructor for the .studypack file.',
      },
    });
    expect(stderr, 'dist/electron/install-worker.js ran, not the fallback').not.toMatch(
      /install worker could not start/,
    );
  });

  it('installs the app menu for this platform', () => {
    const labels = (report['menuLabels'] as string[]).map((label) => label.replace('&', ''));
    expect(labels).toEqual(expect.arrayContaining(['File', 'editMenu', 'View', 'Help']));
  });
});
