// One opened lesson, with everything the learner does in it: the host's view of it, the reading
// tracker and the quiz, and the progress figures the header shows between saves.
import type { LessonView } from '../../../electron/api.ts';
import type { Client } from './client.ts';
import { progressFigures, type ProgressFigures } from './lesson-progress.ts';
import { QuizState } from './quiz.svelte.ts';
import { ReadingTracker } from './reading-tracker.svelte.ts';
import type { SaveStatus } from './save-status.svelte.ts';

export type SessionClient = Pick<Client, 'recordProgress' | 'answerQuestion'>;

export class LessonSession {
  #view = $state.raw<LessonView>() as LessonView;
  readonly tracker: ReadingTracker;
  readonly quiz: QuizState;

  /** Percent done and minutes left, from what the learner did here, saved or not yet. */
  readonly progress: ProgressFigures = $derived.by(() => this.#figures());

  constructor(view: LessonView, client: SessionClient, saves: SaveStatus) {
    this.#view = view;
    const key = { courseId: view.course.id, lessonId: view.lesson.id };
    saves.saw(view.savedAt);
    this.tracker = new ReadingTracker({
      sections: view.lesson.sections,
      sectionsRead: view.progress.sectionsRead,
      position: view.progress.position,
      save: (changes) => saves.track(client.recordProgress({ ...key, ...changes })),
    });
    this.quiz = new QuizState({
      questions: view.lesson.questions,
      answers: view.progress.answers,
      submit: (questionId, answer) =>
        saves.track(client.answerQuestion({ ...key, questionId, answer })),
    });
  }

  /** The lesson as the host rendered it. */
  get view(): LessonView {
    return this.#view;
  }

  #figures(): ProgressFigures {
    return progressFigures({
      sections: this.#view.lesson.sections,
      sectionsRead: this.tracker.read,
      questionIds: this.#view.lesson.questions.map((q) => q.id),
      answered: this.quiz.answered,
    });
  }

  /** "python-backend/deployment": which lesson this is. */
  get key(): string {
    return `${this.#view.course.id}/${this.#view.lesson.id}`;
  }
}
