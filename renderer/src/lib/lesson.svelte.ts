// The lesson page's state: the open lesson (as a LessonSession: the host's view plus the
// learner's reading and quiz), and the learner's requests that leave the page (external links).
import type { LessonView } from '../../../electron/api.ts';
import { StudybookError, type Client } from './client.ts';
import { Latest, type Load } from './latest.svelte.ts';
import type { LessonPrefetch, LessonKey } from './lesson-prefetch.ts';
import { LessonSession } from './lesson-session.svelte.ts';
import { LinkPrompt } from './link-prompt.svelte.ts';
import type { SaveStatus } from './save-status.svelte.ts';

export type LessonClient = Pick<
  Client,
  'openLesson' | 'openExternal' | 'recordProgress' | 'answerQuestion'
>;

export class LessonState {
  readonly #client: LessonClient;
  readonly #saves: SaveStatus;
  readonly #prefetch: LessonPrefetch;
  readonly #sessions = new Latest<LessonSession>();
  #key: LessonKey | null = null;
  #opening: Promise<void> = Promise.resolve();
  #notice = $state<string | null>(null);
  /** The "Open in your browser?" question, while one is open. */
  readonly linkPrompt = new LinkPrompt();

  constructor(client: LessonClient, saves: SaveStatus, prefetch: LessonPrefetch) {
    this.#client = client;
    this.#saves = saves;
    this.#prefetch = prefetch;
  }

  /** The truth about the learner's saved work, for the "Saved …" indicator. */
  get saves(): SaveStatus {
    return this.#saves;
  }

  get load(): Load<LessonSession> {
    return this.#sessions.current;
  }

  /** A short message about the learner's last request (an external link that would not open). */
  get notice(): string | null {
    return this.#notice;
  }

  /**
   * Shows a lesson; opening another saves this one first. Opening the lesson being shown (or
   * loaded) again does nothing: the composition root opens the first lesson before the page
   * mounts, and the page then asks for the same one.
   */
  open(courseId: string, lessonId: string): Promise<void> {
    if (this.#key?.courseId === courseId && this.#key.lessonId === lessonId) {
      return this.#opening;
    }
    const previous = this.#sessions.current;
    this.#key = { courseId, lessonId };
    this.#notice = null;
    // The new lesson is asked for first, so that the host answers it before it writes what the
    // previous lesson still had pending.
    this.#opening = this.#fetch({ quiet: false });
    if (previous.status === 'ready') this.#saves.hold(previous.value.tracker.stop());
    return this.#opening;
  }

  /**
   * Shows a lesson already in hand, recorded as opened by the host that sent it: how the host
   * renders a lesson's page (renderer/src/server.ts).
   */
  show(key: LessonKey, view: LessonView): void {
    const previous = this.#sessions.current;
    this.#key = key;
    this.#notice = null;
    this.#sessions.show(this.#session(key, view, true, previous));
  }

  /**
   * The learner left the lesson: saves what its tracker has pending, at once. The library waits
   * for that write (SaveStatus.settled) before it reads progress.
   */
  leave(): void {
    const load = this.#sessions.current;
    if (load.status === 'ready') this.#saves.hold(load.value.tracker.stop());
    this.#key = null;
    // The library can erase progress or remove a course: views asked for before may be stale.
    this.#prefetch.clear();
  }

  /**
   * Asks for a lesson the learner is likely to open next, so that opening it shows it at once.
   * Does nothing for the lesson open now or one already asked for.
   */
  prefetch({ courseId, lessonId }: LessonKey): void {
    if (this.#key?.courseId === courseId && this.#key.lessonId === lessonId) return;
    const key = { courseId, lessonId };
    if (this.#prefetch.has(key)) return;
    // Only the key: a lesson link carries more, which the contract refuses.
    this.#prefetch.put(key, {
      view: this.#client.openLesson({ ...key, ahead: true }),
      recorded: false,
    });
  }

  /** Forgets lessons asked for ahead: a course was installed, replaced or removed. */
  forgetPrefetched(): void {
    this.#prefetch.clear();
  }

  /**
   * Reloads the open lesson in place when `courseId` is its course: the instructor saved a file
   * and the preview recompiled it. The learner keeps reading what is on screen meanwhile.
   */
  refresh(courseId: string): Promise<void> {
    this.#prefetch.clear();
    if (this.#key?.courseId !== courseId) return Promise.resolve();
    return this.#fetch({ quiet: true });
  }

  /** Loads the open lesson again, from a loading state: for "Try again" after a failure. */
  retry(): Promise<void> {
    return this.#fetch({ quiet: false });
  }

  /**
   * Opens an https link in the system browser, once the learner has said yes. Never rejects:
   * a refusal from the host becomes the notice.
   */
  async openExternal(url: string): Promise<void> {
    this.#notice = null;
    const agreed = await this.linkPrompt.ask(url);
    if (!agreed) return;
    try {
      await this.#client.openExternal({ url });
    } catch (error) {
      const reason = error instanceof StudybookError ? error.message : 'something went wrong.';
      this.#notice = `The link could not be opened: ${reason}`;
    }
  }

  #fetch(options: { quiet: boolean }): Promise<void> {
    const key = this.#key;
    if (!key) return Promise.resolve();
    const previous = this.#sessions.current;
    // The lesson may already be on its way, or here (main.ts, prefetch); a refresh asks anew.
    const ahead = options.quiet ? null : this.#prefetch.take(key);
    // Here already: shown in this same turn, with no loading state built and torn down first.
    if (ahead?.arrived) {
      this.#sessions.show(this.#session(key, ahead.arrived, ahead.recorded, previous));
      return Promise.resolve();
    }
    return this.#sessions.load(async () => {
      const view = await (ahead?.view ?? this.#client.openLesson(key));
      return this.#session(key, view, ahead?.recorded ?? true, previous);
    }, options);
  }

  /** The session for a view that has arrived; `recorded`: whether the host noted the opening. */
  #session(
    key: LessonKey,
    view: LessonView,
    recorded: boolean,
    previous: Load<LessonSession>,
  ): LessonSession {
    // The session this one replaces (another lesson, or this one before a refresh) saves what it
    // has first, as it did before the host answered for this one.
    if (previous.status === 'ready') this.#saves.hold(previous.value.tracker.stop());
    // Shown now: a lesson fetched ahead is recorded as opened only now.
    if (!recorded && this.#key === key) {
      // A failure shows in the Saved indicator; the next write records the lesson anyway.
      this.#saves
        .track(this.#client.recordProgress({ ...key, opened: true }))
        .catch(() => undefined);
    }
    return new LessonSession(view, this.#client, this.#saves);
  }
}
