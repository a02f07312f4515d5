import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCourse } from '../../tests/support/compiled-courses.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { writePack } from '../course/pack-writer.ts';
import { REPLACE_ANY_CHANGE } from './install-pack.ts';
import {
  installInWorker,
  WORKER_URL,
  type WorkerMessage,
  type WorkerRequest,
} from './install-runner.ts';
import { createLibraryReader } from './library-reader.ts';
import { openLibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());

function request(overrides: Partial<WorkerRequest>): WorkerRequest {
  return {
    libraryFile: path.join(temp.dir, 'none.sqlite'),
    packFile: path.join(temp.dir, 'none.studypack'),
    displayName: 'course.studypack',
    policy: REPLACE_ANY_CHANGE,
    limits: {},
    now: Date.parse('2026-01-01T00:00:00Z'),
    keepIn: null,
    ...overrides,
  };
}

describe('installing on a worker thread', () => {
  it('loads the worker script itself (no fallback) and reports what it did', async () => {
    const messages: WorkerMessage[] = [];
    const worker = new Worker(WORKER_URL, { workerData: request({}) });
    worker.on('message', (message: WorkerMessage) => messages.push(message));
    await new Promise((resolve) => worker.once('exit', resolve));
    expect(messages[0]).toEqual({ type: 'ready' });
    expect(messages.at(-1)).toMatchObject({ type: 'failed' });
  });

  it('installs into the library the main thread reads, with progress in order', async () => {
    const dataDir = path.join(temp.dir, 'library');
    mkdirSync(dataDir, { recursive: true });
    const db = openLibraryDatabase(dataDir);
    const packFile = path.join(temp.dir, 'docker.studypack');
    writePack(
      makeCourse({ id: 'docker', lessons: [{ id: 'images' }, { id: 'volumes' }] }),
      packFile,
    );
    const progress: string[] = [];
    const outcome = await installInWorker(
      request({ libraryFile: path.join(dataDir, 'library.sqlite'), packFile }),
      (phase, fraction) => progress.push(`${phase} ${fraction.toFixed(2)}`),
    );
    expect(outcome).toMatchObject({ courseId: 'docker', status: 'installed' });
    expect(
      createLibraryReader(db)
        .listCourses()
        .map((course) => course.id),
    ).toEqual(['docker']);
    expect(progress.at(-1)).toBe('installing 1.00');
    expect(progress.findIndex((line) => line.startsWith('installing'))).toBeGreaterThan(0);
    db.close();
  });

  it('rejects with the PackError of a refused pack', async () => {
    const dataDir = path.join(temp.dir, 'refusing');
    openLibraryDatabase(dataDir).close();
    const text = path.join(temp.dir, 'notes.studypack');
    writeFileSync(text, 'hello\n');
    const attempt = installInWorker(
      request({
        libraryFile: path.join(dataDir, 'library.sqlite'),
        packFile: text,
        displayName: 'notes.studypack',
      }),
      () => {},
    );
    await expect(attempt).rejects.toBeInstanceOf(PackError);
    await expect(attempt).rejects.toThrow(/^notes\.studypack is a text file/);
  });
});
