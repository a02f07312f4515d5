// The learner's settings as the page's root element shows them (theme, motion, text size), and
// the copy of them kept in localStorage. The entry (main.ts) applies that copy before the first
// paint, which may show a page the host rendered before the app's own script has run;
// SettingsState keeps the root up to date after that.
import type { Settings } from '../../../electron/api.ts';
import { reducesMotion, shownTheme, TEXT_SIZES, textSizeClass } from './settings-view.ts';

export const SETTINGS_CACHE_KEY = 'studybook:settings';

/** What the system prefers, as its media queries say now. */
export interface SystemPreferences {
  dark: boolean;
  reducesMotion: boolean;
}

/** Sets the root's theme, motion and text size; only what changed, as any change restyles all. */
export function applySettings(
  root: HTMLElement,
  settings: Settings,
  system: SystemPreferences,
): void {
  const theme = shownTheme(settings.theme, system.dark);
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
  const motion = reducesMotion(settings.reducedMotion, system.reducesMotion) ? 'reduce' : 'full';
  if (root.dataset.motion !== motion) root.dataset.motion = motion;
  for (const size of TEXT_SIZES) {
    root.classList.toggle(textSizeClass(size), size === settings.textSize);
  }
}

/** The cached copy's text; null when there is none or the storage cannot be read. */
export function readCachedSettings(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(SETTINGS_CACHE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The window's localStorage, or null where the page may not use it (reading it can throw). */
export function pageStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}
