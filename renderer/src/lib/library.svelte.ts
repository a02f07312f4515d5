// The library page's state: the installed courses, as the host lists them.
import type { LibraryView } from '../../../electron/api.ts';
import type { Client } from './client.ts';
import { Latest, type Load } from './latest.svelte.ts';

export class LibraryState {
  readonly #client: Pick<Client, 'listCourses'>;
  readonly #courses = new Latest<LibraryView>();

  constructor(client: Pick<Client, 'listCourses'>) {
    this.#client = client;
  }

  get load(): Load<LibraryView> {
    return this.#courses.current;
  }

  /**
   * Brings the library up to date for showing it. The first time it loads; after that it
   * refreshes in place, since the learner's progress has usually moved on in the meantime.
   */
  show(): Promise<void> {
    return this.#courses.load(() => this.#client.listCourses({}), { quiet: true });
  }

  /** Loads afresh, showing the loading state: for "Try again" after a failure. */
  retry(): Promise<void> {
    return this.#courses.load(() => this.#client.listCourses({}));
  }
}
