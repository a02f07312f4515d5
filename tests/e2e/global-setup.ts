// The preview host serves the built renderer, so every run tests the page as it ships: build it
// once, before any test starts.
import path from 'node:path';
import { build } from 'vite';

export default async function globalSetup(): Promise<void> {
  await build({
    configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'warn',
  });
}
