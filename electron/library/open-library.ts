// Opens library.sqlite, replacing it when it is damaged or of another layout: it holds only
// what the packs hold, so starting over loses nothing.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LIBRARY_FORMAT_VERSION, LIBRARY_PAGE_SIZE, LIBRARY_SCHEMA_SQL } from './library-schema.ts';

export type LibraryDatabase = Database.Database;

/** Opens (or creates) `<dataDir>/library.sqlite` and its folder. Throws only when the folder is unusable. */
export function openLibraryDatabase(dataDir: string): LibraryDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'library.sqlite');
  const existing = tryOpenCurrent(file);
  if (existing) return existing;
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = new Database(file);
  // Before the first write (WAL mode included): a page size is fixed once the file has one.
  db.pragma(`page_size = ${LIBRARY_PAGE_SIZE}`);
  configure(db);
  db.transaction(() => {
    db.exec(LIBRARY_SCHEMA_SQL);
    db.pragma(`user_version = ${LIBRARY_FORMAT_VERSION}`);
  }).immediate();
  // The new layout into the file itself, rather than with the first install.
  checkpointLibrary(db);
  return db;
}

function tryOpenCurrent(file: string): LibraryDatabase | null {
  let db: LibraryDatabase | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    const version = db.pragma('user_version', { simple: true });
    const check = db.pragma('quick_check', { simple: true });
    if (version === LIBRARY_FORMAT_VERSION && check === 'ok') {
      configure(db);
      return db;
    }
  } catch {
    // Missing or not a database: rebuilt by the caller.
  }
  db?.close();
  return null;
}

function configure(db: LibraryDatabase): void {
  db.pragma('journal_mode = WAL');
  // Derived data: a commit is not synced to disk. Power lost soon after one cannot damage the
  // file (WAL), only lose the last transactions: an install's pack is kept durably before its
  // commit (pack-store.ts) and installed again at the next start (services.ts); a removal syncs
  // its own commit (removeInstalledCourse) before its kept pack is forgotten.
  db.pragma('synchronous = NORMAL');
  // An install's pages pass through the write-ahead log (a refused pack's too, rolled back, when
  // it was copied while being checked): once the log starts over, it shrinks back to this size.
  db.pragma(`journal_size_limit = ${64 * 1024 ** 2}`);
  // Installs may run on a second connection (a worker thread); each waits for the other.
  db.pragma('busy_timeout = 10000');
  // Installing copies a whole course through the library's indexes; a larger page cache (up to
  // 64 MB, used only as needed) keeps that from rereading the same pages. Searching reads rows all
  // over the library: 4,096 pages of 16 KB keep as much of it at hand as 32 MB of 4 KB pages did.
  db.pragma('cache_size = -65536');
}

/**
 * Opens a second connection to an existing library file (for an install running off the main
 * thread): same settings, and it waits for a busy library instead of failing at once. Never
 * replaces the file. Throws when the file cannot be opened.
 */
export function openLibraryConnection(file: string): LibraryDatabase {
  const db = new Database(file, { fileMustExist: true });
  configure(db);
  return db;
}

/**
 * Copies what the write-ahead log holds into the library file, as far as no reader holds it back
 * (a passive checkpoint: it never waits). Installs leave this to their caller, to do once the
 * install is reported (see installPack); free when there is nothing to copy. Never throws.
 */
export function checkpointLibrary(db: LibraryDatabase): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closed: the next checkpoint (another install's, or SQLite's own) copies it.
  }
}
