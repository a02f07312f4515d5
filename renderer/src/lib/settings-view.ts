// How the learner's settings show on the page's root element, and the copy of them kept in
// localStorage so the first paint already has the right theme and text size (the store, read
// through the contract a moment later, stays the source of truth).
import type { Settings } from '../../../electron/api.ts';

export const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Settings['theme'][];
export const TEXT_SIZES = [
  'small',
  'medium',
  'large',
  'x-large',
] as const satisfies readonly Settings['textSize'][];
export const MOTION = [
  'system',
  'on',
  'off',
] as const satisfies readonly Settings['reducedMotion'][];

export const THEME_LABELS: Readonly<Record<Settings['theme'], string>> = {
  system: 'Match the system',
  light: 'Light',
  dark: 'Dark',
};

export const TEXT_SIZE_LABELS: Readonly<Record<Settings['textSize'], string>> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  'x-large': 'Extra large',
};

export const MOTION_LABELS: Readonly<Record<Settings['reducedMotion'], string>> = {
  system: 'Match the system',
  on: 'Reduce motion',
  off: 'Allow motion',
};

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  textSize: 'medium',
  reducedMotion: 'system',
};

/** The class the root element carries for a text size: `text-size-large`. */
export function textSizeClass(size: Settings['textSize']): string {
  return `text-size-${size}`;
}

/** Whether motion is reduced, from the setting and the system's own preference. */
export function reducesMotion(setting: Settings['reducedMotion'], systemReduces: boolean): boolean {
  return setting === 'on' || (setting === 'system' && systemReduces);
}

/** The theme shown, from the setting and whether the system is dark. */
export function shownTheme(setting: Settings['theme'], systemDark: boolean): 'light' | 'dark' {
  if (setting === 'system') return systemDark ? 'dark' : 'light';
  return setting;
}

/** Settings read back from their cached JSON; null for anything that is not a valid copy. */
export function parseCachedSettings(text: string | null): Settings | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { theme, textSize, reducedMotion } = value as Record<string, unknown>;
  if (
    !includes(THEMES, theme) ||
    !includes(TEXT_SIZES, textSize) ||
    !includes(MOTION, reducedMotion)
  ) {
    return null;
  }
  return { theme, textSize, reducedMotion };
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}
