// Whether the window is scrolled, known without asking the browser: reading `scrollY` (or
// scrolling) lays the page out at once, which a lesson that opens at its top should not pay for
// before its first paint.

let scrolled = false;
let following = false;

/** Starts following the window's scroll position (once; later calls do nothing). */
export function followScroll(win: Window = window): void {
  if (following) return;
  following = true;
  scrolled = win.scrollY !== 0;
  win.addEventListener('scroll', () => (scrolled = win.scrollY !== 0), { passive: true });
}

/** Is the window scrolled away from its top? */
export function isScrolled(): boolean {
  return scrolled;
}
