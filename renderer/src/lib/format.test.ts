import { describe, expect, it } from 'vitest';
import { lessonCount, readingTime } from './format.ts';

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
