// Installs a course pack into the library: check all of it (check-pack.ts), decide against the
// version installed, then copy it in ONE transaction — all of it or, on any failure, nothing (the
// library is left as it was). Also removes a course, in one transaction too.
//
// The transaction is a plain sequence of steps (installSteps); a step that must happen whenever a
// course's content changes (the search index) goes there, so it commits or rolls back with it.
//
// installPackConcurrently does the same with the check on another thread (check-thread.ts), while
// this one copies into the still open transaction: it commits only once the check has passed, and
// rolls back otherwise, so a refused pack leaves the library as it was, here too.
//
// Neither checkpoints the library's write-ahead log: an install's pages stay in it when the install
// returns, and its caller checkpoints (checkpointLibrary) once the install is reported. The next
// install checkpoints first whatever is left, so the log never holds more than one install's.
import path from 'node:path';
import {
  checkPack,
  checkPackLayout,
  peekPackCourse,
  type CheckedPack,
  type CheckPackOptions,
  type PackChecker,
  type PackCourseRow,
  type PackLimits,
} from './check-pack.ts';
import { compareCourseVersions } from './course-version.ts';
import { COURSE_CONTENT_TABLES } from './library-schema.ts';
import { checkpointLibrary, type LibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';
import { courseRow } from './pack-rows.ts';
import { reindexCourse, removeCourseFromIndex } from './search-index.ts';

/** What to do when the pack is not simply newer than what is installed. */
export interface InstallPolicy {
  /** The pack is an older version than the installed one. */
  older: 'replace' | 'ask' | 'keep';
  /** The pack has the installed version's number but other content. */
  sameVersionChanged: 'replace' | 'ask' | 'keep';
}

/** Replace whatever differs: the course sources are the truth (development, stored packs). */
export const REPLACE_ANY_CHANGE: InstallPolicy = {
  older: 'replace',
  sameVersionChanged: 'replace',
};
/** A learner opening a pack: never go back a version, or swap content, without asking. */
export const ASK_BEFORE_DOWNGRADE: InstallPolicy = { older: 'ask', sameVersionChanged: 'ask' };
/** A pack that comes with the app: only ever moves a course forward. */
export const ONLY_UPGRADE: InstallPolicy = { older: 'keep', sameVersionChanged: 'keep' };

export type InstallStatus =
  /** The pack's content is now installed: a new course, or replacing another version of it. */
  | 'installed'
  /** The library already holds exactly this content: nothing changed. */
  | 'unchanged'
  /** The policy said ask: nothing changed, install again with a confirming policy to proceed. */
  | 'needs-confirmation'
  /** The policy said keep what is installed: nothing changed. */
  | 'kept';

export interface InstallOutcome {
  courseId: string;
  status: InstallStatus;
  title: string;
  version: string;
  /** The version installed before, or null when the course was new (so 'installed' is an update). */
  previousVersion: string | null;
  /** Why the pack was not simply installed: it is older, or the same version with other content. */
  reason: 'older' | 'same-version' | null;
  contentHash: string;
}

export interface InstallOptions {
  policy?: InstallPolicy;
  limits?: Partial<PackLimits>;
  /** The name to use in messages (the file the learner chose, not a staged copy). */
  displayName?: string;
  now?: () => Date;
  /** Progress of the two phases, each from 0 to 1. */
  onProgress?: (phase: 'checking' | 'installing', fraction: number) => void;
  /**
   * Called in the install's transaction, the pack checked and copied, just before the library
   * commits (only for an outcome 'installed'): what must be on disk before the library says the
   * course is installed (its kept pack, pack-store.ts). Throwing cancels the install. What it
   * returns is then told whether the library committed after all.
   */
  beforeCommit?: (outcome: InstallOutcome) => CommitFollowUp | undefined;
}

/** What beforeCommit set up, told how the install ended. */
export interface CommitFollowUp {
  committed(): void;
  rolledBack(): void;
}

/**
 * Checks the pack at `packFile` and installs it as `policy` decides (by default, whenever its
 * content differs from what is installed). Throws PackError, with a message for the learner, when
 * the pack is refused or cannot be copied; the library is then exactly as it was.
 */
export function installPack(
  library: LibraryDatabase,
  packFile: string,
  options: InstallOptions = {},
): InstallOutcome {
  const unchanged = alreadyInstalled(library, packFile);
  if (unchanged) return unchanged;
  const report = options.onProgress ?? (() => {});
  const checked = checkPack(packFile, {
    ...checkOptions(options),
    onProgress: (fraction) => report('checking', fraction),
  });
  return withCheckpointDeferred(library, () =>
    copyCheckedPack(library, packFile, checked, options),
  );
}

// Exactly this content is installed already (every start of the app, for each bundled pack):
// nothing will be copied, so there is nothing to check.
function alreadyInstalled(library: LibraryDatabase, packFile: string): InstallOutcome | null {
  const peek = peekPackCourse(packFile);
  const installed = peek ? installedCourse(library, peek.id) : undefined;
  if (!peek || installed?.content_hash !== peek.contentHash) return null;
  return {
    courseId: peek.id,
    status: 'unchanged',
    title: installed.title,
    version: installed.version,
    previousVersion: installed.version,
    reason: null,
    contentHash: peek.contentHash,
  };
}

function checkOptions(options: InstallOptions): CheckPackOptions {
  return {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.displayName ? { displayName: options.displayName } : {}),
  };
}

/**
 * Runs `install` with the library's automatic checkpoint off: the commit then only appends the
 * install's pages to the write-ahead log (no sync, see open-library.ts), and copying them into the
 * library file is left to the caller, after the install is reported (checkpointLibrary). First
 * checkpoints what an earlier install left, which costs nothing when its caller did.
 */
function withCheckpointDeferred<Result>(library: LibraryDatabase, install: () => Result): Result {
  checkpointLibrary(library);
  const automatic = library.pragma('wal_autocheckpoint', { simple: true }) as number;
  library.pragma('wal_autocheckpoint = 0');
  const restore = () => library.pragma(`wal_autocheckpoint = ${automatic}`);
  try {
    const result = install();
    if (result instanceof Promise) return result.finally(restore) as Result;
    restore();
    return result;
  } catch (error) {
    restore();
    throw error;
  }
}

function copyCheckedPack(
  library: LibraryDatabase,
  packFile: string,
  checked: CheckedPack,
  options: InstallOptions,
): InstallOutcome {
  const { course } = checked;
  const policy = options.policy ?? REPLACE_ANY_CHANGE;
  const now = options.now ?? (() => new Date());
  const report = options.onProgress ?? (() => {});

  let followUp = undefined as CommitFollowUp | undefined;
  library.prepare('ATTACH DATABASE ? AS pack').run(packFile);
  try {
    const outcome = library
      .transaction((): InstallOutcome => {
        const installed = installedCourse(library, course.id);
        const outcome = decide(course, installed, policy);
        if (outcome.status !== 'installed') return outcome;
        installSteps(library, course, installed?.position ?? nextPosition(library), now(), report);
        followUp = options.beforeCommit?.(outcome);
        return outcome;
      })
      .immediate();
    followUp?.committed();
    return outcome;
  } catch (error) {
    followUp?.rolledBack();
    throw notInstalled(packFile, options, error);
  } finally {
    library.prepare('DETACH DATABASE pack').run();
  }
}

function notInstalled(packFile: string, options: InstallOptions, error: unknown): PackError {
  const name = options.displayName ?? path.basename(packFile);
  return new PackError(
    packFile,
    `${name} could not be installed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * installPack, with the check running on another thread (`checker`) while this one copies the
 * pack into an open transaction and indexes it. It commits once the check has passed and rolls
 * back when it refuses the pack (whose message, not a copying error, is then what it throws), so
 * the guarantees are installPack's: nothing of a pack is installed unless all of it was checked,
 * and a refused pack leaves the library exactly as it was.
 *
 * Until the check passes, the pack's rows are only copied, never trusted: the copy starts once
 * checkPackLayout has found exactly format 1's tables (nothing in the pack runs when read), SQLite
 * reads the pack with its cell checks on and no schema function allowed, and what the index does
 * with a row's text takes time linear in its length (htmlToText). A pack the check refuses part
 * way stops the copy at its next step.
 *
 * `library` must be a connection of its own: the transaction stays open while this awaits the
 * check, and anything else on the connection would see it. Rejects as installPack throws.
 */
export async function installPackConcurrently(
  library: LibraryDatabase,
  packFile: string,
  options: InstallOptions & { checker: PackChecker },
): Promise<InstallOutcome> {
  const unchanged = alreadyInstalled(library, packFile);
  if (unchanged) return unchanged;
  const report = options.onProgress ?? (() => {});
  const pending = options.checker(packFile, {
    ...checkOptions(options),
    onProgress: (fraction) => report('checking', fraction),
  });
  return withCheckpointDeferred(library, async () => {
    const attempt = copyWhileChecking(library, packFile, () => pending.poll(), options);
    let checked: CheckedPack;
    try {
      checked = await verdict(pending, packFile, options);
    } catch (error) {
      attempt.rollBack();
      throw error;
    }
    if (attempt.error !== null) {
      attempt.rollBack();
      throw notInstalled(packFile, options, attempt.error);
    }
    const { outcome } = attempt;
    if (!outcome || JSON.stringify(attempt.course) !== JSON.stringify(checked.course)) {
      // Nothing copied (the pack's course row could not be read before its check): as installPack.
      attempt.rollBack();
      return copyCheckedPack(library, packFile, checked, options);
    }
    if (outcome.status !== 'installed') {
      attempt.rollBack();
      return outcome;
    }
    report('installing', 1);
    return attempt.commit(outcome);
  });
}

/** The check's verdict; a check that could not run elsewhere runs here instead. */
async function verdict(
  pending: ReturnType<PackChecker>,
  packFile: string,
  options: InstallOptions,
): Promise<CheckedPack> {
  try {
    return await pending.result();
  } catch (error) {
    if (error instanceof PackError) throw error;
    return checkPack(packFile, checkOptions(options));
  }
}

/** Stops a copy whose pack the check has refused. */
const REFUSED = Symbol('the check refused the pack');

interface CopyAttempt {
  /** The pack's course row, as read (unchecked) to decide; null when nothing was copied. */
  course: PackCourseRow | null;
  outcome: InstallOutcome | null;
  /** What stopped the copy, if anything did. */
  error: unknown;
  /** Ends the transaction (if one is open) with nothing of it written. */
  rollBack(): void;
  /** Commits the copy (beforeCommit first); rolls back and throws PackError when it cannot. */
  commit(outcome: InstallOutcome): InstallOutcome;
}

/**
 * Copies and indexes the pack in a transaction it leaves open, as far as it can while the check
 * runs: what it returns commits or rolls back that transaction. Never throws.
 */
function copyWhileChecking(
  library: LibraryDatabase,
  packFile: string,
  poll: ReturnType<PackChecker>['poll'],
  options: InstallOptions,
): CopyAttempt {
  const report = options.onProgress ?? (() => {});
  let attached = false;
  const settings = {
    trusted_schema: library.pragma('trusted_schema', { simple: true }) as number,
    cell_size_check: library.pragma('cell_size_check', { simple: true }) as number,
  };
  // Ends the transaction and puts the connection back as it was. A failed COMMIT leaves the
  // transaction open: it is rolled back before the error goes on.
  const end = (sql: 'COMMIT' | 'ROLLBACK') => {
    if (!attached) return;
    try {
      if (library.inTransaction) library.exec(sql);
    } finally {
      if (library.inTransaction) library.exec('ROLLBACK');
      attached = false;
      library.prepare('DETACH DATABASE pack').run();
      for (const [name, value] of Object.entries(settings)) library.pragma(`${name} = ${value}`);
    }
  };
  const attempt: CopyAttempt = {
    course: null,
    outcome: null,
    error: null,
    rollBack: () => end('ROLLBACK'),
    commit: (outcome) => {
      let followUp: CommitFollowUp | undefined = undefined;
      try {
        followUp = options.beforeCommit?.(outcome);
        end('COMMIT');
      } catch (error) {
        end('ROLLBACK');
        followUp?.rolledBack();
        throw notInstalled(packFile, options, error);
      }
      followUp?.committed();
      return outcome;
    },
  };
  try {
    // Reading the tables must run nothing of the pack's (no view, no trigger). When the layout is
    // not right, nothing is copied: the check says why.
    checkPackLayout(packFile, checkOptions(options));
  } catch {
    return attempt;
  }
  try {
    library.pragma('trusted_schema = OFF');
    library.pragma('cell_size_check = ON');
    library.prepare('ATTACH DATABASE ? AS pack').run(packFile);
    attached = true;
    library.exec('BEGIN IMMEDIATE');
    const rows = library.prepare('SELECT * FROM pack.course').all();
    const parsed = rows.length === 1 ? courseRow.safeParse(rows[0]) : null;
    if (!parsed?.success) {
      end('ROLLBACK');
      return attempt;
    }
    const course = parsed.data;
    const installed = installedCourse(library, course.id);
    const outcome = decide(course, installed, options.policy ?? REPLACE_ANY_CHANGE);
    attempt.course = course;
    attempt.outcome = outcome;
    if (outcome.status !== 'installed') return attempt;
    // Progress: the check's while it runs (poll tells it), then the copy's.
    installSteps(
      library,
      course,
      installed?.position ?? nextPosition(library),
      (options.now ?? (() => new Date()))(),
      (phase, fraction) => {
        const state = poll();
        if (state === 'refused') throw REFUSED;
        if (state === 'passed') report(phase, fraction);
      },
    );
  } catch (error) {
    attempt.error = error;
    if (!attached) {
      for (const [name, value] of Object.entries(settings)) library.pragma(`${name} = ${value}`);
    }
  }
  return attempt;
}

/** The steps of one install, run inside its transaction. */
function installSteps(
  library: LibraryDatabase,
  course: PackCourseRow,
  position: number,
  installedAt: Date,
  report: (phase: 'installing', fraction: number) => void,
): void {
  deleteCourseContent(library, course.id);
  library
    .prepare(
      `INSERT INTO courses (id, title, description, version, contact, content_hash, code_css,
         built_at, installed_at, position)
       VALUES (@id, @title, @description, @version, @contact, @content_hash, @code_css,
         @built_at, @installed_at, @position)`,
    )
    .run({ ...course, installed_at: installedAt.toISOString(), position });
  copyContentTables(library, course.id, (fraction) => report('installing', fraction * 0.8));
  // In the same transaction: the index never describes content that is not installed.
  reindexCourse(library, course.id);
  report('installing', 1);
}

// Rows are copied in key order, a slice of keys at a time, so that progress can be told between
// slices (a pack's images can make one table most of its size).
const ROWS_PER_STEP = 2_000;
const ASSETS_PER_STEP = 16;

function copyContentTables(
  library: LibraryDatabase,
  courseId: string,
  report: (fraction: number) => void,
): void {
  const slices = COURSE_CONTENT_TABLES.map(({ table, key }) => {
    // Every n-th key starts a slice; reading keys in order is a scan of the pack's own index.
    const keys = library
      .prepare(`SELECT ${key.join(', ')} FROM pack.${table} ORDER BY ${key.join(', ')}`)
      .raw()
      .all() as unknown[][];
    const step = table === 'assets' ? ASSETS_PER_STEP : ROWS_PER_STEP;
    const starts = keys.filter((_, index) => index % step === 0);
    return { rows: keys.length, starts };
  });
  const totalRows = Math.max(
    1,
    slices.reduce((sum, slice) => sum + slice.rows, 0),
  );
  let copied = 0;
  COURSE_CONTENT_TABLES.forEach(({ table, columns, select, key }, index) => {
    const starts = slices[index]?.starts ?? [];
    const tuple = `(${key.join(', ')})`;
    const marks = `(${key.map(() => '?').join(', ')})`;
    const copy = (where: string) =>
      library.prepare(
        `INSERT INTO main.${table} (course_id, ${columns.join(', ')})
         SELECT ?, ${(select ?? columns).join(', ')} FROM pack.${table}
         WHERE ${where} ORDER BY ${key.join(', ')}`,
      );
    const between = copy(`${tuple} >= ${marks} AND ${tuple} < ${marks}`);
    const last = copy(`${tuple} >= ${marks}`);
    starts.forEach((start, slice) => {
      const next = starts[slice + 1];
      copied += (next ? between.run(courseId, ...start, ...next) : last.run(courseId, ...start))
        .changes;
      report(copied / totalRows);
    });
  });
}

/**
 * Removes a course's content from the library, in the caller's transaction (or, with none, in a
 * statement-level one per table: call it inside db.transaction).
 */
export function deleteCourseContent(library: LibraryDatabase, courseId: string): void {
  library.prepare('DELETE FROM courses WHERE id = ?').run(courseId);
  for (const { table } of COURSE_CONTENT_TABLES) {
    library.prepare(`DELETE FROM main.${table} WHERE course_id = ?`).run(courseId);
  }
  removeCourseFromIndex(library, courseId);
}

/**
 * Removes a course from the library in one transaction, synced to disk when it returns (unlike an
 * install's: the kept pack it would come back from is forgotten next). False when it was not
 * installed.
 */
export function removeInstalledCourse(library: LibraryDatabase, courseId: string): boolean {
  library.pragma('synchronous = FULL');
  try {
    return library
      .transaction(() => {
        if (!installedCourse(library, courseId)) return false;
        deleteCourseContent(library, courseId);
        return true;
      })
      .immediate();
  } finally {
    library.pragma('synchronous = NORMAL');
  }
}

interface InstalledCourse {
  title: string;
  version: string;
  content_hash: string;
  position: number;
}

function installedCourse(library: LibraryDatabase, courseId: string): InstalledCourse | undefined {
  return library
    .prepare<[string], InstalledCourse>(
      'SELECT title, version, content_hash, position FROM courses WHERE id = ?',
    )
    .get(courseId);
}

function nextPosition(library: LibraryDatabase): number {
  return (
    library
      .prepare<[], { next: number }>('SELECT coalesce(max(position) + 1, 0) AS next FROM courses')
      .get()?.next ?? 0
  );
}

/** What installing `course` over `installed` comes to under `policy`. Pure. */
export function decide(
  course: PackCourseRow,
  installed: Pick<InstalledCourse, 'version' | 'content_hash'> | undefined,
  policy: InstallPolicy,
): InstallOutcome {
  const base = {
    courseId: course.id,
    title: course.title,
    version: course.version,
    contentHash: course.content_hash,
    previousVersion: installed?.version ?? null,
  };
  if (!installed) return { ...base, status: 'installed', reason: null };
  if (installed.content_hash === course.content_hash) {
    return { ...base, status: 'unchanged', reason: null };
  }
  // A library row written by an older Studybook may hold a version this one cannot read.
  let order: number;
  try {
    order = compareCourseVersions(course.version, installed.version);
  } catch {
    order = 1;
  }
  if (order > 0) return { ...base, status: 'installed', reason: null };
  const reason = order < 0 ? 'older' : 'same-version';
  const rule = order < 0 ? policy.older : policy.sameVersionChanged;
  if (rule === 'replace') return { ...base, status: 'installed', reason };
  return { ...base, status: rule === 'ask' ? 'needs-confirmation' : 'kept', reason };
}
