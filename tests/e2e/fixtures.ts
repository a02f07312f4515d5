// Every end-to-end test gets its own preview host (a random port, a fresh data folder, the sample
// courses), a page whose requests may not leave that host's origin, and a page that may not throw
// or break its Content Security Policy. Import `test` and `expect` from here, not from Playwright.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startPreview, type RunningPreview } from '../../electron/preview/start-preview.ts';
import { NetworkGuard } from './network-guard.ts';

export { expect };

const REPO = path.resolve(import.meta.dirname, '../..');
const CONTENT = path.join(REPO, 'content');
const RENDERER = path.join(REPO, 'dist/renderer');
// The sample courses compile once per run, not once per test; edited copies build their own.
const SHARED_PACK_CACHE = path.join(os.tmpdir(), 'studybook-e2e-packs');

export interface Preview extends RunningPreview {
  /** `http://127.0.0.1:PORT`, without the trailing slash. */
  origin: string;
  /** This test's own data folder (library and progress databases). */
  dataDir: string;
  /** The course folders the preview compiled. */
  courseDirs: string[];
}

export interface LaunchOptions {
  /** Copy the sample courses into the data folder first, so that a test may edit them. */
  editableCourses?: boolean;
  /** Recompile a course when its files change (live reload). */
  watch?: boolean;
}

/** Every course folder under content/. */
export async function sampleCourseDirs(): Promise<string[]> {
  const entries = await readdir(CONTENT, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(CONTENT, entry.name))
    .sort();
}

/** Starts a preview host on the sample courses in a fresh temp folder; `close` removes the folder. */
export async function launchPreview(options: LaunchOptions = {}): Promise<Preview> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'studybook-e2e-'));
  try {
    let courseDirs = await sampleCourseDirs();
    if (options.editableCourses) {
      const copies = path.join(dataDir, 'courses');
      courseDirs = await Promise.all(
        courseDirs.map(async (dir) => {
          const copy = path.join(copies, path.basename(dir));
          await cp(dir, copy, { recursive: true });
          return copy;
        }),
      );
    }
    const running = await startPreview({
      courseDirs,
      dataDir,
      rendererDir: RENDERER,
      ...(options.editableCourses ? {} : { packCacheDir: SHARED_PACK_CACHE }),
      watch: options.watch ?? false,
      quiet: true,
    });
    return {
      ...running,
      origin: new URL(running.url).origin,
      dataDir,
      courseDirs,
      async close() {
        await running.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

interface Fixtures {
  /** How this test's preview host is started; override with `test.use({ launch: … })`. */
  launch: LaunchOptions;
  preview: Preview;
  network: NetworkGuard;
}

export const test = base.extend<Fixtures>({
  launch: [{}, { option: true }],

  preview: async ({ launch }, use) => {
    const preview = await launchPreview(launch);
    try {
      await use(preview);
    } finally {
      await preview.close();
    }
  },

  baseURL: async ({ preview }, use) => {
    await use(preview.url);
  },

  network: [
    async ({ context, preview }, use) => {
      const guard = await NetworkGuard.install(context, preview.origin);
      await use(guard);
      expect(
        guard.foreign,
        `Studybook must work offline, but the page asked for URLs outside ${preview.origin}:\n` +
          guard.foreign.join('\n'),
      ).toEqual([]);
    },
    { auto: true },
  ],

  page: async ({ page, javaScriptEnabled }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`Uncaught: ${error.message}`));
    page.on('console', (message) => {
      // Chromium reports CSP violations only on the console; the preview sends the same CSP
      // as app://, so this is where an inline script or style would surface first.
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(message.text());
      }
    });
    // A page the host rendered is painted before the app's script has taken it over, as in a
    // browser; a test acts as soon as it sees it, faster than a person could. So a load waits
    // for the app to have started (renderer/src/start.ts), as a person in effect does.
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    const started = async <T>(loaded: T): Promise<T> => {
      if (javaScriptEnabled === false) return loaded;
      await page.waitForFunction(
        () => !document.getElementById('app') || 'started' in document.documentElement.dataset,
      );
      return loaded;
    };
    page.goto = async (...args) => started(await goto(...args));
    page.reload = async (...args) => started(await reload(...args));
    await use(page);
    expect(problems, `The page threw or broke its CSP:\n${problems.join('\n')}`).toEqual([]);
  },
});
