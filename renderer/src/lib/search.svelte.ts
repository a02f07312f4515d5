// The search dialog's state: what the learner typed, the course filter, the results of the latest
// search, and which result the arrow keys have reached. Searches run as the learner types, a short
// pause after the last key; only the answer to the latest search is ever shown, however the
// host's answers arrive.
import type { SearchGroup, SearchResult, SearchView } from '../../../electron/api.ts';
import { StudybookError, type Client } from './client.ts';
import { FAQ_PLACE, QUIZ_PLACE, lessonHref } from './routes.ts';

/** The pause after a key before searching, in milliseconds. */
export const SEARCH_DELAY_MS = 120;

/** What the dialog shows below the field. */
export type SearchStatus =
  /** Nothing typed yet. */
  | 'empty'
  /** A search is on its way and there is nothing to show meanwhile. */
  | 'searching'
  | 'results'
  | 'no-results'
  | 'failed';

/** One result as the listbox shows it: its DOM id, its place in the list and where it leads. */
export interface SearchOption {
  id: string;
  index: number;
  result: SearchResult;
  href: string;
}

export interface SearchOptionGroup {
  courseId: string;
  courseTitle: string;
  options: SearchOption[];
}

/** Timers, handed in so that tests can run the pause by hand. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SearchDependencies {
  client: Pick<Client, 'search' | 'listCourses'>;
  /** Goes to an address of the page (a lesson, opened at the result's section). */
  navigate: (href: string) => void;
  timers?: Timers;
  delayMs?: number;
}

const windowTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SearchState {
  readonly #client: SearchDependencies['client'];
  readonly #navigate: (href: string) => void;
  readonly #timers: Timers;
  readonly #delayMs: number;

  #open = $state(false);
  #query = $state('');
  #courseId = $state<string | null>(null);
  #courses = $state.raw<{ id: string; title: string }[]>([]);
  // Raw: an answer is replaced whole, never edited in place.
  #view = $state.raw<SearchView | null>(null);
  #searching = $state(false);
  #error = $state<string | null>(null);
  #active = $state(0);
  #ticket = 0;
  #timer: unknown = null;

  constructor({
    client,
    navigate,
    timers = windowTimers,
    delayMs = SEARCH_DELAY_MS,
  }: SearchDependencies) {
    this.#client = client;
    this.#navigate = navigate;
    this.#timers = timers;
    this.#delayMs = delayMs;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  get query(): string {
    return this.#query;
  }

  /** The course the search is limited to, or null for every course. */
  get courseId(): string | null {
    return this.#courseId;
  }

  /** The installed courses, for the filter. */
  get courses(): readonly { id: string; title: string }[] {
    return this.#courses;
  }

  /** A search is on its way (earlier results may still be shown meanwhile). */
  get searching(): boolean {
    return this.#searching;
  }

  /** Why the latest search failed, written for the learner; null when it did not. */
  get error(): string | null {
    return this.#error;
  }

  get status(): SearchStatus {
    if (this.#query.trim() === '') return 'empty';
    if (this.#error !== null) return 'failed';
    if (this.#view === null) return 'searching';
    return this.#view.groups.length > 0 ? 'results' : 'no-results';
  }

  /** The results, grouped by course, each with its place in the list for the arrow keys. */
  get groups(): SearchOptionGroup[] {
    const view = this.#view;
    if (!view || this.status !== 'results') return [];
    let index = 0;
    return view.groups.map((group: SearchGroup) => ({
      courseId: group.courseId,
      courseTitle: group.courseTitle,
      options: group.results.map((result) => {
        const option = {
          id: `search-option-${index}`,
          index,
          result,
          href: lessonHref(result.courseId, result.lessonId, placeOf(result), view.terms),
        };
        index += 1;
        return option;
      }),
    }));
  }

  /** Every result in list order. */
  get options(): SearchOption[] {
    return this.groups.flatMap((group) => group.options);
  }

  /** The result the arrow keys are on, or null when there are none. */
  get active(): SearchOption | null {
    return this.options[this.#active] ?? null;
  }

  /** Opens the dialog and brings the course filter up to date. Never rejects. */
  async open(): Promise<void> {
    this.#open = true;
    try {
      const library = await this.#client.listCourses({});
      this.#courses = library.courses.map(({ id, title }) => ({ id, title }));
      if (this.#courseId !== null && !this.#courses.some((c) => c.id === this.#courseId)) {
        this.setCourse(null);
      }
    } catch {
      // Without the list the filter offers "All courses" only; searching still works.
    }
  }

  /** Closes the dialog; what was typed stays for the next time it opens. */
  close(): void {
    this.#open = false;
  }

  /** The learner typed: searches after a short pause, or clears at once when the field is blank. */
  setQuery(text: string): void {
    this.#query = text;
    this.#cancelPause();
    if (text.trim() === '') {
      this.#ticket += 1;
      this.#view = null;
      this.#error = null;
      this.#searching = false;
      return;
    }
    this.#searching = true;
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      void this.#search();
    }, this.#delayMs);
  }

  /** Limits the search to one course (null: every course) and searches again at once. */
  setCourse(courseId: string | null): void {
    this.#courseId = courseId;
    this.#cancelPause();
    if (this.#query.trim() !== '') void this.#search();
  }

  /** Moves the active result by `step`, wrapping around the ends. */
  move(step: number): void {
    const count = this.options.length;
    if (count === 0) return;
    this.#active = (((this.#active + step) % count) + count) % count;
  }

  /** Makes the result at `index` the active one (the pointer is over it). */
  activate(index: number): void {
    if (index >= 0 && index < this.options.length) this.#active = index;
  }

  /** Opens the active result (or the one at `index`), closing the dialog. False when there is none. */
  choose(index: number = this.#active): boolean {
    const option = this.options[index];
    if (!option) return false;
    this.close();
    this.#navigate(option.href);
    return true;
  }

  #cancelPause(): void {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }

  async #search(): Promise<void> {
    const ticket = ++this.#ticket;
    const query = this.#query;
    const courseId = this.#courseId;
    this.#searching = true;
    try {
      const view = await this.#client.search({ query, ...(courseId ? { courseId } : {}) });
      if (ticket !== this.#ticket) return;
      this.#view = view;
      this.#error = null;
      this.#active = 0;
    } catch (error) {
      if (ticket !== this.#ticket) return;
      this.#error =
        error instanceof StudybookError ? error.message : 'Something went wrong in this page.';
    }
    this.#searching = false;
  }
}

/** Where in its lesson a result opens: its section, or the quiz or FAQ it was found in. */
function placeOf(result: SearchResult): string | null {
  if (result.kind === 'question') return QUIZ_PLACE;
  if (result.kind === 'faq') return FAQ_PLACE;
  return result.sectionId;
}
