// Keeping keyboard focus where it belongs: inside an open dialog, and somewhere sensible after.
import { afterPaint } from './frames.ts';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements inside `container` that Tab reaches, in order. */
export function tabbables(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
}

/**
 * Keeps Tab and Shift+Tab cycling inside `container`: call from its keydown handler. (A modal
 * <dialog> makes the page behind it inert, but Tab would still leave for the browser's own UI.)
 */
export function trapTab(event: KeyboardEvent, container: Element): void {
  if (event.key !== 'Tab') return;
  const items = tabbables(container);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = container.ownerDocument.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Focuses `preferred` if it is still on the page, else the page's main heading. */
export function restoreFocus(preferred: Element | null, doc: Document = document): void {
  if (preferred instanceof HTMLElement && preferred.isConnected && preferred !== doc.body) {
    preferred.focus({ preventScroll: true });
    return;
  }
  doc.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
}

/**
 * Focuses `element` once the page has been painted (focusing makes the browser lay the page out
 * at once), unless focus has moved meanwhile: a key pressed before then (j, a link) wins.
 */
export function focusAfterPaint(element: HTMLElement): void {
  const doc = element.ownerDocument;
  const before = doc.activeElement;
  afterPaint(() => {
    if (element.isConnected && doc.activeElement === before) element.focus({ preventScroll: true });
  });
}
