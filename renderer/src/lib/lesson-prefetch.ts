// Lessons asked for before the learner opens them, so that opening one shows it at once: the
// lesson the address names (asked for by main.ts while the app's own script still loads), and
// the lesson the learner is likely to open next (its neighbours, once the page is idle or the
// pointer or focus reaches a link to one).
import type { LessonView } from '../../../electron/api.ts';

export interface LessonKey {
  courseId: string;
  lessonId: string;
}

/** At most this many lessons are kept; the one kept longest goes first. */
const KEPT = 3;

/** A lesson asked for before it was opened. */
export interface AskedAhead {
  view: Promise<LessonView>;
  /**
   * Whether the host recorded the lesson as opened when it answered (the lesson the address
   * names); a lesson fetched only because it is likely next is recorded once it is shown.
   */
  recorded: boolean;
}

/** A lesson asked for ahead, as handed over: with its view when that has already arrived. */
export interface TakenAhead extends AskedAhead {
  /** The view, when the host has answered by now: the lesson can be shown in this same turn. */
  arrived: LessonView | null;
}

export class LessonPrefetch {
  readonly #views = new Map<string, AskedAhead>();
  readonly #arrived = new WeakMap<AskedAhead, LessonView>();

  /** Whether a view of this lesson is already on its way or here. */
  has(key: LessonKey): boolean {
    return this.#views.has(keyOf(key));
  }

  /** Keeps a view (on its way) for the lesson, in place of any earlier one. */
  put(key: LessonKey, asked: AskedAhead): void {
    const id = keyOf(key);
    asked.view.then(
      (view) => this.#arrived.set(asked, view),
      // A failure is only noted here: the lesson is asked for again when it is opened.
      () => {
        if (this.#views.get(id) === asked) this.#views.delete(id);
      },
    );
    this.#views.delete(id);
    this.#views.set(id, asked);
    for (const oldest of this.#views.keys()) {
      if (this.#views.size <= KEPT) break;
      this.#views.delete(oldest);
    }
  }

  /** The view kept for this lesson, once: it is not kept after. Null when there is none. */
  take(key: LessonKey): TakenAhead | null {
    const id = keyOf(key);
    const asked = this.#views.get(id);
    this.#views.delete(id);
    return asked ? { ...asked, arrived: this.#arrived.get(asked) ?? null } : null;
  }

  /** Forgets every kept view: what they show may have changed (a course recompiled or replaced). */
  clear(): void {
    this.#views.clear();
  }
}

function keyOf({ courseId, lessonId }: LessonKey): string {
  // Ids cannot hold a slash (electron/ids.ts), so the pair is unambiguous.
  return `${courseId}/${lessonId}`;
}
