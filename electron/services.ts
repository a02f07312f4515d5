// What both hosts run: the library of installed courses, the learner's progress store, and the
// contract's handlers over them. Electron main and the preview server differ only in transport.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Handlers } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import {
  listPackFiles,
  packFromSources,
  type BundledPackSource,
  type PackFromSources,
} from './library/bundled-packs.ts';
import { DEFAULT_PACK_LIMITS, peekPackCourse, type PackLimits } from './library/check-pack.ts';
import { CourseInstaller, type ImportProgress } from './library/course-installer.ts';
import {
  installPack,
  ONLY_UPGRADE,
  REPLACE_ANY_CHANGE,
  type InstallPolicy,
} from './library/install-pack.ts';
import { installInWorker, type InstallRunner } from './library/install-runner.ts';
import { PackStaging, type PackUpload, type StagedPack } from './library/pack-staging.ts';
import { PackStore } from './library/pack-store.ts';
import { createLibraryReader } from './library/library-reader.ts';
import { checkpointLibrary, openLibraryDatabase } from './library/open-library.ts';
import { createLibrarySearch } from './library/search-library.ts';
import { PackError } from './library/pack-error.ts';
import { openProgressStore } from './progress/open-progress-store.ts';

export type { BundledPackSource } from './library/bundled-packs.ts';

export interface AppServicesOptions {
  dataDir: string;
  bundledPacks: BundledPackSource;
  openExternal(url: string): Promise<void>;
  now?: () => Date;
  /** How a learner's install runs; by default on a worker thread. */
  installRunner?: InstallRunner;
  /** Size limits for packs (tests make them small). */
  packLimits?: Partial<PackLimits>;
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
  /** Receives a pack's bytes (the preview's upload route, Electron's IPC upload). */
  uploads: PackUploads;
  /**
   * Stages a pack file main got from the operating system (File › Open, the command line, a
   * double-click); the page then installs it by the staged id. Throws the file system's error or
   * UploadTooLargeError.
   */
  stagePackFile(file: string): Promise<StagedPack>;
  /** Calls `listener` as learner installs progress, until the returned function is called. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void;
  close(): void;
}

/** Where pack bytes go before they are installed. */
export interface PackUploads {
  /** The most bytes one pack may have. */
  readonly maxBytes: number;
  begin(displayName: string): PackUpload;
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

  const limits = { ...DEFAULT_PACK_LIMITS, ...options.packLimits };
  // The packs the learner opened, kept to rebuild the library from, and packs on their way in.
  const packStore = new PackStore(path.join(options.dataDir, 'installed-packs'));
  const staging = new PackStaging({
    dir: path.join(options.dataDir, 'staging'),
    maxBytes: limits.maxPackBytes,
  });
  const progressListeners = new Set<(progress: ImportProgress) => void>();
  const installer = new CourseInstaller({
    database,
    libraryFile: database.name,
    staging,
    store: packStore,
    eraseProgress: (courseId) => store.eraseCourse(courseId),
    runInstall: options.installRunner ?? installInWorker,
    limits,
    ...(options.now ? { now: options.now } : {}),
    onProgress: (progress) => progressListeners.forEach((listener) => listener(progress)),
    log: (message, error) => console.error(message, error),
  });

  const install = (
    packFile: string,
    source: string,
    policy: InstallPolicy = REPLACE_ANY_CHANGE,
  ) => {
    try {
      const outcome = installPack(database, packFile, {
        policy,
        limits,
        ...(options.now ? { now: options.now } : {}),
      });
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

  // A course the app brings replaces a copy the learner opened only when it is newer (or, from
  // sources, whenever they changed); that copy is then no longer needed to rebuild the library.
  const installBundled = (packFile: string, source: string, policy: InstallPolicy) => {
    const outcome = install(packFile, source, policy);
    if (outcome?.status === 'installed') {
      packStore.drop(outcome.courseId);
    }
    return outcome;
  };

  // First the packs the learner opened: after a rebuild of the library this brings them back, and
  // so it does a course whose install power loss took from the library (which syncs no commit; its
  // pack was kept durably before the commit, pack-store.ts).
  for (const kept of packStore.list()) install(kept.file, kept.file);
  const source = options.bundledPacks;
  if (source.kind === 'packs') {
    for (const packFile of listPackFiles(source.packDir)) {
      // A course the learner removed stays removed, even though the app still carries it.
      const courseId = peekPackCourse(packFile)?.id;
      if (courseId && packStore.wasRemoved(courseId)) continue;
      installBundled(packFile, packFile, ONLY_UPGRADE);
    }
  } else {
    for (const courseDir of source.courseDirs) {
      const built = await build(courseDir, source.cacheDir);
      if (built.ok) installBundled(built.packFile, courseDir, REPLACE_ANY_CHANGE);
    }
  }
  // Installs leave the checkpoint to their caller (install-pack.ts): one for all of them.
  checkpointLibrary(database);

  return {
    handlers: createHandlers({
      library,
      search: createLibrarySearch(database),
      progress: store,
      problems: () => [...problems.values()],
      progressRecovery: recovered ? { movedTo: recovered.movedTo } : null,
      openExternal: options.openExternal,
      courses: installer,
    }),
    readAsset: library.readAsset,
    readCodeStylesheet: library.readCodeStylesheet,
    async refreshCourse(courseDir) {
      if (source.kind !== 'sources') {
        return { ok: false, diagnostics: ['This app runs from installed packs, not sources.'] };
      }
      const built = await build(courseDir, source.cacheDir);
      if (!built.ok) return { ok: false, diagnostics: built.diagnostics };
      const outcome = installBundled(built.packFile, courseDir, REPLACE_ANY_CHANGE);
      checkpointLibrary(database);
      if (!outcome) return { ok: false, diagnostics: [problems.get(courseDir)?.message ?? ''] };
      return { ok: true, courseId: outcome.courseId, changed: outcome.status === 'installed' };
    },
    uploads: {
      maxBytes: staging.maxBytes,
      begin: (displayName) => staging.begin(displayName),
    },
    stagePackFile: (file) => staging.stageFile(file),
    onImportProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    close() {
      staging.clear();
      store.close();
      database.close();
    },
  };
}
