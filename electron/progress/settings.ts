// The learner's preferences: a fixed set of typed keys, each with a default, stored as JSON values
// in the progress file so they travel with the rest of the learner's own data.

import { z } from 'zod';
import { ProgressInputError } from './errors.ts';

const settingSchemas = {
  theme: z.enum(['system', 'light', 'dark']),
  textSize: z.enum(['small', 'medium', 'large', 'x-large']),
  reducedMotion: z.enum(['system', 'on', 'off']),
};

/** A change to any of the settings, as the contract accepts it. */
export const settingsChangeInput = z.strictObject(settingSchemas).partial();

/** Every setting with its current value. */
export type Settings = { [K in keyof typeof settingSchemas]: z.output<(typeof settingSchemas)[K]> };

/** The name of one setting. */
export type SettingKey = keyof Settings;

/** What a learner who never changed a setting gets. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  textSize: 'medium',
  reducedMotion: 'system',
});

/** A setting as stored: its key and its value as JSON text. */
export type StoredSetting = { key: string; value: string };

function isSettingKey(key: unknown): key is SettingKey {
  return typeof key === 'string' && Object.hasOwn(settingSchemas, key);
}

/** Checks one setting write and encodes it; throws ProgressInputError for an unknown key or bad value. */
export function encodeSetting(key: unknown, value: unknown): StoredSetting {
  if (!isSettingKey(key)) {
    throw new ProgressInputError('setSetting', [
      { path: 'key', message: `unknown setting ${JSON.stringify(key)}` },
    ]);
  }
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new ProgressInputError('setSetting', [{ path: key, message }]);
  }
  return { key, value: JSON.stringify(parsed.data) };
}

/**
 * The settings from stored rows, defaults filling the gaps. Never throws: a key this version does
 * not know, or a value it cannot read (a hand-edited file), must not stop the app from starting.
 */
export function decodeSettings(rows: readonly StoredSetting[]): Settings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (!isSettingKey(key)) continue;
    const parsed = settingSchemas[key].safeParse(parseJson(value));
    if (parsed.success) settings[key] = parsed.data;
  }
  return settings as Settings;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
