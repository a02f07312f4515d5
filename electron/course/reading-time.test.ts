import { describe, expect, it } from 'vitest';
import { SECONDS_PER_CODE_LINE, countWords, readingSeconds } from './reading-time.ts';

describe('countWords', () => {
  it('counts words, ignoring punctuation and markup left in plain text', () => {
    expect(countWords("Gunicorn — the learner's WSGI server, v2.0!")).toBe(6);
  });

  it('counts a word with combining marks once, not once per vowel sign or accent', () => {
    expect(countWords('नमस्ते दुनिया')).toBe(2);
    expect(countWords('আমার সোনার বাংলা')).toBe(3);
    expect(countWords('e\u0301tude cafe\u0301-cre\u0300me')).toBe(2);
  });

  it('counts nothing in an empty or blank text', () => {
    expect(countWords('   \n ')).toBe(0);
  });
});

describe('readingSeconds', () => {
  it('reads prose at 230 words a minute', () => {
    expect(readingSeconds(230, 0)).toBe(60);
    expect(readingSeconds(115, 0)).toBe(30);
  });

  it('reads code line by line, more slowly than prose', () => {
    expect(readingSeconds(0, 10)).toBe(10 * SECONDS_PER_CODE_LINE);
    expect(readingSeconds(0, 10)).toBeGreaterThan(readingSeconds(10, 0));
  });

  it('gives at least one second to any non-empty content and none to empty content', () => {
    expect(readingSeconds(1, 0)).toBe(1);
    expect(readingSeconds(0, 0)).toBe(0);
  });
});
