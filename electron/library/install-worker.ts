// The install of one pack, on a worker thread: checking a large pack and copying it can take
// seconds, and the main process (Electron's UI, the preview's HTTP server) must stay responsive
// meanwhile. It runs the very same installPack, on its own connection to the library, and
// reports progress and the outcome as messages (install-runner.ts is the other end).
import { parentPort, workerData } from 'node:worker_threads';
import { installPack } from './install-pack.ts';
import type { WorkerMessage, WorkerRequest } from './install-runner.ts';
import { openLibraryConnection } from './open-library.ts';
import { PackError } from './pack-error.ts';

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage) => port.postMessage(message);
  post({ type: 'ready' });
  const request = workerData as WorkerRequest;
  try {
    const library = openLibraryConnection(request.libraryFile);
    try {
      const outcome = installPack(library, request.packFile, {
        policy: request.policy,
        limits: request.limits,
        displayName: request.displayName,
        now: () => new Date(request.now),
        onProgress: (phase, fraction) => post({ type: 'progress', phase, fraction }),
      });
      post({ type: 'done', outcome });
    } finally {
      library.close();
    }
  } catch (error) {
    post(
      error instanceof PackError
        ? { type: 'refused', message: error.message }
        : {
            type: 'failed',
            message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          },
    );
  }
}
