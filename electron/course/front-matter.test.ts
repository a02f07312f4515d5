import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.ts';

describe('splitFrontMatter', () => {
  it('separates the YAML between --- lines from the Markdown body', () => {
    const split = splitFrontMatter('---\ntitle: A\n---\nBody\n');
    expect(split).toMatchObject({ kind: 'found', yaml: 'title: A' });
  });

  it('keeps the body on the same line numbers as in the file', () => {
    const split = splitFrontMatter('---\ntitle: A\nsummary: B\n---\n## First\n');
    expect(split.body.split('\n')[4]).toBe('## First');
  });

  it('accepts ... as the closing line', () => {
    expect(splitFrontMatter('---\ntitle: A\n...\nBody').kind).toBe('found');
  });

  it('tells a file without front matter from one whose front matter is never closed', () => {
    expect(splitFrontMatter('# Title\n').kind).toBe('missing');
    expect(splitFrontMatter('---\ntitle: A\nBody\n').kind).toBe('unclosed');
  });
});
