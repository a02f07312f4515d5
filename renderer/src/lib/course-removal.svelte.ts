// Removing a course from the library page: which course the dialog asks about, whether the
// learner also wants their progress erased (off unless they tick it), and what happened.
import type { CourseSummary } from '../../../electron/api.ts';
import { StudybookError, type Client } from './client.ts';

export interface CourseRemovalDependencies {
  client: Pick<Client, 'removeCourse'>;
  /** A course was removed: the library should stop showing it. */
  removed(courseId: string): void | Promise<void>;
}

export class CourseRemoval {
  readonly #deps: CourseRemovalDependencies;
  #course = $state.raw<Pick<CourseSummary, 'id' | 'title'> | null>(null);
  #eraseProgress = $state(false);
  #working = $state(false);
  #error = $state<string | null>(null);
  #announcement = $state('');

  constructor(deps: CourseRemovalDependencies) {
    this.#deps = deps;
  }

  /** The course the dialog asks about; null when it is closed. */
  get course(): Pick<CourseSummary, 'id' | 'title'> | null {
    return this.#course;
  }

  get eraseProgress(): boolean {
    return this.#eraseProgress;
  }

  set eraseProgress(erase: boolean) {
    this.#eraseProgress = erase;
  }

  get working(): boolean {
    return this.#working;
  }

  /** Why the last removal failed, for the dialog. */
  get error(): string | null {
    return this.#error;
  }

  /** What the last removal did, in one sentence, for a live region. */
  get announcement(): string {
    return this.#announcement;
  }

  /** Opens the dialog for `course`, progress kept unless the learner says otherwise. */
  ask(course: Pick<CourseSummary, 'id' | 'title'>): void {
    this.#course = { id: course.id, title: course.title };
    this.#eraseProgress = false;
    this.#error = null;
  }

  cancel(): void {
    if (!this.#working) this.#course = null;
  }

  /** Removes the course the dialog asks about. Never rejects: a failure stays in the dialog. */
  async confirm(): Promise<void> {
    const course = this.#course;
    if (!course || this.#working) return;
    this.#working = true;
    this.#error = null;
    try {
      const result = await this.#deps.client.removeCourse({
        courseId: course.id,
        eraseProgress: this.#eraseProgress,
      });
      this.#announcement = result.progressErased
        ? `${course.title} was removed, and your progress in it was erased.`
        : `${course.title} was removed. Your progress is kept: open the course again to pick up where you were.`;
      this.#course = null;
      await this.#deps.removed(course.id);
    } catch (error) {
      this.#error =
        error instanceof StudybookError ? error.message : 'The course could not be removed.';
    } finally {
      this.#working = false;
    }
  }
}
