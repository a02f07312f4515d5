// The lesson page's state: the open lesson as the host renders it, and the learner's requests
// that leave the page (external links).
import type { LessonView } from '../../../electron/api.ts';
import { StudybookError, type Client } from './client.ts';
import { Latest, type Load } from './latest.svelte.ts';

/** Asks the learner a yes/no question; resolves to their answer. */
export type Confirm = (question: string) => boolean | Promise<boolean>;

interface LessonKey {
  courseId: string;
  lessonId: string;
}

export class LessonState {
  readonly #client: Pick<Client, 'openLesson' | 'openExternal'>;
  readonly #confirm: Confirm;
  readonly #lesson = new Latest<LessonView>();
  #key: LessonKey | null = null;
  #notice = $state<string | null>(null);

  constructor(client: Pick<Client, 'openLesson' | 'openExternal'>, confirm: Confirm) {
    this.#client = client;
    this.#confirm = confirm;
  }

  get load(): Load<LessonView> {
    return this.#lesson.current;
  }

  /** A short message about the learner's last request (an external link that would not open). */
  get notice(): string | null {
    return this.#notice;
  }

  /**
   * Shows a lesson. Opening the lesson already shown refreshes it in place, since the learner's
   * progress may have moved on while they were elsewhere.
   */
  open(courseId: string, lessonId: string): Promise<void> {
    const same = this.#key?.courseId === courseId && this.#key.lessonId === lessonId;
    this.#key = { courseId, lessonId };
    this.#notice = null;
    return this.#fetch({ quiet: same });
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
    const agreed = await this.#confirm(`Open this link in your browser?\n\n${url}`);
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
    return this.#lesson.load(() => this.#client.openLesson(key), options);
  }
}
