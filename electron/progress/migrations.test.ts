import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ProgressMigrationError, ProgressStoreTooNewError } from './errors.ts';
import { latestVersion, migrate, MIGRATIONS, schemaVersion } from './migrations.ts';
import type { Migration } from './migrations.ts';
import { openProgressStore, PROGRESS_FILE_NAME } from './open-progress-store.ts';
import { makeLesson, tempDirPerTest } from './test-support/factories.ts';

const FIXTURE_V1 = new URL('./test-support/progress-v1.sql', import.meta.url);

const [version1] = MIGRATIONS;
if (!version1) throw new Error('MIGRATIONS lists no version 1');

const addBookmarks: Migration = {
  version: 2,
  up: (db) =>
    db.exec('ALTER TABLE lesson_progress ADD COLUMN bookmarked INTEGER NOT NULL DEFAULT 0'),
};

describe('migrate', () => {
  const dir = tempDirPerTest();

  function openDb(name = 'progress.sqlite'): Database.Database {
    return new Database(path.join(dir(), name));
  }

  function fixtureV1(): Database.Database {
    const db = openDb();
    db.exec(fs.readFileSync(FIXTURE_V1, 'utf8'));
    return db;
  }

  function tables(db: Database.Database): string[] {
    return db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
  }

  it('builds an empty file up to the current version', () => {
    const db = openDb();
    expect(migrate(db)).toEqual({ from: 0, to: 1 });
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual([
      'lesson_progress',
      'quiz_attempts',
      'section_progress',
      'settings',
      'store_state',
    ]);
    db.close();
  });

  it('leaves a file already at the last version as it is', () => {
    const db = fixtureV1();
    expect(migrate(db)).toEqual({ from: 1, to: 1 });
    db.close();
  });

  it('runs only the steps above the file version, keeping every row', () => {
    const db = fixtureV1();
    expect(migrate(db, [version1, addBookmarks])).toEqual({ from: 1, to: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(
      db.prepare('SELECT lesson_id, seconds_spent, bookmarked FROM lesson_progress').all(),
    ).toEqual([
      { lesson_id: 'l1', seconds_spent: 312.5, bookmarked: 0 },
      { lesson_id: 'l2', seconds_spent: 0, bookmarked: 0 },
    ]);
    db.close();
  });

  it('rolls a failing step back whole, keeps the steps before it and names from -> to', () => {
    const failing: Migration = {
      version: 2,
      up: (db) => {
        db.exec('CREATE TABLE bookmarks (id TEXT)');
        throw new Error('disk on fire');
      },
    };
    const db = openDb();
    const attempt = () => migrate(db, [version1, failing]);
    expect(attempt).toThrow(ProgressMigrationError);
    expect(attempt).toThrow('Progress migration 1 -> 2 failed: disk on fire');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('bookmarks');
    expect(tables(db)).toContain('lesson_progress');
    db.close();
  });

  it('refuses a file newer than its steps without running any of them', () => {
    const db = openDb();
    db.pragma('user_version = 3');
    expect(() => migrate(db, [version1, addBookmarks])).toThrow(ProgressStoreTooNewError);
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('rejects a list of steps that is not numbered 1, 2, 3 in order', () => {
    expect(() => latestVersion([addBookmarks])).toThrow(/out of order/);
    expect(() => latestVersion([addBookmarks, version1])).toThrow(/out of order/);
  });
});

describe('a version 1 file', () => {
  const dir = tempDirPerTest();

  it('opens with the current code, every progress row and setting intact', () => {
    const fixture = new Database(path.join(dir(), PROGRESS_FILE_NAME));
    fixture.exec(fs.readFileSync(FIXTURE_V1, 'utf8'));
    fixture.close();

    const { store, recovered } = openProgressStore({ dataDir: dir() });
    expect(recovered).toBeNull();
    const lesson = makeLesson('l1', { sections: 2, questions: 1 });
    expect(store.lessonProgress('algebra', lesson)).toMatchObject({
      sectionsRead: 1,
      position: { sectionId: 'l1-s2', offset: 0.5 },
      secondsSpent: 312.5,
      answers: [{ questionId: 'l1-q1', answer: ['A', 'C'], correct: true }],
      firstOpenedAt: '2025-01-10T09:00:00.000Z',
    });
    expect(store.settings().theme).toBe('dark');
    expect(store.lastSavedAt()).toBe('2025-01-10T10:01:40.000Z');
    const withRetired = {
      ...lesson,
      sections: [...lesson.sections, { id: 'retired-section', readingSeconds: 30 }],
    };
    expect(store.lessonProgress('algebra', withRetired).sectionsRead).toBe(2);
    store.close();
  });
});
