// Builds the page (dist/renderer) and its server build (dist/page-server), as `vite build` does
// from the command line (vite.config.ts builds every environment), for code that builds it
// itself: the preview on a first run, the end-to-end tests, the render benchmark.
import path from 'node:path';
import { createBuilder, type LogLevel } from 'vite';

const CONFIG = path.resolve(import.meta.dirname, '../vite.config.ts');

export async function buildPage(logLevel: LogLevel = 'warn'): Promise<void> {
  const builder = await createBuilder({ configFile: CONFIG, logLevel });
  await builder.buildApp();
}
