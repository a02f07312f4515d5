import { describe, expect, it } from 'vitest';
import {
  answerText,
  choiceLetter,
  emptyDraft,
  isComplete,
  openingStep,
  questionLabel,
  sameAnswer,
  scoreLabel,
  scoreRemark,
  toggleChoice,
} from './quiz.ts';

describe('quiz wording', () => {
  it('letters choices from A', () => {
    expect([0, 1, 2, 3].map(choiceLetter)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('names the question’s place and the score', () => {
    expect(questionLabel(0, 3)).toBe('Question 1 of 3');
    expect(scoreLabel({ correct: 2, total: 3 })).toBe('2 of 3 correct');
  });

  it('writes a list of choices as a sentence', () => {
    expect(answerText('Nginx')).toBe('Nginx');
    expect(answerText(['A'])).toBe('A');
    expect(answerText(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('fits the remark to the score', () => {
    expect(scoreRemark({ correct: 3, total: 3 })).toMatch(/Well done/);
    expect(scoreRemark({ correct: 2, total: 3 })).toMatch(/good/);
    expect(scoreRemark({ correct: 0, total: 3 })).toMatch(/try again/);
  });
});

describe('drafts', () => {
  it('start empty for each kind of question', () => {
    expect(emptyDraft('single')).toBe('');
    expect(emptyDraft('text')).toBe('');
    expect(emptyDraft('multiple')).toEqual([]);
  });

  it('are complete with a choice or some text, not with blanks', () => {
    expect(isComplete('')).toBe(false);
    expect(isComplete('   ')).toBe(false);
    expect(isComplete([])).toBe(false);
    expect(isComplete('Nginx')).toBe(true);
    expect(isComplete(['a'])).toBe(true);
  });

  it('keep the question’s order whichever choice is ticked first', () => {
    const choices = ['a', 'b', 'c'];
    expect(toggleChoice(choices, ['c'], 'a')).toEqual(['a', 'c']);
    expect(toggleChoice(choices, ['a', 'c'], 'a')).toEqual(['c']);
  });

  it('compare lists as sets and never a list with a text', () => {
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameAnswer(['a'], ['a', 'b'])).toBe(false);
    expect(sameAnswer('a', ['a'])).toBe(false);
    expect(sameAnswer('Uvicorn', 'Uvicorn')).toBe(true);
  });
});

describe('openingStep', () => {
  it('opens at the first question without an answer', () => {
    expect(openingStep(['q1', 'q2', 'q3'], new Set())).toBe(0);
    expect(openingStep(['q1', 'q2', 'q3'], new Set(['q1', 'q3']))).toBe(1);
  });

  it('opens at the results when every question has an answer', () => {
    expect(openingStep(['q1', 'q2'], new Set(['q1', 'q2']))).toBe(2);
  });
});
