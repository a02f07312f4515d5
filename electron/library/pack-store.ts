// The packs a learner opened, kept in the data folder (`installed-packs/<course-id>.studypack`).
// library.sqlite is derived data, replaced whenever its layout changes or it is damaged; these
// copies are what it is rebuilt from, so an opened course never silently disappears. Also
// remembers which courses the learner removed, so a course that comes with the app does not
// come back at the next start.
//
// Durability lives here, not in library.sqlite (which syncs no commit, see open-library.ts): a pack
// is kept (synced, renamed into place, the folder synced) inside the install's transaction, before
// the library commits it. Whatever power loss then takes from the library, the next start installs
// again from these packs.
import {
  copyFileSync,
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
import { syncDirectory, syncFile } from '../sync-to-disk.ts';

const REMOVED_FILE = 'removed-courses.json';
const removedList = z.array(z.string().regex(ID_PATTERN));
/** Beside a kept pack while an install that replaces it has not committed yet. */
const PREVIOUS_SUFFIX = '.previous';

/** A pack just kept, before the library committed its install: what to do once it did, or not. */
export interface KeptPack {
  /** The library committed the install: the pack it replaced is no longer needed. */
  committed(): void;
  /** The library did not commit it: the pack it replaced (or none) is put back. */
  rolledBack(): void;
}

export class PackStore {
  readonly #dir: string;

  /**
   * Uses `dir`, creating it when missing. Throws when it cannot be created. Tidies what an install
   * cut short (the app stopped while it kept its pack) left: a pack set aside goes back in place if
   * the new one never got there, and is dropped if it did (the next start installs the new one).
   */
  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
    for (const name of listDir(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith(PREVIOUS_SUFFIX)) {
        const kept = file.slice(0, -PREVIOUS_SUFFIX.length);
        if (existsSync(kept)) rmSync(file, { force: true });
        else renameSync(file, kept);
      } else if (name.endsWith('.tmp')) {
        rmSync(file, { force: true });
      }
    }
  }

  /** The folder of kept packs. */
  get dir(): string {
    return this.#dir;
  }

  /** Where course `courseId`'s pack is kept. */
  fileFor(courseId: string): string {
    if (!ID_PATTERN.test(courseId)) throw new Error(`"${courseId}" is not a course id.`);
    return path.join(this.#dir, `${courseId}.studypack`);
  }

  /** Every kept pack, as course id and file, sorted by id. */
  list(): { courseId: string; file: string }[] {
    return listDir(this.#dir)
      .filter((name) => name.endsWith('.studypack'))
      .map((name) => name.slice(0, -'.studypack'.length))
      .filter((courseId) => ID_PATTERN.test(courseId))
      .sort()
      .map((courseId) => ({ courseId, file: path.join(this.#dir, courseId) + '.studypack' }));
  }

  /**
   * Keeps `file` (a checked pack) as course `courseId`'s pack, durably: its bytes are on disk before
   * its name is, and the name before this returns. Moved when it can be; otherwise (another volume,
   * or a file that is open on Windows) copied, and `file` is left for the caller to delete. The
   * pack kept before is set aside until the returned KeptPack says whether the library committed
   * the install. Forgets that the course was ever removed. Throws the file system's error, with the
   * kept packs as they were.
   */
  keep(courseId: string, file: string): KeptPack {
    const target = this.fileFor(courseId);
    const previous = target + PREVIOUS_SUFFIX;
    const wasRemoved = this.wasRemoved(courseId);
    syncFile(file);
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    try {
      // A rename within one file system is atomic: the old pack or the new one, never half of one.
      try {
        renameSync(file, target);
      } catch {
        const temporary = `${target}.tmp`;
        try {
          copyFileSync(file, temporary);
          syncFile(temporary);
          renameSync(temporary, target);
        } finally {
          rmSync(temporary, { force: true });
        }
      }
      syncDirectory(this.#dir);
      this.#setRemoved(courseId, false);
    } catch (error) {
      if (hadPrevious) renameSync(previous, target);
      else rmSync(target, { force: true });
      throw error;
    }
    return {
      committed: () => rmSync(previous, { force: true }),
      rolledBack: () => {
        if (hadPrevious) renameSync(previous, target);
        else rmSync(target, { force: true });
        syncDirectory(this.#dir);
        this.#setRemoved(courseId, wasRemoved);
      },
    };
  }

  /** Deletes course `courseId`'s kept pack, if any, without remembering anything. */
  drop(courseId: string): void {
    rmSync(this.fileFor(courseId), { force: true });
  }

  /** Deletes course `courseId`'s kept pack, if any, and remembers that it was removed, durably. */
  forget(courseId: string): void {
    rmSync(this.fileFor(courseId), { force: true });
    this.#setRemoved(courseId, true);
    syncDirectory(this.#dir);
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
    syncFile(`${file}.tmp`);
    renameSync(`${file}.tmp`, file);
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
