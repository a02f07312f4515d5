// A lesson's quiz: one question at a time, the learner's drafts, the host's graded answers
// (saved as they are checked) and the score. Wording and comparisons live in quiz.ts.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { AnswerView, QuestionView, QuizScore } from '../../../electron/api.ts';
import { StudybookError } from './client.ts';
import { emptyDraft, isComplete, openingStep, sameAnswer, type Draft } from './quiz.ts';

export interface QuizOptions {
  questions: readonly QuestionView[];
  /** The learner's latest saved answers. */
  answers: readonly AnswerView[];
  /** Has the host grade and save an answer; rejects with a StudybookError when it cannot. */
  submit(questionId: string, answer: Draft): Promise<AnswerView>;
}

export class QuizState {
  readonly questions: readonly QuestionView[];
  readonly #submit: QuizOptions['submit'];
  readonly #answers: SvelteMap<string, AnswerView>;
  #drafts = $state<Record<string, Draft>>({});
  /** Questions whose verdict shows: the saved ones at first, none after "Try again". */
  readonly #revealed: SvelteSet<string>;
  #step = $state(0);
  #checking = $state(false);
  #message = $state<string | null>(null);

  readonly score: QuizScore = $derived.by(() => {
    let correct = 0;
    for (const answer of this.#answers.values()) if (answer.correct) correct += 1;
    return { correct, answered: this.#answers.size, total: this.questions.length };
  });

  constructor(options: QuizOptions) {
    this.questions = options.questions;
    this.#submit = options.submit;
    const known = options.questions.map((q) => q.id);
    const answers = new SvelteMap(
      options.answers.filter((a) => known.includes(a.questionId)).map((a) => [a.questionId, a]),
    );
    this.#answers = answers;
    this.#revealed = new SvelteSet(answers.keys());
    this.#drafts = Object.fromEntries(
      options.questions.map((q) => [q.id, answers.get(q.id)?.answer ?? emptyDraft(q.kind)]),
    );
    this.#step = openingStep(known, answers);
  }

  /** The questions with a saved answer (has(questionId)). */
  get answered(): { has(questionId: string): boolean } {
    return this.#answers;
  }

  get total(): number {
    return this.questions.length;
  }

  /** 0-based question index; `total` means the results. */
  get step(): number {
    return this.#step;
  }

  get onResults(): boolean {
    return this.#step >= this.questions.length;
  }

  /** The question shown, or null on the results. */
  get question(): QuestionView | null {
    return this.questions[this.#step] ?? null;
  }

  get checking(): boolean {
    return this.#checking;
  }

  /** A word for the learner about their last action ("Choose an answer first"), or null. */
  get message(): string | null {
    return this.#message;
  }

  /** The latest saved answer to a question, whether or not its verdict shows. */
  saved(questionId: string): AnswerView | null {
    return this.#answers.get(questionId) ?? null;
  }

  draft(questionId: string): Draft {
    return this.#drafts[questionId] ?? '';
  }

  setDraft(questionId: string, draft: Draft): void {
    this.#drafts[questionId] = draft;
    this.#message = null;
  }

  /** The verdict to show for a question: its saved answer, while the draft still says the same. */
  verdict(questionId: string): AnswerView | null {
    const answer = this.#answers.get(questionId);
    if (!answer || !this.#revealed.has(questionId)) return null;
    return sameAnswer(this.draft(questionId), answer.answer) ? answer : null;
  }

  /**
   * Has the host grade the shown question's draft. Resolves to true once the verdict is there;
   * false when there was nothing to check or the answer could not be saved (`message` says why).
   */
  async check(): Promise<boolean> {
    const question = this.question;
    if (!question || this.#checking) return false;
    const draft = $state.snapshot(this.draft(question.id)) as Draft;
    if (!isComplete(draft)) {
      this.#message =
        question.kind === 'text' ? 'Type an answer first.' : 'Choose an answer first.';
      return false;
    }
    this.#checking = true;
    this.#message = null;
    try {
      const answer = await this.#submit(question.id, draft);
      this.#answers.set(question.id, answer);
      this.#revealed.add(question.id);
      return true;
    } catch (error) {
      const reason = error instanceof StudybookError ? error.message : 'something went wrong.';
      this.#message = `Your answer could not be saved: ${reason} Try again.`;
      return false;
    } finally {
      this.#checking = false;
    }
  }

  goTo(step: number): void {
    this.#step = Math.min(Math.max(0, step), this.questions.length);
    this.#message = null;
  }

  next(): void {
    this.goTo(this.#step + 1);
  }

  previous(): void {
    this.goTo(this.#step - 1);
  }

  /** Starts over from the first question with nothing chosen; saved answers stay until replaced. */
  tryAgain(): void {
    this.#drafts = Object.fromEntries(this.questions.map((q) => [q.id, emptyDraft(q.kind)]));
    this.#revealed.clear();
    this.goTo(0);
  }
}
