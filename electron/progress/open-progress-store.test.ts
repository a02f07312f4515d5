import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ProgressStoreTooNewError } from './errors.ts';
import { openProgressStore, PROGRESS_FILE_NAME } from './open-progress-store.ts';
import { makeClock, makeLesson, queryFile, tempDirPerTest } from './test-support/factories.ts';

const CLOCK_START = '2025-03-01T10:00:00.000Z';
const ASIDE_NAME = `${PROGRESS_FILE_NAME}.corrupt-2025-03-01T10-00-00-000Z`;
const lesson = makeLesson('l1');
const key = { courseId: 'algebra', lessonId: 'l1' };

function integrityOf(file: string): string {
  try {
    const rows = queryFile(file, 'PRAGMA integrity_check') as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  } catch (error) {
    return (error as Error).message;
  }
}

describe('openProgressStore', () => {
  const dir = tempDirPerTest();
  const file = () => path.join(dir(), PROGRESS_FILE_NAME);
  const open = () => openProgressStore({ dataDir: dir(), now: makeClock(CLOCK_START).now });

  function expectFreshStoreWorks(): void {
    const { store, recovered } = open();
    expect(recovered).toBeNull();
    store.markSectionsRead({ ...key, sectionIds: ['l1-s1'] });
    expect(store.lessonProgress('algebra', lesson).sectionsRead).toBe(1);
    store.close();
    expect(integrityOf(file())).toBe('ok');
  }

  it('creates the data folder and a WAL-mode progress.sqlite in it', () => {
    const dataDir = path.join(dir(), 'not', 'yet', 'there');
    const { store, recovered } = openProgressStore({ dataDir });
    expect(recovered).toBeNull();
    store.close();
    expect(queryFile(path.join(dataDir, PROGRESS_FILE_NAME), 'PRAGMA journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
  });

  it('treats an empty file as a new store, not as a corrupt one', () => {
    fs.writeFileSync(file(), '');
    expectFreshStoreWorks();
  });

  describe('a file from a newer Studybook', () => {
    it('is refused with both versions named, and left byte for byte as it was', () => {
      const newer = new Database(file());
      newer.pragma('journal_mode = WAL');
      newer.exec('CREATE TABLE from_the_future (x)');
      newer.pragma('user_version = 7');
      newer.close();
      const bytes = fs.readFileSync(file());
      const listing = fs.readdirSync(dir());

      const attempt = () => open();
      expect(attempt).toThrow(ProgressStoreTooNewError);
      expect(attempt).toThrow(/version 7, but this Studybook reads up to version 1/);
      expect(fs.readFileSync(file()).equals(bytes)).toBe(true);
      expect(fs.readdirSync(dir())).toEqual(listing);
    });

    it('is refused when its version is only in a WAL not yet checkpointed, untouched', () => {
      const elsewhere = path.join(dir(), 'elsewhere');
      fs.mkdirSync(elsewhere);
      const newer = new Database(path.join(elsewhere, PROGRESS_FILE_NAME));
      newer.pragma('journal_mode = WAL');
      newer.exec('CREATE TABLE from_the_future (x)');
      newer.pragma('user_version = 7');
      // Copied while still open, as a crash would leave it: the new version is in the -wal only.
      for (const name of [PROGRESS_FILE_NAME, `${PROGRESS_FILE_NAME}-wal`]) {
        fs.copyFileSync(path.join(elsewhere, name), path.join(dir(), name));
      }
      newer.close();
      const main = fs.readFileSync(file());
      const wal = fs.readFileSync(`${file()}-wal`);
      expect(main.readInt32BE(60)).toBe(0);

      expect(() => open()).toThrow(
        expect.objectContaining({ code: 'store-too-new', fileVersion: 7, appVersion: 1 }),
      );
      expect(fs.readFileSync(file()).equals(main)).toBe(true);
      expect(fs.readFileSync(`${file()}-wal`).equals(wal)).toBe(true);
    });
  });

  describe('a corrupt file', () => {
    it('that is not a database is moved aside, reported, and replaced by a fresh store', () => {
      const garbage = crypto.randomBytes(8192);
      fs.writeFileSync(file(), garbage);

      const { store, recovered } = open();
      expect(recovered).toEqual({
        movedTo: path.join(dir(), ASIDE_NAME),
        reason: expect.stringMatching(/not a database/),
      });
      expect(fs.readFileSync(path.join(dir(), ASIDE_NAME)).equals(garbage)).toBe(true);
      store.close();
      expectFreshStoreWorks();
    });

    it('with a damaged page is moved aside, reported, and replaced by a fresh store', () => {
      const { store } = open();
      for (let i = 0; i < 200; i += 1) {
        store.markSectionsRead({ ...key, lessonId: `lesson-${i}`, sectionIds: ['a', 'b', 'c'] });
      }
      store.close();
      const [root] = queryFile(
        file(),
        'SELECT rootpage, (SELECT page_size FROM pragma_page_size) AS pageSize ' +
          "FROM sqlite_schema WHERE name = 'section_progress'",
      ) as [{ rootpage: number; pageSize: number }];
      const damaged = fs.readFileSync(file());
      damaged.fill(0xa5, (root.rootpage - 1) * root.pageSize, root.rootpage * root.pageSize);
      fs.writeFileSync(file(), damaged);
      expect(integrityOf(file())).not.toBe('ok');

      const reopened = open();
      expect(reopened.recovered).toEqual({
        movedTo: path.join(dir(), ASIDE_NAME),
        reason: expect.any(String),
      });
      expect(fs.readFileSync(path.join(dir(), ASIDE_NAME)).equals(damaged)).toBe(true);
      expect(reopened.store.lessonProgress('algebra', lesson).status).toBe('not-started');
      reopened.store.close();
    });

    it('takes its -wal and -shm along, so the fresh store cannot replay them', () => {
      fs.writeFileSync(file(), crypto.randomBytes(4096));
      fs.writeFileSync(`${file()}-wal`, 'old wal');
      fs.writeFileSync(`${file()}-shm`, 'old shm');

      const { store } = open();
      store.close();
      const aside = path.join(dir(), ASIDE_NAME);
      expect(fs.readFileSync(`${aside}-wal`, 'utf8')).toBe('old wal');
      // SQLite rebuilds the -shm index whenever it looks at a -wal, so only its move is checked.
      expect(fs.existsSync(`${aside}-shm`)).toBe(true);
      expectFreshStoreWorks();
    });

    it('never overwrites a copy moved aside before', () => {
      const earlier = path.join(dir(), ASIDE_NAME);
      fs.writeFileSync(earlier, 'an earlier corrupt copy');
      fs.writeFileSync(file(), crypto.randomBytes(4096));

      const { store, recovered } = open();
      store.close();
      expect(recovered?.movedTo).toBe(`${earlier}-2`);
      expect(fs.readFileSync(earlier, 'utf8')).toBe('an earlier corrupt copy');
    });
  });
});
