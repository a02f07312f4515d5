import { describe, expect, it } from 'vitest';
import { lastStudied, lessonCount, quizScore, readingTime } from './format.ts';

describe('readingTime', () => {
  it('says how many minutes a lesson takes to read', () => {
    expect(readingTime(5)).toBe('5 min read');
  });

  it('never promises a lesson takes no time at all', () => {
    expect(readingTime(0)).toBe('1 min read');
  });

  it('rounds to whole minutes', () => {
    expect(readingTime(4.6)).toBe('5 min read');
  });
});

describe('lessonCount', () => {
  it('uses the singular for one lesson', () => {
    expect(lessonCount(1)).toBe('1 lesson');
    expect(lessonCount(3)).toBe('3 lessons');
  });
});

describe('quizScore', () => {
  it('gives correct answers out of all questions once something is answered', () => {
    expect(quizScore({ correct: 7, answered: 8, total: 9 })).toBe('Quiz 7/9');
    expect(quizScore({ correct: 0, answered: 0, total: 9 })).toBeNull();
  });
});

describe('lastStudied', () => {
  const now = new Date(2026, 2, 12, 9, 30);

  it('says today, yesterday or how many days ago, by calendar day', () => {
    expect(lastStudied(new Date(2026, 2, 12, 0, 5).toISOString(), now)).toBe('today');
    expect(lastStudied(new Date(2026, 2, 11, 23, 50).toISOString(), now)).toBe('yesterday');
    expect(lastStudied(new Date(2026, 2, 9, 12).toISOString(), now)).toBe('3 days ago');
  });

  it('gives the date from a week back', () => {
    expect(lastStudied(new Date(2026, 1, 20, 12).toISOString(), now)).toBe('20 Feb 2026');
  });

  it('says nothing for a time it cannot read', () => {
    expect(lastStudied('not a date', now)).toBe('');
  });
});
