// Live reload for instructors: the preview host recompiles a course when its files change and
// tells the page, which reloads what it shows or lists the compile errors.
import type { Client } from './client.ts';

export class LiveReload {
  readonly #client: Pick<Client, 'subscribe'>;
  #diagnostics = $state.raw<readonly string[]>([]);

  constructor(client: Pick<Client, 'subscribe'>) {
    this.#client = client;
  }

  /** The last failed compile's errors, as `path:line:col: error: …`; empty once a compile succeeds. */
  get diagnostics(): readonly string[] {
    return this.#diagnostics;
  }

  /**
   * Follows the host's events until the returned function is called, calling `onReload` with
   * the id of each course recompiled. After a failed compile the page keeps what it shows.
   */
  start(onReload: (courseId: string) => void): () => void {
    return this.#client.subscribe((event) => {
      if (event.type === 'reload') {
        this.#diagnostics = [];
        onReload(event.courseId);
      } else if (event.type === 'compile-error') {
        this.#diagnostics = event.diagnostics;
      }
    });
  }
}
