// `studybook preview`: the app in a browser, on 127.0.0.1, with live reload of course sources.
import { randomBytes } from 'node:crypto';
import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { openAppServices } from '../services.ts';
import { createLiveEvents } from './live-events.ts';
import { createPreviewServer } from './preview-server.ts';
import { pageRendererOrNull } from '../serve/page-renderer.ts';

export interface PreviewOptions {
  courseDirs: string[];
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Recompile a course when one of its files changes. */
  watch?: boolean;
  rendererDir?: string;
  /**
   * The page's server build; defaults to the repository's (dist/page-server/render.js). Null:
   * none, the browser builds every page itself.
   */
  pageRenderer?: string | null;
  /** Where built packs are cached between runs; defaults to `<dataDir>/packs`. */
  packCacheDir?: string;
  quiet?: boolean;
}

export interface RunningPreview {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** The built page, next to the repository's sources. */
export const DEFAULT_RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');
/** ...and its server build, with which the host renders what an address shows into the page. */
export const DEFAULT_PAGE_RENDERER = path.resolve(
  import.meta.dirname,
  '../../dist/page-server/render.js',
);

/**
 * Builds the page and its server build with Vite when the repository has no build of them yet (a
 * fresh clone whose `npm install` was told to skip scripts). Throws when the build fails.
 */
export async function ensureRendererBuilt(say: (line: string) => void): Promise<void> {
  const built =
    existsSync(path.join(DEFAULT_RENDERER_DIR, 'index.html')) && existsSync(DEFAULT_PAGE_RENDERER);
  if (built) return;
  say('Building the page (first run)…');
  const { buildPage } = await import('../../scripts/build-page.ts');
  await buildPage();
}

/** How long to wait after a file change for the editor to finish saving. */
const SETTLE_MS = 80;

/**
 * Starts the preview host on 127.0.0.1. Throws when the port is taken or the data folder is
 * unusable; a course with errors is reported in the page instead.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.quiet ? () => undefined : console.log;
  const courseDirs = options.courseDirs.map((dir) => path.resolve(dir));
  // Loaded while the courses compile, not after; it never rejects (a missing build is logged).
  const loadingRenderer =
    options.pageRenderer === null
      ? Promise.resolve(null)
      : pageRendererOrNull(options.pageRenderer ?? DEFAULT_PAGE_RENDERER, log);
  const services = await openAppServices({
    dataDir: options.dataDir,
    bundledPacks: {
      kind: 'sources',
      courseDirs,
      cacheDir: options.packCacheDir ?? path.join(options.dataDir, 'packs'),
    },
    // A browser preview has no system browser to hand the link to; the instructor sees it here.
    openExternal: async (url) => log(`The page asked to open ${url} in the system browser.`),
  });
  const events = createLiveEvents();
  const token = randomBytes(24).toString('base64url');
  const server = createPreviewServer({
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    token,
    handlers: services.handlers,
    render: await loadingRenderer,
    readAsset: services.readAsset,
    readCodeStylesheet: services.readCodeStylesheet,
    events,
    uploads: services.uploads,
    ...(options.quiet ? { log: () => undefined } : {}),
  });
  const stopProgress = services.onImportProgress((progress) =>
    events.publish({ type: 'import-progress', data: progress }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const watchers = options.watch
    ? courseDirs.map((courseDir) =>
        watchCourse(courseDir, async () => {
          const outcome = await services.refreshCourse(courseDir);
          if (outcome.ok) {
            if (outcome.changed) {
              log(`Rebuilt ${outcome.courseId}.`);
              events.publish({ type: 'reload', data: { courseId: outcome.courseId } });
            }
          } else {
            log(`${courseDir} has errors:\n${outcome.diagnostics.join('\n')}`);
            events.publish({
              type: 'compile-error',
              data: {
                courseDir: path.relative(process.cwd(), courseDir),
                diagnostics: outcome.diagnostics,
              },
            });
          }
        }),
      )
    : [];

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    async close() {
      await Promise.all(watchers.map((watcher) => watcher.close()));
      stopProgress();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
}

/** Calls `onChange` once a burst of changes in `dir` has settled; one rebuild at a time. */
function watchCourse(dir: string, onChange: () => Promise<void>): { close(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(onChange).catch((error: unknown) => console.error(error));
    }, SETTLE_MS);
  });
  return {
    async close() {
      // No rebuild may start, or still run, once the services it uses are closed.
      clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
