// Brings dist/ up to date for running the app: the renderer (Vite) when renderer/ changed, then
// Electron's main and preload. Shared by `npm start` and the Electron smoke test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildElectron } from './build-electron.ts';
import { isOutOfDate } from './freshness.ts';

/**
 * Builds whatever in dist/ is older than its sources. Throws with a one-line reason when a build
 * fails (the build tool has printed the details).
 */
export async function prepareApp(
  root: string,
  log: (message: string) => void = console.log,
): Promise<void> {
  buildRendererIfStale(root, log);
  await buildElectron(root, { log });
}

function buildRendererIfStale(root: string, log: (message: string) => void): void {
  const sources = path.join(root, 'renderer');
  const marker = path.join(root, 'dist', 'renderer', 'index.html');
  const serverBuild = path.join(root, 'dist', 'page-server', 'render.js');
  if (!existsSync(sources)) throw new Error('renderer/ is missing: there is no page to show.');
  const stale =
    !existsSync(serverBuild) || isOutOfDate(marker, [sources, path.join(root, 'vite.config.ts')]);
  if (!stale) return;
  log('Building the renderer (vite build)…');
  // Vite's own entry under this Node, not `npx vite`: no shell, and the same on Windows.
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed (see its output above).');
  for (const file of [marker, serverBuild]) {
    if (!existsSync(file)) {
      throw new Error(
        `vite build wrote no ${path.relative(root, file)}: check the build's outDir in vite.config.ts.`,
      );
    }
  }
}
