// Where the worker threads of the library start (install-worker.ts: an install, or the check of an
// install running beside it). Bundled, main.js and install-worker.js sit side by side in
// dist/electron; from sources, Node runs the TypeScript file itself.
export const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./install-worker.ts', import.meta.url)
  : new URL('./install-worker.js', import.meta.url);
