// The library page's state: the installed courses, as the host lists them.
import type { LibraryView } from '../../../electron/api.ts';
import type { Client } from './client.ts';
import { Latest, type Load } from './latest.svelte.ts';

export class LibraryState {
  readonly #client: Pick<Client, 'listCourses'>;
  readonly #courses = new Latest<LibraryView>();
  readonly #settled: () => Promise<void>;

  /**
   * `settled` resolves once the learner's pending writes are done (SaveStatus.settled), so the
   * progress listed includes the lesson just left.
   */
  constructor(client: Pick<Client, 'listCourses'>, settled: () => Promise<void> = async () => {}) {
    this.#client = client;
    this.#settled = settled;
  }

  get load(): Load<LibraryView> {
    return this.#courses.current;
  }

  /**
   * Brings the library up to date for showing it. The first time it loads; after that it
   * refreshes in place, since the learner's progress has usually moved on in the meantime.
   */
  show(): Promise<void> {
    return this.#courses.load(
      async () => {
        await this.#settled();
        return this.#client.listCourses({});
      },
      { quiet: true },
    );
  }

  /** Loads afresh, showing the loading state: for "Try again" after a failure. */
  retry(): Promise<void> {
    return this.#courses.load(() => this.#client.listCourses({}));
  }
}
