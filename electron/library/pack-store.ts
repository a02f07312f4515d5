// The packs a learner opened, kept in the data folder (`installed-packs/<course-id>.studypack`).
// library.sqlite is derived data, replaced whenever its layout changes or it is damaged; these
// copies are what it is rebuilt from, so an opened course never silently disappears. Also
// remembers which courses the learner removed, so a course that comes with the app does not
// come back at the next start.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ID_PATTERN } from '../ids.ts';

const REMOVED_FILE = 'removed-courses.json';
const removedList = z.array(z.string().regex(ID_PATTERN));

export class PackStore {
  readonly #dir: string;

  /** Uses `dir`, creating it when missing. Throws when it cannot be created. */
  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** Where course `courseId`'s pack is kept. */
  fileFor(courseId: string): string {
    if (!ID_PATTERN.test(courseId)) throw new Error(`"${courseId}" is not a course id.`);
    return path.join(this.#dir, `${courseId}.studypack`);
  }

  /** Every kept pack, as course id and file, sorted by id. */
  list(): { courseId: string; file: string }[] {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.studypack'))
      .map((name) => name.slice(0, -'.studypack'.length))
      .filter((courseId) => ID_PATTERN.test(courseId))
      .sort()
      .map((courseId) => ({ courseId, file: path.join(this.#dir, courseId) + '.studypack' }));
  }

  /**
   * Keeps `file` (a staged pack, moved, not copied) as course `courseId`'s pack, replacing the
   * one kept before, and forgets that the course was ever removed. Throws the file system's error.
   */
  keep(courseId: string, file: string): void {
    const target = this.fileFor(courseId);
    // A rename within one file system is atomic: the old pack or the new one, never half of one.
    try {
      renameSync(file, target);
    } catch {
      // Staging on another volume: copy through a temporary name, then rename.
      const temporary = `${target}.tmp`;
      writeFileSync(temporary, readFileSync(file));
      renameSync(temporary, target);
      rmSync(file, { force: true });
    }
    this.#setRemoved(courseId, false);
  }

  /** Deletes course `courseId`'s kept pack, if any, without remembering anything. */
  drop(courseId: string): void {
    rmSync(this.fileFor(courseId), { force: true });
  }

  /** Deletes course `courseId`'s kept pack, if any, and remembers that it was removed. */
  forget(courseId: string): void {
    rmSync(this.fileFor(courseId), { force: true });
    this.#setRemoved(courseId, true);
  }

  /** Did the learner remove course `courseId` (and not open it again since)? */
  wasRemoved(courseId: string): boolean {
    return this.#removed().includes(courseId);
  }

  #removed(): string[] {
    const file = path.join(this.#dir, REMOVED_FILE);
    if (!existsSync(file)) return [];
    try {
      const parsed = removedList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  #setRemoved(courseId: string, removed: boolean): void {
    const current = this.#removed();
    if (current.includes(courseId) === removed) return;
    const next = removed ? [...current, courseId].sort() : current.filter((id) => id !== courseId);
    const file = path.join(this.#dir, REMOVED_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  }
}
