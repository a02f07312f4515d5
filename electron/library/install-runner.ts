// Runs an install on a worker thread (install-worker.ts), so that a large pack keeps neither
// Electron's main process nor the preview host from answering. Falls back to this thread when a
// worker cannot be started at all (a packaging that left the worker script out).
import { Worker } from 'node:worker_threads';
import type { PackChecker, PackLimits } from './check-pack.ts';
import {
  installPack,
  installPackConcurrently,
  type InstallOptions,
  type InstallOutcome,
  type InstallPolicy,
} from './install-pack.ts';
import { checkpointLibrary, openLibraryConnection } from './open-library.ts';
import { PackError } from './pack-error.ts';
import { PackStore } from './pack-store.ts';
import { WORKER_URL } from './worker-script.ts';

export { WORKER_URL } from './worker-script.ts';

/** What the worker is asked to do; only plain data, since it crosses threads. */
export interface WorkerRequest {
  libraryFile: string;
  packFile: string;
  displayName: string;
  policy: InstallPolicy;
  limits: Partial<PackLimits>;
  /** The install time, as milliseconds since the epoch. */
  now: number;
  /**
   * The folder of kept packs (PackStore): an installed pack is kept there, durably, before the
   * library commits it. Null to keep nothing (the pack is kept already, or need not be).
   */
  keepIn: string | null;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; phase: 'checking' | 'installing'; fraction: number }
  | { type: 'done'; outcome: InstallOutcome }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string };

export type InstallProgress = (phase: 'checking' | 'installing', fraction: number) => void;

/** Runs one install and settles with its outcome; what installPack throws, it rejects with. */
export type InstallRunner = (
  request: WorkerRequest,
  onProgress: InstallProgress,
) => Promise<InstallOutcome>;

/**
 * Installs on a worker thread. Rejects with PackError when the pack is refused, with an Error when
 * the install failed otherwise; the library is unchanged in both cases.
 */
export const installInWorker: InstallRunner = (request, onProgress) =>
  new Promise((resolve, reject) => {
    let started = false;
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    let worker: Worker;
    const fallBack = (why: unknown) => {
      console.warn(
        `Studybook: the install worker could not start (${why instanceof Error ? why.message : String(why)}); installing on the main thread.`,
      );
      settle(() => installHere(request, onProgress).then(resolve, reject));
    };
    try {
      worker = new Worker(WORKER_URL, { workerData: request });
    } catch (error) {
      fallBack(error);
      return;
    }
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          started = true;
          return;
        case 'progress':
          return onProgress(message.phase, message.fraction);
        case 'done':
          return settle(() => resolve(message.outcome));
        case 'refused':
          return settle(() => reject(new PackError(request.packFile, message.message)));
        case 'failed':
          return settle(() => reject(new Error(`The install failed: ${message.message}`)));
      }
    });
    worker.on('error', (error) => {
      // The worker could not even load: install here rather than not at all.
      if (!started) fallBack(error);
      else settle(() => reject(error));
    });
    worker.on('exit', (code) => {
      if (!started) fallBack(`exit code ${code}`);
      else settle(() => reject(new Error(`The install stopped unexpectedly (exit code ${code}).`)));
    });
  });

/** Installs on this thread, with the same request; for tests and as the worker's fallback. */
export const installHere: InstallRunner = (request, onProgress) =>
  runInstall(request, onProgress, null);

/**
 * Runs `request` on this thread, on a connection of its own: checked on another thread by
 * `checker` while it copies (installPackConcurrently), or first, here (installPack). Calls
 * `reported` with the outcome before checkpointing the library, which is no part of the install.
 */
export async function runInstall(
  request: WorkerRequest,
  onProgress: InstallProgress,
  checker: PackChecker | null,
  reported: (outcome: InstallOutcome) => void = () => {},
): Promise<InstallOutcome> {
  const library = openLibraryConnection(request.libraryFile);
  try {
    const store = request.keepIn === null ? null : new PackStore(request.keepIn);
    const options: InstallOptions = {
      policy: request.policy,
      limits: request.limits,
      displayName: request.displayName,
      now: () => new Date(request.now),
      onProgress,
      ...(store
        ? { beforeCommit: (outcome) => store.keep(outcome.courseId, request.packFile) }
        : {}),
    };
    const outcome = checker
      ? await installPackConcurrently(library, request.packFile, { ...options, checker })
      : installPack(library, request.packFile, options);
    reported(outcome);
    checkpointLibrary(library);
    return outcome;
  } finally {
    library.close();
  }
}
