// Opening the learner's progress file: refuse a file from a newer Studybook without touching it,
// move a corrupt one aside (never delete it), then configure durability and migrate.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ProgressStoreTooNewError } from './errors.ts';
import { migrate, PROGRESS_SCHEMA_VERSION, schemaVersion } from './migrations.ts';
import { ProgressStore } from './progress-store.ts';

/** The progress file's name inside the data folder. */
export const PROGRESS_FILE_NAME = 'progress.sqlite';

/** Where the progress lives, and the clock its timestamps come from (tests inject one). */
export type OpenProgressStoreOptions = { dataDir: string; now?: () => Date };

/** A corrupt file that was moved aside: where it went and what was wrong, to tell the learner. */
export type ProgressRecovery = { movedTo: string; reason: string };

/** An open store, and the recovery that happened while opening it, if any. */
export type OpenedProgressStore = { store: ProgressStore; recovered: ProgressRecovery | null };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const USER_VERSION_OFFSET = 60;

/**
 * Opens `progress.sqlite` in `dataDir` (creating both if missing). A file that is not a database,
 * or fails `integrity_check`, is renamed to `progress.sqlite.corrupt-<timestamp>` with its -wal
 * and -shm, a fresh file is started, and the move is reported in `recovered`. Throws
 * ProgressStoreTooNewError for a file from a newer Studybook (left untouched),
 * ProgressMigrationError if a schema step fails, and file-system errors as they come.
 */
export function openProgressStore(options: OpenProgressStoreOptions): OpenedProgressStore {
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, PROGRESS_FILE_NAME);

  const problem = findCorruption(file);
  const recovered = problem === null ? null : { movedTo: moveAside(file, now()), reason: problem };

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { store: new ProgressStore(db, now), recovered };
}

/**
 * What is wrong with an existing file, or null if it is sound (or absent). Inspects it through a
 * read-only connection, which never writes the main file; throws ProgressStoreTooNewError.
 */
function findCorruption(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  // Even a read-only connection leaves -wal and -shm files beside a WAL database, so the common
  // case of a newer file is refused from its header alone, before SQLite opens it.
  refuseIfNewer(file, headerUserVersion(file));

  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // A newer Studybook may have migrated inside a WAL that was never checkpointed into the header.
    refuseIfNewer(file, schemaVersion(db));
    const results = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    return results.length === 1 && results[0] === 'ok' ? null : results.slice(0, 5).join('; ');
  } catch (error) {
    if (error instanceof Database.SqliteError && isCorruptionCode(error.code)) return error.message;
    throw error;
  } finally {
    db?.close();
  }
}

function refuseIfNewer(file: string, version: number | null): void {
  if (version !== null && version > PROGRESS_SCHEMA_VERSION) {
    throw new ProgressStoreTooNewError(file, version, PROGRESS_SCHEMA_VERSION);
  }
}

/** The `user_version` in a SQLite file's header, or null if it has no SQLite header. */
function headerUserVersion(file: string): number | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    const length = fs.readSync(fd, header, 0, header.length, 0);
    if (length < header.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
      return null;
    }
    return header.readInt32BE(USER_VERSION_OFFSET);
  } finally {
    fs.closeSync(fd);
  }
}

function isCorruptionCode(code: string): boolean {
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/** Renames `file` (and its -wal, -shm) to an unused `<file>.corrupt-<timestamp>`; returns that. */
function moveAside(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 2; fs.existsSync(target); n += 1) target = `${file}.corrupt-${stamp}-${n}`;
  // The sidecars go first: a -wal left behind would be replayed into the fresh file.
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  fs.renameSync(file, target);
  return target;
}
