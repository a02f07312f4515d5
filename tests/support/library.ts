// A library in a temp folder with courses from the compiled-course factories installed the way the
// app installs them: written as packs, then installPack.
import path from 'node:path';
import type { CompiledCourse } from '../../electron/course/model.ts';
import { writePack } from '../../electron/course/pack-writer.ts';
import { installPack, type InstallOutcome } from '../../electron/library/install-pack.ts';
import { openLibraryDatabase, type LibraryDatabase } from '../../electron/library/open-library.ts';

export interface TestLibrary {
  db: LibraryDatabase;
  dataDir: string;
  /** Writes `course` as a pack next to the library and installs it. Throws PackError. */
  install(course: CompiledCourse): InstallOutcome;
  /** Writes `course` as a pack and returns its path, without installing it. */
  pack(course: CompiledCourse): string;
}

let packs = 0;

/** Opens a library in `dir` and installs `courses` in order. */
export function openTestLibrary(dir: string, courses: readonly CompiledCourse[] = []): TestLibrary {
  const dataDir = path.join(dir, 'data');
  const db = openLibraryDatabase(dataDir);
  const pack = (course: CompiledCourse) => {
    packs += 1;
    const file = path.join(dir, `${course.id}-${packs}.studypack`);
    writePack(course, file);
    return file;
  };
  const library: TestLibrary = {
    db,
    dataDir,
    pack,
    install: (course) => installPack(db, pack(course)),
  };
  for (const course of courses) library.install(course);
  return library;
}
