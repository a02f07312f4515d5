// The library page's state: the installed courses, as the host lists them.
import type { LibraryView } from '../../../electron/api.ts';
import type { Client } from './client.ts';
import { Latest, type Load } from './latest.svelte.ts';

export class LibraryState {
  readonly #client: Pick<Client, 'listCourses'>;
  readonly #courses = new Latest<LibraryView>();
  readonly #settled: () => Promise<void>;
  /** Whether what is shown is the listing the host sent with the page, not yet shown. */
  #fresh = false;

  /**
   * `settled` resolves once the learner's pending writes are done (SaveStatus.settled), so the
   * progress listed includes the lesson just left. `first`: the library the host sent with the
   * page, if it did; the first `show` shows it without asking again.
   */
  constructor(
    client: Pick<Client, 'listCourses'>,
    settled: () => Promise<void> = async () => {},
    first: LibraryView | null = null,
  ) {
    this.#client = client;
    this.#settled = settled;
    if (first) {
      this.#courses.show(first);
      this.#fresh = true;
    }
  }

  get load(): Load<LibraryView> {
    return this.#courses.current;
  }

  /**
   * Brings the library up to date for showing it. The first time it loads; after that it
   * refreshes in place, since the learner's progress has usually moved on in the meantime.
   */
  show(): Promise<void> {
    if (this.#fresh) {
      // Listed as the page was sent: nothing can have moved on since.
      this.#fresh = false;
      return Promise.resolve();
    }
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
