import { describe, expect, it } from 'vitest';
import { closestMatch } from './did-you-mean.ts';

describe('closestMatch', () => {
  it('suggests the key a typo was meant to be, swapped letters included', () => {
    expect(closestMatch('titel', ['title', 'summary', 'id'])).toBe('title');
    expect(closestMatch('sumary', ['title', 'summary', 'id'])).toBe('summary');
  });

  it('suggests nothing for a word unlike every candidate', () => {
    expect(closestMatch('colour', ['title', 'summary', 'id'])).toBeUndefined();
  });
});
