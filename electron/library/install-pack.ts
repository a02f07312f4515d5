// Copies a course pack into the library in one transaction: all of it or, on any failure,
// nothing (the library is left as it was).
import Database from 'better-sqlite3';
import path from 'node:path';
import { PACK_APPLICATION_ID, PACK_FORMAT_VERSION } from '../course/pack-format.ts';
import type { LibraryDatabase } from './open-library.ts';
import { COURSE_CONTENT_TABLES } from './library-schema.ts';
import { PackError } from './pack-error.ts';
import { reindexCourse } from './search-index.ts';

export interface InstallOutcome {
  courseId: string;
  status: 'installed' | 'unchanged';
}

interface PackCourseRow {
  id: string;
  title: string;
  description: string;
  version: string;
  contact: string | null;
  content_hash: string;
  code_css: string;
  built_at: string;
}

/**
 * Installs the pack at `packFile` unless the library already holds its content hash.
 * Throws PackError when the file is not a readable Studybook pack of a format this app knows.
 */
export function installPack(
  library: LibraryDatabase,
  packFile: string,
  now: () => Date = () => new Date(),
): InstallOutcome {
  const course = readPackCourse(packFile);
  const installed = library
    .prepare<[string], { content_hash: string }>('SELECT content_hash FROM courses WHERE id = ?')
    .get(course.id);
  if (installed?.content_hash === course.content_hash) {
    return { courseId: course.id, status: 'unchanged' };
  }
  library.prepare('ATTACH DATABASE ? AS pack').run(packFile);
  try {
    library
      .transaction(() => {
        const position =
          library
            .prepare<[string], { position: number }>('SELECT position FROM courses WHERE id = ?')
            .get(course.id)?.position ??
          library
            .prepare<[], { next: number }>(
              'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM courses',
            )
            .get()?.next ??
          0;
        library.prepare('DELETE FROM courses WHERE id = ?').run(course.id);
        library
          .prepare(
            `INSERT INTO courses (id, title, description, version, contact, content_hash, code_css,
               built_at, installed_at, position)
             VALUES (@id, @title, @description, @version, @contact, @content_hash, @code_css,
               @built_at, @installed_at, @position)`,
          )
          .run({ ...course, installed_at: now().toISOString(), position });
        for (const { table, columns, select } of COURSE_CONTENT_TABLES) {
          library.prepare(`DELETE FROM main.${table} WHERE course_id = ?`).run(course.id);
          library
            .prepare(
              `INSERT INTO main.${table} (course_id, ${columns.join(', ')})
               SELECT ?, ${(select ?? columns).join(', ')} FROM pack.${table}`,
            )
            .run(course.id);
        }
        // In the same transaction: the index never describes content that is not installed.
        reindexCourse(library, course.id);
      })
      .immediate();
  } catch (error) {
    throw new PackError(
      packFile,
      `${path.basename(packFile)} could not be installed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    library.prepare('DETACH DATABASE pack').run();
  }
  return { courseId: course.id, status: 'installed' };
}

/** Reads and checks a pack's header and course row. Throws PackError. */
export function readPackCourse(packFile: string): PackCourseRow {
  const name = path.basename(packFile);
  let pack: Database.Database;
  try {
    pack = new Database(packFile, { readonly: true, fileMustExist: true });
  } catch {
    throw new PackError(packFile, `${name} could not be opened.`);
  }
  try {
    let applicationId: unknown;
    try {
      applicationId = pack.pragma('application_id', { simple: true });
    } catch {
      throw new PackError(packFile, `${name} is not a Studybook course pack.`);
    }
    if (applicationId !== PACK_APPLICATION_ID) {
      throw new PackError(packFile, `${name} is not a Studybook course pack.`);
    }
    const format = pack.pragma('user_version', { simple: true });
    if (typeof format !== 'number' || format > PACK_FORMAT_VERSION) {
      throw new PackError(
        packFile,
        `${name} needs a newer Studybook (pack format ${String(format)}).`,
      );
    }
    if (format < PACK_FORMAT_VERSION) {
      throw new PackError(
        packFile,
        `${name} was built in an old pack format (${format}); rebuild it.`,
      );
    }
    if (pack.pragma('quick_check', { simple: true }) !== 'ok') {
      throw new PackError(packFile, `${name} is damaged.`);
    }
    const rows = pack.prepare<[], PackCourseRow>('SELECT * FROM course').all();
    if (rows.length !== 1 || !rows[0]) {
      throw new PackError(packFile, `${name} holds ${rows.length} course records instead of one.`);
    }
    return rows[0];
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(packFile, `${name} is damaged: ${(error as Error).message}`);
  } finally {
    pack.close();
  }
}
