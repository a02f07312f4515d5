// Opening a course pack from the library page: the file's bytes go to the host (a progress bar),
// the host checks and installs it (a second one), an older version waits for the learner's
// answer, and the outcome is said in one sentence. A pack main opened itself (File › Open, a
// double-click) joins the same flow at the install step.
import type { InstallResult } from '../../../electron/api.ts';
import { StudybookError, type Client, type HostEvent } from './client.ts';

export type ImportStage =
  | { readonly kind: 'idle' }
  /** The file's bytes are on their way to the host. */
  | { readonly kind: 'sending'; readonly name: string; readonly fraction: number }
  /** The host checks the pack, then copies it into the library. */
  | {
      readonly kind: 'installing';
      readonly name: string;
      readonly phase: 'checking' | 'installing';
      readonly fraction: number;
    }
  /** An older version (or other content under the same version): install it anyway? */
  | { readonly kind: 'confirm'; readonly name: string; readonly result: InstallResult }
  | { readonly kind: 'done'; readonly name: string; readonly result: InstallResult }
  | { readonly kind: 'failed'; readonly name: string; readonly message: string };

export interface CourseImportDependencies {
  client: Pick<Client, 'uploadPack' | 'installPack' | 'discardPack' | 'subscribe'>;
  /** A course was installed or updated: the library should show it. */
  installed(result: InstallResult): void | Promise<void>;
  /** A pack arrived from outside the page: the library page should be what the learner sees. */
  showLibrary(): void;
}

export class CourseImport {
  readonly #deps: CourseImportDependencies;
  #stage = $state.raw<ImportStage>({ kind: 'idle' });
  #uploadId: string | null = null;
  // Files dropped together wait their turn, and wait while a question is open.
  #answered: ((confirmed: boolean) => void) | null = null;
  #queue: Promise<void> = Promise.resolve();

  constructor(deps: CourseImportDependencies) {
    this.#deps = deps;
  }

  /** Where the current (or last) import is. */
  get stage(): ImportStage {
    return this.#stage;
  }

  /** True while a file is sent or installed: the page takes no other file meanwhile. */
  get busy(): boolean {
    return this.#stage.kind === 'sending' || this.#stage.kind === 'installing';
  }

  /** Opens `files` one after the other. Never rejects: failures become the 'failed' stage. */
  importFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) this.#enqueue(() => this.#importFile(file));
    return this.#queue;
  }

  /** Installs a pack the host already staged (main opened it). Never rejects. */
  installStaged(uploadId: string, name: string): Promise<void> {
    return this.#enqueue(() => this.#install(uploadId, name, false));
  }

  /** The learner's answer to the 'confirm' stage. */
  answer(confirmed: boolean): void {
    this.#answered?.(confirmed);
  }

  /** Clears a finished import's message. */
  dismiss(): void {
    if (this.#stage.kind === 'done' || this.#stage.kind === 'failed') {
      this.#stage = { kind: 'idle' };
    }
  }

  /** Follows the host's install progress and the packs it opens, until the returned function is called. */
  listen(): () => void {
    return this.#deps.client.subscribe((event: HostEvent) => {
      if (event.type === 'import-progress') {
        if (event.uploadId !== this.#uploadId || this.#stage.kind !== 'installing') return;
        this.#stage = { ...this.#stage, phase: event.phase, fraction: event.fraction };
      } else if (event.type === 'pack-opened') {
        this.#deps.showLibrary();
        void this.installStaged(event.uploadId, event.name);
      }
    });
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(step, step);
    return this.#queue;
  }

  async #importFile(file: File): Promise<void> {
    const name = file.name;
    this.#stage = { kind: 'sending', name, fraction: 0 };
    let uploadId: string;
    try {
      ({ uploadId } = await this.#deps.client.uploadPack(file, (fraction) => {
        if (this.#stage.kind === 'sending') this.#stage = { kind: 'sending', name, fraction };
      }));
    } catch (error) {
      this.#stage = { kind: 'failed', name, message: messageOf(error) };
      return;
    }
    await this.#install(uploadId, name, false);
  }

  async #install(uploadId: string, name: string, confirm: boolean): Promise<void> {
    this.#uploadId = uploadId;
    this.#stage = { kind: 'installing', name, phase: 'checking', fraction: 0 };
    let result: InstallResult;
    try {
      result = await this.#deps.client.installPack({
        uploadId,
        ...(confirm ? { confirm: true as const } : {}),
      });
    } catch (error) {
      this.#stage = { kind: 'failed', name, message: messageOf(error) };
      return;
    } finally {
      this.#uploadId = null;
    }
    if (result.status === 'needs-confirmation') {
      this.#stage = { kind: 'confirm', name, result };
      const confirmed = await new Promise<boolean>((resolve) => {
        this.#answered = resolve;
      });
      this.#answered = null;
      if (confirmed) return this.#install(uploadId, name, true);
      try {
        await this.#deps.client.discardPack({ uploadId });
      } catch {
        // The host forgets a staged pack on its own after a while.
      }
      this.#stage = { kind: 'idle' };
      return;
    }
    this.#stage = { kind: 'done', name, result };
    if (result.status !== 'unchanged') await this.#deps.installed(result);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof StudybookError) return error.message;
  console.error(error);
  return 'Something went wrong while opening the course. Try again.';
}
