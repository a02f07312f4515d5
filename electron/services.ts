// What both hosts run: the library of installed courses, the learner's progress store, and the
// contract's handlers over them. Electron main and the preview server differ only in transport.
import { mkdirSync } from 'node:fs';
import type { Handlers } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import {
  listPackFiles,
  packFromSources,
  type BundledPackSource,
  type PackFromSources,
} from './library/bundled-packs.ts';
import { installPack } from './library/install-pack.ts';
import { createLibraryReader } from './library/library-reader.ts';
import { openLibraryDatabase } from './library/open-library.ts';
import { createLibrarySearch } from './library/search-library.ts';
import { PackError } from './library/pack-error.ts';
import { openProgressStore } from './progress/open-progress-store.ts';

export type { BundledPackSource } from './library/bundled-packs.ts';

export interface AppServicesOptions {
  dataDir: string;
  bundledPacks: BundledPackSource;
  openExternal(url: string): Promise<void>;
  now?: () => Date;
}

export interface AppServices {
  handlers: Handlers;
  readAsset(courseId: string, name: string): { mime: string; data: Buffer } | null;
  readCodeStylesheet(courseId: string): string | null;
  /**
   * Rebuilds one course from its sources and installs it (the preview's live reload). On
   * errors the installed version stays as it was and the diagnostics come back.
   */
  refreshCourse(courseDir: string): Promise<RefreshOutcome>;
  close(): void;
}

export type RefreshOutcome =
  { ok: true; courseId: string; changed: boolean } | { ok: false; diagnostics: string[] };

type Problem = { source: string; message: string };

/**
 * Opens the data folder's library and progress store and installs the bundled courses. A broken
 * course is reported in the library and skipped; the others still work. Throws only when the data
 * folder itself is unusable or the progress file is from a newer Studybook.
 */
export async function openAppServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataDir, { recursive: true });
  const { store, recovered } = openProgressStore({
    dataDir: options.dataDir,
    ...(options.now ? { now: options.now } : {}),
  });
  const database = openLibraryDatabase(options.dataDir);
  const library = createLibraryReader(database);
  const problems = new Map<string, Problem>();

  const install = (packFile: string, source: string) => {
    try {
      const outcome = installPack(database, packFile, options.now);
      problems.delete(source);
      return outcome;
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      problems.set(source, { source, message: error.message });
      return null;
    }
  };
  const build = async (courseDir: string, cacheDir: string): Promise<PackFromSources> => {
    const built = await packFromSources(courseDir, cacheDir);
    if (built.ok) problems.delete(courseDir);
    else {
      problems.set(courseDir, {
        source: courseDir,
        message: `The course in ${courseDir} has errors:\n${built.diagnostics.join('\n')}`,
      });
    }
    return built;
  };

  const source = options.bundledPacks;
  if (source.kind === 'packs') {
    for (const packFile of listPackFiles(source.packDir)) install(packFile, packFile);
  } else {
    for (const courseDir of source.courseDirs) {
      const built = await build(courseDir, source.cacheDir);
      if (built.ok) install(built.packFile, courseDir);
    }
  }

  return {
    handlers: createHandlers({
      library,
      search: createLibrarySearch(database),
      progress: store,
      problems: () => [...problems.values()],
      progressRecovery: recovered ? { movedTo: recovered.movedTo } : null,
      openExternal: options.openExternal,
    }),
    readAsset: library.readAsset,
    readCodeStylesheet: library.readCodeStylesheet,
    async refreshCourse(courseDir) {
      if (source.kind !== 'sources') {
        return { ok: false, diagnostics: ['This app runs from installed packs, not sources.'] };
      }
      const built = await build(courseDir, source.cacheDir);
      if (!built.ok) return { ok: false, diagnostics: built.diagnostics };
      const outcome = install(built.packFile, courseDir);
      if (!outcome) return { ok: false, diagnostics: [problems.get(courseDir)?.message ?? ''] };
      return { ok: true, courseId: outcome.courseId, changed: outcome.status === 'installed' };
    },
    close() {
      store.close();
      database.close();
    },
  };
}
