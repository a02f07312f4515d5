// The progress file's schema, as an ordered list of forward-only steps on `PRAGMA user_version`.
// A step is never edited once released: files in the wild were built by it. Change the schema by
// appending a step, and add a fixture of the previous version to the tests.

import type { Database } from 'better-sqlite3';
import { ProgressMigrationError, ProgressStoreTooNewError } from './errors.ts';

/** One schema step: `up` turns a file at `version - 1` into one at `version`. */
export type Migration = { version: number; up: (db: Database) => void };

// Times are unix milliseconds (INTEGER): compact, and compared and maxed without parsing.
// Everything is keyed by the course's own slugs, never by a pack's row ids, so a new version of a
// course keeps the progress of every id it kept; rows for ids that disappeared are never deleted.
const VERSION_1 = `
CREATE TABLE lesson_progress (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  first_opened_at INTEGER NOT NULL,
  last_opened_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,         -- last open or write: resume and "last studied"
  section_id TEXT,                         -- where the learner was; NULL until first recorded
  section_offset REAL NOT NULL DEFAULT 0,  -- fraction of that section scrolled past, 0..1
  seconds_spent REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (course_id, lesson_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE section_progress (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  read_at INTEGER,                         -- set once; reading again does not change it
  PRIMARY KEY (course_id, lesson_id, section_id),
  FOREIGN KEY (course_id, lesson_id) REFERENCES lesson_progress (course_id, lesson_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE quiz_attempts (
  id INTEGER PRIMARY KEY,                  -- attempt order: the latest wins, whatever the clock said
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  answer TEXT NOT NULL,                    -- JSON: a string, or an array of strings
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at INTEGER NOT NULL,
  FOREIGN KEY (course_id, lesson_id) REFERENCES lesson_progress (course_id, lesson_id)
) STRICT;

CREATE INDEX quiz_attempts_by_question ON quiz_attempts (course_id, lesson_id, question_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL                      -- JSON
) STRICT, WITHOUT ROWID;

CREATE TABLE store_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),   -- a single row
  last_saved_at INTEGER NOT NULL
) STRICT;
`;

/** Every schema step of this version of Studybook, in order. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, up: (db) => db.exec(VERSION_1) }];

/** The schema version this build writes: the last step's. */
export const PROGRESS_SCHEMA_VERSION = latestVersion(MIGRATIONS);

/** The version a list of steps leads to; throws if the list is not 1, 2, 3… in order. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list out of order: step ${index} has version ${migration.version}`,
      );
    }
  });
  return migrations.length;
}

/** The file's `user_version`. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` up to the last of `migrations`, each step in its own IMMEDIATE transaction that also
 * sets `user_version`, so a file is always at exactly one version. Returns the versions it went
 * from and to. Throws ProgressStoreTooNewError if the file is newer than the list (nothing run), or
 * ProgressMigrationError naming from -> to when a step fails (that step rolled back, earlier kept).
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = latestVersion(migrations);
  const from = schemaVersion(db);
  if (from > latest) throw new ProgressStoreTooNewError(db.name, from, latest);

  for (const migration of migrations.slice(from)) {
    const step = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      step.immediate();
    } catch (cause) {
      throw new ProgressMigrationError(migration.version - 1, migration.version, cause);
    }
  }
  return { from, to: latest };
}
