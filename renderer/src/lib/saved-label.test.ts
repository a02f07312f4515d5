import { describe, expect, it } from 'vitest';
import { labelChangesIn, savedLabel } from './saved-label.ts';

// Local times, so the tests read the same in every time zone.
const now = new Date(2026, 10, 27, 14, 30, 0);
const iso = (...parts: [number, number, number, number, number, number?]) =>
  new Date(...parts).toISOString();

describe('savedLabel', () => {
  it('says so when nothing was ever saved', () => {
    expect(savedLabel(null, now)).toBe('Not saved yet');
  });

  it('reads "just now" for the last minute, and for a time in the future', () => {
    expect(savedLabel(iso(2026, 10, 27, 14, 29, 30), now)).toBe('Saved just now');
    expect(savedLabel(iso(2026, 10, 27, 14, 35), now)).toBe('Saved just now');
  });

  it('gives the time of day for earlier today and yesterday', () => {
    expect(savedLabel(iso(2026, 10, 27, 14, 2), now)).toBe('Saved today at 14:02');
    expect(savedLabel(iso(2026, 10, 26, 9, 5), now)).toBe('Saved yesterday at 09:05');
  });

  it('gives the date for older saves, with the year only when it is not this one', () => {
    expect(savedLabel(iso(2026, 2, 3, 8, 0), now)).toBe('Saved on 3 March at 08:00');
    expect(savedLabel(iso(2025, 11, 31, 23, 59), now)).toBe('Saved on 31 December 2025 at 23:59');
  });
});

describe('labelChangesIn', () => {
  it('wakes up when "just now" runs out, then at midnight', () => {
    expect(labelChangesIn(iso(2026, 10, 27, 14, 29, 30), now)).toBe(30_000);
    expect(labelChangesIn(iso(2026, 10, 27, 14, 0), now)).toBe(9.5 * 3_600_000);
    expect(labelChangesIn(null, now)).toBeNull();
  });
});
