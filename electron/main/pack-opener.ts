// Course packs the learner opens outside the page: File › Open Course Pack…, a double-click in
// the file manager (file association; a second launch forwards its arguments to the running app),
// the command line, macOS's open-file, or a file dropped where the page does not take it. Main
// stages the file and hands the page its opaque id; the page then runs its usual import flow
// (progress, the question for an older version, the message). Pure logic: main.ts only wires it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UploadedPack } from '../ipc/channels.ts';

/** The extension of course packs (the file association's). */
export const PACK_EXTENSION = '.studypack';

/** Options for File › Open Course Pack…'s dialog (Electron's OpenDialogOptions). */
export const OPEN_PACK_DIALOG = {
  title: 'Open Course Pack',
  buttonLabel: 'Open',
  properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
  filters: [
    { name: 'Studybook course packs', extensions: ['studypack'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * The course packs named in a launch's arguments, as absolute paths: every argument ending in
 * .studypack that is not a switch, resolved against the launch's working directory. The
 * executable, the app's own script and Chromium's switches are never packs. Pure.
 */
export function packPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(PACK_EXTENSION))
    .map((arg) => path.resolve(workingDirectory, arg));
}

/**
 * The course pack a navigation to `url` would show: Chromium navigates to a file dropped on a
 * page that does not handle drops. Null for anything but a file: URL of a .studypack. Pure.
 */
export function packPathFromFileUrl(url: string): string | null {
  if (!url.toLowerCase().startsWith('file:')) return null;
  try {
    const file = fileURLToPath(url);
    return file.toLowerCase().endsWith(PACK_EXTENSION) ? file : null;
  } catch {
    return null;
  }
}

export interface PackOpenerOptions {
  /** Copies the file into staging. */
  stage(file: string): Promise<UploadedPack>;
  /** Tells the learner why a file could not even be staged (missing, unreadable, too large). */
  fail(file: string, message: string): void;
  /** Called when a pack is waiting and no page can take it (macOS with every window closed). */
  needPage(): void;
}

/** Stages opened packs and hands them to the page, holding them until a page is ready. */
export class PackOpener {
  readonly #options: PackOpenerOptions;
  readonly #waiting: UploadedPack[] = [];
  #deliver: ((pack: UploadedPack) => void) | null = null;

  constructor(options: PackOpenerOptions) {
    this.#options = options;
  }

  /** Opens each of `files`, in order. Never rejects. */
  async openAll(files: readonly string[]): Promise<void> {
    for (const file of files) await this.open(file);
  }

  /** Stages `file` and hands it to the page, now or once one is ready. Never rejects. */
  async open(file: string): Promise<void> {
    let pack: UploadedPack;
    try {
      pack = await this.#options.stage(file);
    } catch (error) {
      const reason =
        error instanceof Error && !('code' in error)
          ? error.message
          : `${path.basename(file)} could not be read. Check that the file is still there, then open it again.`;
      this.#options.fail(file, reason);
      return;
    }
    if (this.#deliver) this.#deliver(pack);
    else {
      this.#waiting.push(pack);
      this.#options.needPage();
    }
  }

  /** A page is ready for packs (its window finished loading): it gets those that waited first. */
  attach(deliver: (pack: UploadedPack) => void): void {
    this.#deliver = deliver;
    for (const pack of this.#waiting.splice(0)) deliver(pack);
  }

  /** The page went away (its window closed or reloads): packs wait for the next one. */
  detach(): void {
    this.#deliver = null;
  }
}
