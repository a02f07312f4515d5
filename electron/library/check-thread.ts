// A thread that checks packs (checkPack), so that an install can copy a pack on its own thread
// meanwhile (installPackConcurrently). It runs install-worker.ts in its 'check' role; each check
// answers on a channel of its own, which the installing thread reads without waiting (poll)
// between steps of its copy, and waits on (result) once its copy is done.
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type {
  CheckedPack,
  CheckPackOptions,
  PackChecker,
  PendingCheck,
  PendingCheckState,
} from './check-pack.ts';
import { PackError } from './pack-error.ts';
import { WORKER_URL } from './worker-script.ts';

/** What a check thread is started with (its workerData). */
export interface CheckThreadData {
  role: 'check';
}

/** One check asked of the thread; the answers go to `reply`. */
export interface CheckRequest {
  packFile: string;
  options: Omit<CheckPackOptions, 'onProgress'>;
  reply: MessagePort;
}

/** The thread's answers to one check: progress, then one verdict. */
export type CheckAnswer =
  | { type: 'progress'; fraction: number }
  | { type: 'passed'; checked: CheckedPack }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string };

/** Is `data` what a check thread is started with? */
export function isCheckThreadData(data: unknown): data is CheckThreadData {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'check';
}

/**
 * The thread's side: answers each CheckRequest arriving on `port` with `check` (checkPack). Never
 * throws: a refusal and any other failure are answers too.
 */
export function serveChecks(
  port: MessagePort,
  check: (packFile: string, options: CheckPackOptions) => CheckedPack,
): void {
  port.on('message', ({ packFile, options, reply }: CheckRequest) => {
    const answer = (message: CheckAnswer) => reply.postMessage(message);
    try {
      const checked = check(packFile, {
        ...options,
        onProgress: (fraction) => answer({ type: 'progress', fraction }),
      });
      answer({ type: 'passed', checked });
    } catch (error) {
      answer(
        error instanceof PackError
          ? { type: 'refused', message: error.message }
          : { type: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    }
  });
}

/**
 * A thread that checks packs, one at a time, for as long as it is open. It does not keep the
 * process alive. When it cannot start or stops, its checks fail (not refuse): the installing
 * thread then checks on its own.
 */
export class CheckThread {
  readonly #worker: Worker | null;
  #stopped: Error | null = null;
  readonly #failOnStop = new Set<(error: Error) => void>();

  constructor(url: URL = WORKER_URL) {
    let worker: Worker | null = null;
    try {
      worker = new Worker(url, { workerData: { role: 'check' } satisfies CheckThreadData });
      worker.unref();
      const stop = (error: Error) => {
        this.#stopped ??= error;
        for (const fail of this.#failOnStop) fail(this.#stopped);
      };
      worker.on('error', stop);
      worker.on('exit', (code) => stop(new Error(`The check thread stopped (exit code ${code}).`)));
    } catch (error) {
      this.#stopped = error instanceof Error ? error : new Error(String(error));
    }
    this.#worker = worker;
  }

  /** Starts checking `packFile` on the thread; see PendingCheck. */
  readonly check: PackChecker = (packFile, { onProgress, ...options }) => {
    const { port1: answers, port2: reply } = new MessageChannel();
    let state: PendingCheckState = 'checking';
    let checked: CheckedPack | null = null;
    let failure: Error | null = null;
    let settle: (() => void) | null = null;

    const take = (answer: CheckAnswer) => {
      if (state !== 'checking') return;
      if (answer.type === 'progress') {
        onProgress?.(answer.fraction);
        return;
      }
      if (answer.type === 'passed') {
        state = 'passed';
        checked = answer.checked;
      } else {
        state = answer.type;
        failure =
          answer.type === 'refused'
            ? new PackError(packFile, answer.message)
            : new Error(`The check could not run: ${answer.message}`);
      }
      finish();
    };
    const fail = (error: Error) => {
      if (state !== 'checking') return;
      state = 'failed';
      failure = error;
      finish();
    };
    const finish = () => {
      this.#failOnStop.delete(fail);
      answers.close();
      settle?.();
    };

    if (this.#stopped || !this.#worker) {
      fail(this.#stopped ?? new Error('The check thread is not running.'));
    } else {
      this.#failOnStop.add(fail);
      const request: CheckRequest = { packFile, options, reply };
      this.#worker.postMessage(request, [reply]);
    }

    const poll = (): PendingCheckState => {
      for (let message = receiveMessageOnPort(answers); message && state === 'checking';) {
        take(message.message as CheckAnswer);
        if (state === 'checking') message = receiveMessageOnPort(answers);
      }
      return state;
    };
    const pending: PendingCheck = {
      poll,
      result: () =>
        new Promise<CheckedPack>((resolve, reject) => {
          settle = () => (checked ? resolve(checked) : reject(failure ?? new Error('No verdict.')));
          if (poll() !== 'checking') return settle();
          answers.on('message', take);
          answers.on('close', () => fail(new Error('The check thread went away.')));
        }),
    };
    return pending;
  };

  /** Stops the thread (any check still running fails). */
  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}
