import { describe, expect, it } from 'vitest';
import { ProgressInputError } from './errors.ts';
import { DEFAULT_SETTINGS, decodeSettings, encodeSetting } from './settings.ts';

describe('settings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(decodeSettings([])).toEqual({
      theme: 'system',
      textSize: 'medium',
      reducedMotion: 'system',
    });
  });

  it('reads back what it encoded', () => {
    const rows = [encodeSetting('theme', 'dark'), encodeSetting('textSize', 'x-large')];
    expect(decodeSettings(rows)).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      textSize: 'x-large',
    });
  });

  it('falls back to the default for an unreadable stored value and skips unknown keys', () => {
    const rows = [
      { key: 'theme', value: '"neon"' },
      { key: 'textSize', value: 'not json' },
      { key: 'fontFamily', value: '"serif"' },
    ];
    expect(decodeSettings(rows)).toEqual(DEFAULT_SETTINGS);
  });

  it.each(['fontFamily', '__proto__', 'toString', 42])('refuses the unknown setting %j', (key) => {
    expect(() => encodeSetting(key, 'dark')).toThrow(ProgressInputError);
  });

  it.each([
    ['theme', 'neon'],
    ['textSize', 3],
    ['reducedMotion', null],
  ])('refuses %s = %j with an error naming the setting', (key, value) => {
    expect(() => encodeSetting(key, value)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        issues: [expect.objectContaining({ path: key })],
      }),
    );
  });
});
