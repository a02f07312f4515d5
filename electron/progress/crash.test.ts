// SIGKILL at random moments proves what a crash of the app can do to the file: every write the
// child saw return is there, and the file is intact. (Power loss is what synchronous=FULL is for;
// a process kill leaves the OS cache to finish the job, so this test cannot show that part.)

import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProgressStore, PROGRESS_FILE_NAME } from './open-progress-store.ts';
import {
  eventTrace,
  EVENTS_PER_WRITER,
  POSITION_SQL,
  STORED_EVENTS_SQL,
} from './test-support/crash-events.ts';
import { queryFile, tempDirPerTest } from './test-support/factories.ts';

const WRITER = path.join(import.meta.dirname, 'test-support', 'crash-writer.ts');
const ROUNDS = 20;
const MAX_KILL_DELAY_MS = 120;

type Round = { acknowledged: number[]; signal: NodeJS.Signals | null; stderr: string };

/** Starts a writer that loads and then waits; `run` lets it write and kills it mid-stream. */
function spawnWriter(dataDir: string, firstEvent: number) {
  const child = spawn(process.execPath, [WRITER, dataDir, String(firstEvent)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acknowledged: number[] = [];
  let pending = '';
  let stderr = '';
  let afterFirstAck: (() => void) | null = null;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) acknowledged.push(Number(line));
    if (acknowledged.length > 0 && afterFirstAck) {
      afterFirstAck();
      afterFirstAck = null;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });

  return {
    /** Lets the writer go and kills it `delayMs` after its first acknowledged write. */
    async run(delayMs: number): Promise<Round> {
      afterFirstAck = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
      child.stdin.end('go\n');
      const signal = await exited;
      return { acknowledged, signal, stderr };
    },
    /** Ends a writer that was never let go. */
    cancel(): void {
      child.stdin.end();
    },
  };
}

describe('a writer killed with SIGKILL', () => {
  const dataDir = tempDirPerTest();

  it(`loses no acknowledged write and leaves an intact file, over ${ROUNDS} rounds`, async () => {
    const file = path.join(dataDir(), PROGRESS_FILE_NAME);
    const acknowledged: number[] = [];
    let lastPosition = -1;
    let next = spawnWriter(dataDir(), 0);

    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const writer = next;
        next = spawnWriter(dataDir(), (round + 1) * EVENTS_PER_WRITER);
        const delayMs = Math.floor(Math.random() * MAX_KILL_DELAY_MS);
        const result = await writer.run(delayMs);
        expect(result.signal, `round ${round} ended on its own: ${result.stderr}`).toBe('SIGKILL');
        acknowledged.push(...result.acknowledged);
        lastPosition = Math.max(lastPosition, ...result.acknowledged.filter((n) => n % 4 === 0));

        const { store, recovered } = openProgressStore({ dataDir: dataDir() });
        store.close();
        expect(recovered, `round ${round} left a file that had to be moved aside`).toBeNull();
        expect(queryFile(file, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

        const stored = new Set(
          (queryFile(file, STORED_EVENTS_SQL) as Record<string, string>[]).map(
            (row) => Object.values(row)[0],
          ),
        );
        const lost = acknowledged.filter((n) => !stored.has(eventTrace(n)));
        expect(lost, `round ${round} (killed ${delayMs} ms in) lost acknowledged writes`).toEqual(
          [],
        );
        const [position] = queryFile(file, POSITION_SQL) as { section_id: string }[];
        expect(Number(position?.section_id.slice(2))).toBeGreaterThanOrEqual(lastPosition);
      }
    } finally {
      next.cancel();
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
  }, 60_000);
});
