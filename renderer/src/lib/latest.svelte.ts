// Loading state for data a page shows, where only the latest request may win: a learner who
// clicks from one lesson to the next must never see the first one's late answer.
import { StudybookError } from './client.ts';

export type Load<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: StudybookError };

export class Latest<T> {
  // Raw: a loaded value is replaced whole, never edited in place, so deep proxies would only cost.
  #load = $state.raw<Load<T>>({ status: 'idle' });
  #ticket = 0;

  get current(): Load<T> {
    return this.#load;
  }

  /** Shows a value already in hand, at once, in place of any load still on its way. */
  show(value: T): void {
    this.#ticket += 1;
    this.#load = { status: 'ready', value };
  }

  /**
   * Runs `fetch` and shows its answer unless a later `load` began meanwhile. With `quiet`, what is
   * shown stays on screen until the answer arrives instead of giving way to a loading state.
   * Never rejects: a failure becomes the 'failed' state.
   */
  async load(fetch: () => Promise<T>, { quiet = false }: { quiet?: boolean } = {}): Promise<void> {
    const ticket = ++this.#ticket;
    if (!quiet || this.#load.status !== 'ready') this.#load = { status: 'loading' };
    let next: Load<T>;
    try {
      next = { status: 'ready', value: await fetch() };
    } catch (error) {
      next = { status: 'failed', error: asStudybookError(error) };
    }
    if (ticket === this.#ticket) this.#load = next;
  }
}

function asStudybookError(error: unknown): StudybookError {
  if (error instanceof StudybookError) return error;
  // The client throws only StudybookErrors; anything else is a bug in the page, reported as such.
  console.error(error);
  return new StudybookError({ code: 'internal', message: 'Something went wrong in this page.' });
}
