// The learner's side of the library: install a staged pack (asking before going back a version),
// keeping its copy, remove a course (erasing its progress only when asked). One operation at a
// time: each waits for the one before, so two installs never race for the library.
//
// The install keeps the pack in the store itself, durably, before the library commits it (see
// pack-store.ts): the library syncs no commit, and the next start installs from the store what
// power loss took from it.
import type { PackLimits } from './check-pack.ts';
import {
  ASK_BEFORE_DOWNGRADE,
  REPLACE_ANY_CHANGE,
  removeInstalledCourse,
  type InstallOutcome,
} from './install-pack.ts';
import type { InstallRunner } from './install-runner.ts';
import type { LibraryDatabase } from './open-library.ts';
import type { PackStaging } from './pack-staging.ts';
import type { PackStore } from './pack-store.ts';

/** How far the install of staged pack `uploadId` has come. */
export interface ImportProgress {
  uploadId: string;
  phase: 'checking' | 'installing';
  /** 0–1 within the phase. */
  fraction: number;
}

/** No staged pack has this id (never staged, already installed or discarded, or expired). */
export class UnknownUploadError extends Error {
  constructor() {
    super('This course pack is no longer waiting to be installed. Open it again.');
    this.name = 'UnknownUploadError';
  }
}

/** There is no such course to remove. */
export class CourseNotInstalledError extends Error {
  constructor(courseId: string) {
    super(`There is no course "${courseId}" to remove.`);
    this.name = 'CourseNotInstalledError';
  }
}

export interface CourseInstallerOptions {
  /** The main connection to the library (removals run on it). */
  database: LibraryDatabase;
  /** The library's file, for the connection an install opens for itself. */
  libraryFile: string;
  staging: PackStaging;
  store: PackStore;
  /** Erases the learner's progress in one course, in one transaction. */
  eraseProgress(courseId: string): void;
  runInstall: InstallRunner;
  limits?: Partial<PackLimits>;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  log?: (message: string, error?: unknown) => void;
}

export class CourseInstaller {
  readonly #options: CourseInstallerOptions;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(options: CourseInstallerOptions) {
    this.#options = options;
  }

  /**
   * Installs staged pack `uploadId`. Without `confirm`, an older version (or the installed version
   * with other content) is not installed: the outcome is 'needs-confirmation' and the pack stays
   * staged for a second call with `confirm`. Rejects with UnknownUploadError, with PackError when
   * the pack is refused (it is then discarded), or with the error of a failed install.
   */
  importStaged(uploadId: string, confirm: boolean): Promise<InstallOutcome> {
    return this.#serial(async () => {
      const { staging, store } = this.#options;
      const staged = staging.get(uploadId);
      if (!staged) throw new UnknownUploadError();
      let outcome: InstallOutcome;
      try {
        outcome = await this.#options.runInstall(
          {
            libraryFile: this.#options.libraryFile,
            packFile: staged.file,
            displayName: staged.displayName,
            policy: confirm ? REPLACE_ANY_CHANGE : ASK_BEFORE_DOWNGRADE,
            limits: this.#options.limits ?? {},
            now: (this.#options.now?.() ?? new Date()).getTime(),
            keepIn: store.dir,
          },
          (phase, fraction) => this.#options.onProgress?.({ uploadId, phase, fraction }),
        );
      } catch (error) {
        staging.discard(uploadId);
        throw error;
      }
      if (outcome.status === 'needs-confirmation') return outcome;
      // Done with: an installed pack was moved into the store (copied when it could not be moved).
      staging.discard(uploadId);
      return outcome;
    });
  }

  /** Throws staged pack `uploadId` away (the learner said no); false when there was none. */
  discard(uploadId: string): boolean {
    return this.#options.staging.discard(uploadId);
  }

  /**
   * Removes course `courseId` from the library and forgets its kept pack, so it does not come back
   * at the next start. The learner's progress stays unless `eraseProgress`. Rejects with
   * CourseNotInstalledError when the course is not installed.
   */
  remove(
    courseId: string,
    eraseProgress: boolean,
  ): Promise<{ courseId: string; progressErased: boolean }> {
    return this.#serial(async () => {
      if (!removeInstalledCourse(this.#options.database, courseId)) {
        throw new CourseNotInstalledError(courseId);
      }
      try {
        this.#options.store.forget(courseId);
      } catch (error) {
        this.#options.log?.(`Could not delete the kept copy of ${courseId}:`, error);
      }
      if (eraseProgress) this.#options.eraseProgress(courseId);
      return { courseId, progressErased: eraseProgress };
    });
  }

  #serial<Result>(operation: () => Promise<Result>): Promise<Result> {
    const run = this.#tail.then(operation, operation);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}
