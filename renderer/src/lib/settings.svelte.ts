// The learner's settings (theme, text size, motion): read from the store, applied to the page's
// root element, and saved back through the contract when the learner changes one. A copy kept in
// localStorage lets the first paint use them before the store has answered.
import type { Settings } from '../../../electron/api.ts';
import type { Client } from './client.ts';
import type { SaveStatus } from './save-status.svelte.ts';
import { applySettings, readCachedSettings, SETTINGS_CACHE_KEY } from './settings-root.ts';
import {
  DEFAULT_SETTINGS,
  parseCachedSettings,
  reducesMotion,
  shownTheme,
} from './settings-view.ts';

export interface SettingsEnvironment {
  /** The element the theme, text size and motion are set on (the document's root). */
  root: HTMLElement;
  /** `(prefers-color-scheme: dark)` */
  systemDark: MediaQueryList;
  /** `(prefers-reduced-motion: reduce)` */
  systemReducedMotion: MediaQueryList;
  /** Where the copy for the first paint lives; null when the page may not store anything. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export class SettingsState {
  readonly #client: Pick<Client, 'getSettings' | 'setSettings'>;
  readonly #saves: SaveStatus;
  readonly #env: SettingsEnvironment | null;
  #settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  #systemDark = $state(false);
  #systemReduces = $state(false);
  #problem = $state<string | null>(null);

  /**
   * `env`: null where there is no page to apply settings to, as when the host renders the page
   * (renderer/src/server.ts); the settings then stay the defaults and `start` must not be called.
   */
  constructor(
    client: Pick<Client, 'getSettings' | 'setSettings'>,
    saves: SaveStatus,
    env: SettingsEnvironment | null,
  ) {
    this.#client = client;
    this.#saves = saves;
    this.#env = env;
  }

  get current(): Readonly<Settings> {
    return this.#settings;
  }

  /** The theme on screen now. */
  get theme(): 'light' | 'dark' {
    return shownTheme(this.#settings.theme, this.#systemDark);
  }

  /** Whether motion is reduced now (by the setting or the system). */
  get reducedMotion(): boolean {
    return reducesMotion(this.#settings.reducedMotion, this.#systemReduces);
  }

  /** Why the last change could not be saved, or null. */
  get problem(): string | null {
    return this.#problem;
  }

  /**
   * Applies the cached settings at once, follows the system's theme and motion, and loads the
   * stored settings. Returns a function that stops following the system.
   */
  start(): () => void {
    const env = this.#env;
    if (!env) throw new Error('Settings without a page to apply them to cannot start.');
    const cached = parseCachedSettings(this.#read());
    if (cached) this.#settings = cached;
    const follow = () => {
      this.#systemDark = env.systemDark.matches;
      this.#systemReduces = env.systemReducedMotion.matches;
      this.#apply();
    };
    follow();
    env.systemDark.addEventListener('change', follow);
    env.systemReducedMotion.addEventListener('change', follow);
    void this.#client.getSettings({}).then(
      (stored) => this.#adopt(stored),
      // The page works with the defaults (or the cached copy) when the store cannot be read.
      () => undefined,
    );
    return () => {
      env.systemDark.removeEventListener('change', follow);
      env.systemReducedMotion.removeEventListener('change', follow);
    };
  }

  /** Changes settings on the page at once and saves them; never rejects (`problem` says why not). */
  async change(changes: Partial<Settings>): Promise<void> {
    this.#adopt({ ...this.#settings, ...changes });
    try {
      const saved = await this.#saves.track(this.#client.setSettings(changes));
      this.#problem = null;
      this.#adopt({
        theme: saved.theme,
        textSize: saved.textSize,
        reducedMotion: saved.reducedMotion,
      });
    } catch (error) {
      this.#problem = `Your settings could not be saved: ${error instanceof Error ? error.message : 'unknown error'}`;
    }
  }

  /** Switches to the other theme than the one shown (the app menu's "Toggle theme"). */
  toggleTheme(): Promise<void> {
    return this.change({ theme: this.theme === 'dark' ? 'light' : 'dark' });
  }

  #adopt(settings: Settings): void {
    const json = JSON.stringify(settings);
    // The store usually confirms what the cached copy already applied: then nothing changes.
    if (json === JSON.stringify(this.#settings) && json === this.#read()) return;
    this.#settings = settings;
    this.#apply();
    try {
      this.#env?.storage?.setItem(SETTINGS_CACHE_KEY, json);
    } catch {
      // A full or forbidden storage only costs the first paint its cached settings.
    }
  }

  #read(): string | null {
    return readCachedSettings(this.#env?.storage ?? null);
  }

  #apply(): void {
    if (!this.#env) return;
    applySettings(this.#env.root, this.#settings, {
      dark: this.#systemDark,
      reducesMotion: this.#systemReduces,
    });
  }
}
