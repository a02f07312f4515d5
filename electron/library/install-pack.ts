// Installs a course pack into the library: check all of it (check-pack.ts), decide against the
// version installed, then copy it in ONE transaction — all of it or, on any failure, nothing (the
// library is left as it was). Also removes a course, in one transaction too.
//
// The transaction is a plain sequence of steps (installSteps); a step that must happen whenever a
// course's content changes (the search index) goes there, so it commits or rolls back with it.
import path from 'node:path';
import {
  checkPack,
  peekPackCourse,
  type CheckedPack,
  type PackCourseRow,
  type PackLimits,
} from './check-pack.ts';
import { compareCourseVersions } from './course-version.ts';
import { COURSE_CONTENT_TABLES } from './library-schema.ts';
import type { LibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';
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
  const report = options.onProgress ?? (() => {});
  // Exactly this content is installed already (every start of the app, for each bundled pack):
  // nothing will be copied, so there is nothing to check.
  const peek = peekPackCourse(packFile);
  const installed = peek ? installedCourse(library, peek.id) : undefined;
  if (peek && installed?.content_hash === peek.contentHash) {
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
  const checked = checkPack(packFile, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.displayName ? { displayName: options.displayName } : {}),
    onProgress: (fraction) => report('checking', fraction),
  });
  return copyCheckedPack(library, packFile, checked, options);
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
  const name = options.displayName ?? path.basename(packFile);

  library.prepare('ATTACH DATABASE ? AS pack').run(packFile);
  try {
    return library
      .transaction((): InstallOutcome => {
        const installed = installedCourse(library, course.id);
        const outcome = decide(course, installed, policy);
        if (outcome.status !== 'installed') return outcome;
        installSteps(library, course, installed?.position ?? nextPosition(library), now(), report);
        return outcome;
      })
      .immediate();
  } catch (error) {
    throw new PackError(
      packFile,
      `${name} could not be installed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    library.prepare('DETACH DATABASE pack').run();
  }
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

/** Removes a course from the library in one transaction; false when it was not installed. */
export function removeInstalledCourse(library: LibraryDatabase, courseId: string): boolean {
  return library
    .transaction(() => {
      if (!installedCourse(library, courseId)) return false;
      deleteCourseContent(library, courseId);
      return true;
    })
    .immediate();
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
