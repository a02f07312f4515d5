import { describe, expect, it } from 'vitest';
import { parseFenceInfo } from './fence-info.ts';

describe('parseFenceInfo', () => {
  it('reads the language, a title and emphasised line ranges', () => {
    const info = parseFenceInfo('python title="app/main.py" {1,4-6}', 10);
    expect(info.language).toBe('python');
    expect(info.title).toBe('app/main.py');
    expect([...info.emphasised]).toEqual([1, 4, 5, 6]);
    expect(info.problems).toEqual([]);
  });

  it('accepts single quotes around the title and no language at all', () => {
    const info = parseFenceInfo("title='notes.txt' {2}", 3);
    expect(info.language).toBe('');
    expect(info.title).toBe('notes.txt');
    expect([...info.emphasised]).toEqual([2]);
  });

  it('lowercases the language so that ```Python is python', () => {
    expect(parseFenceInfo('Python', 1).language).toBe('python');
  });

  it('separates a range written right after the language', () => {
    const info = parseFenceInfo('bash{2}', 2);
    expect(info.language).toBe('bash');
    expect([...info.emphasised]).toEqual([2]);
  });

  it('reports emphasised lines beyond the end of the block, keeping the lines that exist', () => {
    const info = parseFenceInfo('python {2-5}', 3);
    expect([...info.emphasised]).toEqual([2, 3]);
    expect(info.problems).toEqual([
      'emphasised lines: "2-5" goes beyond the code block, which has 3 lines',
    ]);
  });

  it('reports ranges that are not numbers or run backwards', () => {
    const info = parseFenceInfo('python {a,5-2,0}', 9);
    expect(info.emphasised.size).toBe(0);
    expect(info.problems).toHaveLength(3);
    expect(info.problems[0]).toContain('"a" is not a line number');
  });

  it('reports words it does not understand, such as a misspelt title', () => {
    const info = parseFenceInfo('bash titel="x.sh"', 1);
    expect(info.title).toBeNull();
    expect(info.problems).toEqual([
      '"titel="x.sh"" in the code block\'s first line is not understood: write it as ```python title="app/main.py" {1,4-6}',
    ]);
  });
});
