// Section ids of a course's previous pack, read to spot ids that a changed heading would orphan.
import Database from 'better-sqlite3';
import { PACK_APPLICATION_ID } from './pack-format.ts';

/** A pack given as input cannot be used: not a file, not a Studybook pack. */
export class PackError extends Error {
  override name = 'PackError';
}

/** The section ids of every lesson of a previously built pack, in order. */
export interface PreviousSections {
  readonly courseId: string;
  readonly lessons: ReadonlyMap<string, readonly string[]>;
}

/** Reads the section ids stored in the pack `file`. Throws `PackError` when it is not a readable Studybook pack. */
export function readPreviousSections(file: string): PreviousSections {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new PackError(`cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    if (db.pragma('application_id', { simple: true }) !== PACK_APPLICATION_ID) {
      throw new PackError(`${file} is not a Studybook course pack`);
    }
    const course = db.prepare('SELECT id FROM course').pluck().get() as string | undefined;
    if (course === undefined) throw new PackError(`${file} holds no course`);
    const rows = db
      .prepare('SELECT lesson_id, id FROM sections ORDER BY lesson_id, position')
      .all() as { lesson_id: string; id: string }[];
    const lessons = new Map<string, string[]>();
    for (const row of rows) {
      const ids = lessons.get(row.lesson_id) ?? [];
      ids.push(row.id);
      lessons.set(row.lesson_id, ids);
    }
    return { courseId: course, lessons };
  } catch (error) {
    if (error instanceof PackError) throw error;
    throw new PackError(`${file} is not a Studybook course pack (${(error as Error).message})`);
  } finally {
    db.close();
  }
}
