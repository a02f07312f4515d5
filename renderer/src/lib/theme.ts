// The page's colour theme. CSS keys everything on `:root[data-theme]`, as the courses' code
// stylesheets do. The system's preference decides until the learner picks one (the app menu's
// "Toggle theme" now; a persisted setting in the lesson-page issue).

export type ThemeName = 'light' | 'dark';

export class Theme {
  readonly #root: HTMLElement;
  readonly #systemDark: MediaQueryList;
  #chosen: ThemeName | null = null;

  /** `systemDark` is the `(prefers-color-scheme: dark)` media query. */
  constructor(root: HTMLElement, systemDark: MediaQueryList) {
    this.#root = root;
    this.#systemDark = systemDark;
  }

  /** The theme shown now. */
  get current(): ThemeName {
    return this.#chosen ?? (this.#systemDark.matches ? 'dark' : 'light');
  }

  /** Applies the theme and follows the system's changes until the returned function is called. */
  start(): () => void {
    const apply = () => this.#apply();
    apply();
    this.#systemDark.addEventListener('change', apply);
    return () => this.#systemDark.removeEventListener('change', apply);
  }

  /** Switches to the other theme, which then stays put whatever the system does. */
  toggle(): void {
    this.#chosen = this.current === 'dark' ? 'light' : 'dark';
    this.#apply();
  }

  #apply(): void {
    this.#root.dataset.theme = this.current;
  }
}
