import { describe, expect, it } from 'vitest';
import { parseCachedSettings, reducesMotion, shownTheme, textSizeClass } from './settings-view.ts';

describe('settings on the page', () => {
  it('follows the system until the learner picks a theme', () => {
    expect(shownTheme('system', true)).toBe('dark');
    expect(shownTheme('system', false)).toBe('light');
    expect(shownTheme('light', true)).toBe('light');
    expect(shownTheme('dark', false)).toBe('dark');
  });

  it('reduces motion when asked to, or when the system asks and the learner did not say otherwise', () => {
    expect(reducesMotion('on', false)).toBe(true);
    expect(reducesMotion('off', true)).toBe(false);
    expect(reducesMotion('system', true)).toBe(true);
    expect(reducesMotion('system', false)).toBe(false);
  });

  it('names a class for each text size', () => {
    expect(textSizeClass('x-large')).toBe('text-size-x-large');
  });
});

describe('parseCachedSettings', () => {
  it('reads back a valid copy', () => {
    const settings = { theme: 'dark', textSize: 'large', reducedMotion: 'on' } as const;
    expect(parseCachedSettings(JSON.stringify(settings))).toEqual(settings);
  });

  it.each([
    null,
    '',
    'not json',
    'null',
    '[]',
    '{"theme":"pink","textSize":"large","reducedMotion":"on"}',
  ])('refuses %j', (text) => {
    expect(parseCachedSettings(text)).toBeNull();
  });
});
