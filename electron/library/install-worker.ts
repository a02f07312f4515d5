// The install of one pack, on a worker thread: checking a large pack and copying it can take
// seconds, and the main process (Electron's UI, the preview's HTTP server) must stay responsive
// meanwhile. It runs installPackConcurrently on its own connection to the library, with the check
// on a second thread it starts first thing (this same script, in its 'check' role, check-thread.ts),
// and reports progress and the outcome as messages (install-runner.ts is the other end). Once the
// outcome is reported, it checkpoints the library (see install-pack.ts) and ends.
//
// Modules load after the check thread is started, so that both threads load theirs at once.
import { parentPort, workerData } from 'node:worker_threads';
import { CheckThread, isCheckThreadData, serveChecks } from './check-thread.ts';
import type { WorkerMessage, WorkerRequest } from './install-runner.ts';

const port = parentPort;
if (port && isCheckThreadData(workerData)) {
  const { checkPack } = await import('./check-pack.ts');
  serveChecks(port, checkPack);
} else if (port) {
  const checkThread = new CheckThread();
  const post = (message: WorkerMessage) => port.postMessage(message);
  const request = workerData as WorkerRequest;
  const { runInstall } = await import('./install-runner.ts');
  const { PackError } = await import('./pack-error.ts');
  post({ type: 'ready' });
  try {
    await runInstall(
      request,
      (phase, fraction) => post({ type: 'progress', phase, fraction }),
      checkThread.check,
      // The outcome is told before the library's checkpoint, which is no part of the install.
      (outcome) => post({ type: 'done', outcome }),
    );
  } catch (error) {
    post(
      error instanceof PackError
        ? { type: 'refused', message: error.message }
        : {
            type: 'failed',
            message: error instanceof Error ? (error.stack ?? error.message) : String(error),
          },
    );
  } finally {
    await checkThread.close();
  }
}
