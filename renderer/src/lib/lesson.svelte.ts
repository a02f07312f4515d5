// The lesson page's state: the open lesson (as a LessonSession: the host's view plus the
// learner's reading and quiz), and the learner's requests that leave the page (external links).
import { StudybookError, type Client } from './client.ts';
import { takeEarlyLesson } from './early-lesson.ts';
import { Latest, type Load } from './latest.svelte.ts';
import { LessonSession } from './lesson-session.svelte.ts';
import { LinkPrompt } from './link-prompt.svelte.ts';
import type { SaveStatus } from './save-status.svelte.ts';

export type LessonClient = Pick<
  Client,
  'openLesson' | 'openExternal' | 'recordProgress' | 'answerQuestion'
>;

interface LessonKey {
  courseId: string;
  lessonId: string;
}

export class LessonState {
  readonly #client: LessonClient;
  readonly #saves: SaveStatus;
  readonly #sessions = new Latest<LessonSession>();
  #key: LessonKey | null = null;
  #opening: Promise<void> = Promise.resolve();
  #notice = $state<string | null>(null);
  /** The "Open in your browser?" question, while one is open. */
  readonly linkPrompt = new LinkPrompt();

  constructor(client: LessonClient, saves: SaveStatus) {
    this.#client = client;
    this.#saves = saves;
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
   * The learner left the lesson: saves what its tracker has pending, at once. The library waits
   * for that write (SaveStatus.settled) before it reads progress.
   */
  leave(): void {
    const load = this.#sessions.current;
    if (load.status === 'ready') this.#saves.hold(load.value.tracker.stop());
    this.#key = null;
  }

  /**
   * Reloads the open lesson in place when `courseId` is its course: the instructor saved a file
   * and the preview recompiled it. The learner keeps reading what is on screen meanwhile.
   */
  refresh(courseId: string): Promise<void> {
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
    // The first lesson may already be on its way (boot.ts).
    const early = takeEarlyLesson(key.courseId, key.lessonId);
    return this.#sessions.load(async () => {
      const view = await (early ?? this.#client.openLesson(key));
      // A refresh replaces the session; the one it replaces saves what it has first.
      if (previous.status === 'ready') this.#saves.hold(previous.value.tracker.stop());
      return new LessonSession(view, this.#client, this.#saves);
    }, options);
  }
}
