// Whether the window is scrolled, known without asking the browser: reading `scrollY` (or
// scrolling) lays the page out at once, which a lesson that opens at its top should not pay for
// before its first paint.

export class WindowScroll {
  // Made before the app mounts, while the page is empty and so cannot be scrolled: it starts at
  // the top without asking.
  #scrolled = false;

  /** Follows `win`'s scroll position from now on. */
  constructor(win: Window) {
    win.addEventListener('scroll', () => (this.#scrolled = win.scrollY !== 0), { passive: true });
  }

  /** Is the window scrolled away from its top? */
  get scrolled(): boolean {
    return this.#scrolled;
  }
}
