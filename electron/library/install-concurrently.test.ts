// installPackConcurrently: the check on another thread while this one copies into an open
// transaction. It must install exactly what installPack installs, and keep installPack's
// guarantees: nothing is committed unless the whole pack passed its check (a refusal found after
// the copy has run leaves the library byte-for-byte as it was, with no trace once reopened), a
// damaged pack is refused with the check's message, and a check that cannot run elsewhere runs here.
import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCourse } from '../../tests/support/compiled-courses.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import type { CompiledCourse } from '../course/model.ts';
import { writePack } from '../course/pack-writer.ts';
import { checkPack, type PackChecker, type PendingCheckState } from './check-pack.ts';
import { CheckThread } from './check-thread.ts';
import { installPack, installPackConcurrently, type CommitFollowUp } from './install-pack.ts';
import { createLibraryReader } from './library-reader.ts';
import { checkpointLibrary, openLibraryDatabase, type LibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';

const temp = makeTempDir();
let checkThread: CheckThread;
beforeAll(() => {
  checkThread = new CheckThread();
});
afterAll(async () => {
  await checkThread.close();
  temp.remove();
});

let libraries = 0;
function freshLibrary(): { db: LibraryDatabase; dataDir: string; file: string } {
  libraries += 1;
  const dataDir = path.join(temp.dir, `library-${libraries}`);
  return { db: openLibraryDatabase(dataDir), dataDir, file: path.join(dataDir, 'library.sqlite') };
}

let packs = 0;
function packOf(course: CompiledCourse, edit?: (db: Database.Database) => void): string {
  packs += 1;
  const file = path.join(temp.dir, `pack-${packs}.studypack`);
  writePack(course, file);
  if (edit) {
    const db = new Database(file);
    edit(db);
    db.close();
  }
  return file;
}

const course = (id = 'docker', lessons = 3): CompiledCourse =>
  makeCourse({
    id,
    title: 'Docker basics',
    lessons: Array.from({ length: lessons }, (_, index) => ({
      id: `lesson-${index + 1}`,
      introHtml: `<p>Lesson ${index + 1} about <strong>containers</strong>.</p>`,
      sections: [
        { id: 'layers', body: `Images are made of layers (${index}).` },
        { id: 'cache', body: 'The build cache reuses unchanged layers.' },
      ],
      questions: ['What is a layer?'],
      faq: [{ question: 'Why layers?', answerHtml: '<p>They are shared.</p>' }],
    })),
  });

/** Everything the library holds, minus the install time. */
function contents(db: LibraryDatabase): unknown {
  const tables = ['courses', 'lessons', 'sections', 'questions', 'faq', 'related', 'assets'];
  return {
    ...Object.fromEntries(
      tables.map((table) => [
        table,
        db
          .prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)
          .all()
          .map((row) => ({ ...(row as object), installed_at: null })),
      ]),
    ),
    search_docs: db.prepare('SELECT * FROM search_docs ORDER BY id').all(),
    search: db
      .prepare(
        `SELECT rowid, highlight(search_index, 1, '[', ']') AS hit FROM search_index
         WHERE search_index MATCH 'layers' ORDER BY rowid`,
      )
      .all(),
  };
}

function mainFileBytes(db: LibraryDatabase, file: string): Buffer {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(file);
}

/** A checker that gives no verdict until the copy is done, then checks here: refusals come late. */
function checkingAfterTheCopy(beforeVerdict: () => void = () => {}): PackChecker {
  return (packFile, options) => ({
    poll: () => 'checking',
    result: async () => {
      beforeVerdict();
      return checkPack(packFile, options);
    },
  });
}

describe('installing while the pack is checked on another thread', () => {
  it('installs exactly what installPack installs, and reports both phases', async () => {
    const pack = packOf(course());
    const now = () => new Date('2026-01-01T00:00:00Z');
    const alone = freshLibrary();
    installPack(alone.db, pack, { now });
    const together = freshLibrary();
    const phases: string[] = [];
    const outcome = await installPackConcurrently(together.db, pack, {
      now,
      checker: checkThread.check,
      onProgress: (phase, fraction) => phases.push(`${phase} ${fraction.toFixed(2)}`),
    });
    expect(outcome).toMatchObject({ courseId: 'docker', status: 'installed' });
    expect(contents(together.db)).toEqual(contents(alone.db));
    expect(phases).toContain('checking 1.00');
    expect(phases.at(-1)).toBe('installing 1.00');
    expect(
      await installPackConcurrently(together.db, pack, { checker: checkThread.check }),
    ).toMatchObject({ status: 'unchanged' });
    alone.db.close();
    together.db.close();
  });

  it('rolls back a copy that has run when the check refuses the pack after it', async () => {
    const { db, dataDir, file } = freshLibrary();
    installPack(db, packOf(course('git')));
    const before = mainFileBytes(db, file);
    const refused = packOf(course(), (pack) =>
      pack.exec(`UPDATE sections SET html = '<p>zebracorn</p><script>alert(1)</script>',
                   text = 'zebracorn' WHERE id = 'cache'`),
    );
    const seenBeforeVerdict: unknown[] = [];
    const attempt = installPackConcurrently(db, refused, {
      checker: checkingAfterTheCopy(() => {
        // The copy and the index ran, in the transaction still open on this connection.
        seenBeforeVerdict.push(
          db.prepare(`SELECT count(*) FROM lessons WHERE course_id = 'docker'`).pluck().get(),
          db
            .prepare(`SELECT count(*) FROM search_index WHERE search_index MATCH 'zebracorn'`)
            .pluck()
            .get(),
        );
      }),
    });
    await expect(attempt).rejects.toBeInstanceOf(PackError);
    await expect(attempt).rejects.toThrow(/its HTML holds a <script> element/);
    expect(seenBeforeVerdict).toEqual([3, 3]);

    expect(mainFileBytes(db, file).equals(before), 'the library file is the same').toBe(true);
    db.close();
    const reopened = openLibraryDatabase(dataDir);
    expect(
      createLibraryReader(reopened)
        .listCourses()
        .map((c) => c.id),
    ).toEqual(['git']);
    expect(
      reopened
        .prepare(`SELECT count(*) FROM search_index WHERE search_index MATCH 'zebracorn'`)
        .pluck()
        .get(),
      'no trace in the index',
    ).toBe(0);
    expect(reopened.prepare(`SELECT count(*) FROM lessons`).pluck().get()).toBe(3);
    expect(
      await installPackConcurrently(reopened, packOf(course()), { checker: checkThread.check }),
      'and the library keeps working',
    ).toMatchObject({ status: 'installed' });
    reopened.close();
  });

  it('refuses a pack damaged part way with the check’s message, whatever the copy hit', async () => {
    const { db, file } = freshLibrary();
    const before = mainFileBytes(db, file);
    const damaged = packOf(course('docker', 60));
    const data = readFileSync(damaged);
    const pageSize = data.readUInt16BE(16);
    // The last pages (rows the copy reaches, after others it has copied) are junk.
    for (let offset = data.length - 4 * pageSize; offset < data.length; offset += 1) {
      data[offset] = (offset * 31) & 0xff;
    }
    writeFileSync(damaged, data);
    for (const checker of [checkThread.check, checkingAfterTheCopy()]) {
      const attempt = installPackConcurrently(db, damaged, { checker });
      await expect(attempt).rejects.toBeInstanceOf(PackError);
      await expect(attempt).rejects.toThrow(/is damaged \(.+\)\. Copy it again/);
      expect(mainFileBytes(db, file).equals(before)).toBe(true);
    }
    db.close();
  });

  it('stops copying as soon as the check refuses, and throws the check’s refusal', async () => {
    const { db, file } = freshLibrary();
    const before = mainFileBytes(db, file);
    const pack = packOf(course());
    let polls = 0;
    const refusal = new PackError(
      pack,
      'docker.studypack is not a valid course pack: a test says so.',
    );
    const attempt = installPackConcurrently(db, pack, {
      checker: () => ({
        poll: (): PendingCheckState => {
          polls += 1;
          return 'refused';
        },
        result: () => Promise.reject(refusal),
      }),
    });
    await expect(attempt).rejects.toBe(refusal);
    expect(polls, 'the copy stopped at its first step').toBe(1);
    expect(mainFileBytes(db, file).equals(before)).toBe(true);
    db.close();
  });

  it('checks on its own thread when the check cannot run elsewhere', async () => {
    const cannotRun: PackChecker = () => ({
      poll: () => 'failed',
      result: () => Promise.reject(new Error('The check thread stopped (exit code 1).')),
    });
    const { db } = freshLibrary();
    expect(
      await installPackConcurrently(db, packOf(course()), { checker: cannotRun }),
    ).toMatchObject({ status: 'installed' });
    const refused = packOf(course('git'), (pack) => pack.exec(`UPDATE course SET version = 'x'`));
    await expect(installPackConcurrently(db, refused, { checker: cannotRun })).rejects.toThrow(
      /version is not a semantic version/,
    );
    const broken = new CheckThread(new URL('./no-such-worker.ts', import.meta.url));
    expect(
      await installPackConcurrently(db, packOf(course('git')), { checker: broken.check }),
      'a thread that never started',
    ).toMatchObject({ status: 'installed' });
    await broken.close();
    db.close();
  });

  it('commits after beforeCommit, and tells it; a commit that fails is rolled back and told', async () => {
    for (const concurrently of [false, true]) {
      const { db, file } = freshLibrary();
      const install = (pack: string, beforeCommit: () => CommitFollowUp) =>
        concurrently
          ? installPackConcurrently(db, pack, { beforeCommit, checker: checkThread.check })
          : Promise.resolve().then(() => installPack(db, pack, { beforeCommit }));
      const told: string[] = [];
      const other = new Database(file, { readonly: true });
      const installedElsewhere = () =>
        other.prepare(`SELECT count(*) FROM courses`).pluck().get() as number;
      await install(packOf(course()), () => {
        told.push(`before commit, another connection sees ${installedElsewhere()} courses`);
        return {
          committed: () => told.push(`committed: ${installedElsewhere()}`),
          rolledBack: () => told.push('rolled back'),
        };
      });
      expect(told).toEqual(['before commit, another connection sees 0 courses', 'committed: 1']);

      // A deferred constraint that fails at COMMIT, as a full disk would.
      db.exec(`CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY);
               CREATE TEMP TABLE child (id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
               CREATE TEMP TRIGGER fail_at_commit AFTER INSERT ON main.courses
               BEGIN INSERT INTO child VALUES (1); END`);
      const before = mainFileBytes(db, file);
      told.length = 0;
      await expect(
        install(packOf(course('git')), () => ({
          committed: () => told.push('committed'),
          rolledBack: () => told.push('rolled back'),
        })),
      ).rejects.toThrow(/could not be installed: FOREIGN KEY constraint failed/);
      expect(told).toEqual(['rolled back']);
      expect(db.inTransaction).toBe(false);
      expect(mainFileBytes(db, file).equals(before)).toBe(true);
      db.exec('DROP TRIGGER temp.fail_at_commit');
      expect(
        (await install(packOf(course('git')), () => ({ committed() {}, rolledBack() {} }))).status,
      ).toBe('installed');
      other.close();
      db.close();
    }
  });

  it('leaves the checkpoint to its caller, and checkpoints what an earlier install left', async () => {
    const { db, file } = freshLibrary();
    checkpointLibrary(db);
    const emptySize = statSync(file).size;
    await installPackConcurrently(db, packOf(course('docker', 40)), { checker: checkThread.check });
    expect(statSync(file).size, 'the install is in the write-ahead log only').toBe(emptySize);
    expect(db.pragma('wal_autocheckpoint', { simple: true }), 'the setting is back').toBe(1000);
    installPack(db, packOf(course('git', 1)));
    const afterSecond = statSync(file).size;
    expect(afterSecond, 'the second install checkpointed the first first').toBeGreaterThan(
      emptySize,
    );
    checkpointLibrary(db);
    expect(statSync(file).size).toBeGreaterThanOrEqual(afterSecond);
    db.close();
  });
});
