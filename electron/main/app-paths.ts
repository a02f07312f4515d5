// Where the running app finds its parts and keeps its data, in development (`npm start`, the
// repository on disk) and when packaged (an asar archive plus a resources folder).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BundledPackSource } from '../services.ts';

export interface AppLayout {
  /** The folder holding package.json and dist/: the repository, or the app's asar archive. */
  root: string;
  /** The built renderer, served on app://studybook. */
  rendererDir: string;
  /** The renderer's server build, with which app:// renders what an address shows into the page. */
  pageRenderer: string;
  /** The bundled preload script. */
  preload: string;
}

/** Overrides the user data folder: a fresh profile for tests, or a portable copy on a USB stick. */
export const USER_DATA_ENV = 'STUDYBOOK_USER_DATA_DIR';

/**
 * The layout around the bundled main script, which lives in `<root>/dist/electron/` in both
 * development and the packaged app.
 */
export function appLayout(mainDir: string): AppLayout {
  const root = path.resolve(mainDir, '..', '..');
  return {
    root,
    rendererDir: path.join(root, 'dist', 'renderer'),
    pageRenderer: path.join(root, 'dist', 'page-server', 'render.js'),
    preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
  };
}

/** The user data folder: USER_DATA_ENV when set to an absolute path, else `fallback`. */
export function chooseUserDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const override = env[USER_DATA_ENV];
  return override && path.isAbsolute(override) ? override : fallback;
}

/**
 * Where the bundled courses come from. Packaged: the compiled `.studypack` files in
 * `<resources>/courses`. Development: every course folder in `<root>/content`, compiled on start
 * into a cache beside it (rebuilt only when its sources change). Throws in development if the
 * content folder cannot be read.
 */
export function bundledPackSource(options: {
  packaged: boolean;
  resourcesPath: string;
  root: string;
}): BundledPackSource {
  if (options.packaged) {
    return { kind: 'packs', packDir: path.join(options.resourcesPath, 'courses') };
  }
  const contentDir = path.join(options.root, 'content');
  const courseDirs = readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => path.join(contentDir, entry.name))
    .sort();
  return { kind: 'sources', courseDirs, cacheDir: path.join(options.root, '.studybook-cache') };
}
