import { describe, expect, it } from 'vitest';
import type { AnswerView, QuestionView } from '../../../electron/api.ts';
import { StudybookError } from './client.ts';
import { QuizState } from './quiz.svelte.ts';
import type { Draft } from './quiz.ts';

function makeQuestions(): QuestionView[] {
  return [
    { id: 'q1', kind: 'single', prompt: 'Which?', choices: ['a', 'b', 'c'] },
    { id: 'q2', kind: 'multiple', prompt: 'Which ones?', choices: ['x', 'y', 'z'] },
    { id: 'q3', kind: 'text', prompt: 'Name it.', choices: [] },
  ];
}

const RIGHT: Record<string, Draft> = { q1: 'b', q2: ['x', 'z'], q3: 'uvicorn' };

/** Grades like the host: the right answers above, lists in any order. */
function grade(questionId: string, answer: Draft): AnswerView {
  const right = RIGHT[questionId] ?? '';
  const correct = Array.isArray(answer)
    ? Array.isArray(right) && [...answer].sort().join() === [...right].sort().join()
    : answer === right;
  return { questionId, answer, correct, correctAnswer: right, explainHtml: '<p>Because.</p>' };
}

function makeQuiz(
  answers: AnswerView[] = [],
  submit = async (id: string, a: Draft) => grade(id, a),
) {
  return new QuizState({ questions: makeQuestions(), answers, submit });
}

describe('QuizState', () => {
  it('opens at the first question without an answer, showing saved answers as chosen', () => {
    const quiz = makeQuiz([grade('q1', 'a')]);
    expect(quiz.step).toBe(1);
    expect(quiz.draft('q1')).toBe('a');
    expect(quiz.verdict('q1')?.correct).toBe(false);
  });

  it('opens at the results when every question has an answer', () => {
    const quiz = makeQuiz([grade('q1', 'b'), grade('q2', ['z', 'x']), grade('q3', 'nope')]);
    expect(quiz.onResults).toBe(true);
    expect(quiz.score).toEqual({ correct: 2, answered: 3, total: 3 });
  });

  it('refuses to check an empty answer, and says why', async () => {
    const quiz = makeQuiz();
    expect(await quiz.check()).toBe(false);
    expect(quiz.message).toBe('Choose an answer first.');
    quiz.goTo(2);
    expect(await quiz.check()).toBe(false);
    expect(quiz.message).toBe('Type an answer first.');
  });

  it('has the host grade an answer, then shows its verdict until the answer changes', async () => {
    const quiz = makeQuiz();
    quiz.setDraft('q1', 'b');
    expect(await quiz.check()).toBe(true);
    expect(quiz.verdict('q1')?.correct).toBe(true);
    expect(quiz.answered.has('q1')).toBe(true);
    quiz.setDraft('q1', 'c');
    expect(quiz.verdict('q1'), 'a changed answer hides the old verdict').toBeNull();
    quiz.setDraft('q1', 'b');
    expect(quiz.verdict('q1')?.correct, 'and changing it back shows it again').toBe(true);
  });

  it('keeps the draft and says so when the answer could not be saved', async () => {
    const quiz = makeQuiz([], async () => {
      throw new StudybookError({ code: 'unavailable', message: 'The host is not answering.' });
    });
    quiz.setDraft('q1', 'b');
    expect(await quiz.check()).toBe(false);
    expect(quiz.message).toBe(
      'Your answer could not be saved: The host is not answering. Try again.',
    );
    expect(quiz.draft('q1')).toBe('b');
    expect(quiz.answered.has('q1')).toBe(false);
  });

  it('moves one question at a time, from the first to the results', () => {
    const quiz = makeQuiz();
    quiz.previous();
    expect(quiz.step).toBe(0);
    quiz.next();
    quiz.next();
    quiz.next();
    quiz.next();
    expect(quiz.step).toBe(3);
    expect(quiz.question).toBeNull();
  });

  it('starts over with nothing chosen on "Try again", keeping the saved score until replaced', async () => {
    const quiz = makeQuiz([grade('q1', 'a'), grade('q2', ['x']), grade('q3', 'uvicorn')]);
    quiz.tryAgain();
    expect(quiz.step).toBe(0);
    expect(quiz.draft('q1')).toBe('');
    expect(quiz.draft('q2')).toEqual([]);
    expect(quiz.verdict('q1')).toBeNull();
    expect(quiz.score.correct).toBe(1);
    quiz.setDraft('q1', 'b');
    await quiz.check();
    expect(quiz.score).toEqual({ correct: 2, answered: 3, total: 3 });
  });
});
