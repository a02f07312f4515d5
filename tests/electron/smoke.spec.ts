// Launches the real Electron app on a fresh profile: its first window shows the library, and the
// page asks for nothing outside app://studybook. Everything else is tested against the preview
// host in Chromium; this is the one test of the Electron shell itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { USER_DATA_ENV } from '../../electron/main/app-paths.ts';
import { isAppUrl } from '../../electron/main/navigation-policy.ts';
import { prepareApp } from '../../scripts/build-app.ts';
import {
  electronEnvironment,
  electronLaunchArgs,
  locateElectronBinary,
} from '../../scripts/electron-binary.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const binary = locateElectronBinary({
  electronDir: path.join(root, 'node_modules', 'electron'),
  env: process.env,
  platform: process.platform,
});

test.skip(
  !binary.exists,
  `No Electron binary: ${binary.path} does not exist (it is downloaded on first run, which needs ` +
    'internet; run `npx install-electron` or set ELECTRON_OVERRIDE_DIST_PATH).',
);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await prepareApp(root, () => {});
});

test('opens the library on a fresh profile without a single request outside the app', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'studybook-electron-'));
  const { args } = electronLaunchArgs({
    mainScript: path.join(root, 'dist', 'electron', 'main.js'),
    platform: process.platform,
    uid: process.getuid?.(),
  });
  const app = await electron.launch({
    executablePath: binary.path,
    args,
    cwd: root,
    env: { ...electronEnvironment(process.env), [USER_DATA_ENV]: userData } as Record<
      string,
      string
    >,
  });
  try {
    const foreign: string[] = [];
    // On the context, not the page: it sees the first window's requests from the very start.
    app.context().on('request', (request) => {
      const url = request.url();
      if (!isAppUrl(url) && !url.startsWith('data:')) foreign.push(url);
    });

    const window = await app.firstWindow();
    await expect(
      window.getByRole('heading', { level: 1, name: 'Library' }),
      'the first window shows the library',
    ).toBeVisible();
    await expect(
      window.getByRole('heading', { level: 2, name: 'Python Backend' }),
      'the library lists the bundled Python course',
    ).toBeVisible();
    await expect(
      window.getByRole('heading', { level: 2, name: 'Git essentials' }),
      'the library lists the bundled Git course',
    ).toBeVisible();
    expect(window.url(), 'the page is served from the app origin').toMatch(/^app:\/\/studybook\//);
    expect(
      await window.evaluate(() => typeof (window as { require?: unknown }).require),
      'the page has no Node require',
    ).toBe('undefined');
    expect(foreign, 'requests the page made outside app://studybook').toEqual([]);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
