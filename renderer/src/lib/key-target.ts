// Where a key press lands decides whether it is a shortcut: one rule for every keyboard handler.

/** The subset of an element the checks below look at, so tests can hand in plain objects. */
interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  closest(selector: string): unknown;
}

function asElement(target: EventTarget | null): ElementLike | null {
  const candidate = target as Partial<ElementLike> | null;
  return candidate &&
    typeof candidate.tagName === 'string' &&
    typeof candidate.closest === 'function'
    ? (candidate as ElementLike)
    : null;
}

/** Is the key going into a form control (where j and [ are text, and arrows move choices)? */
export function isTyping(target: EventTarget | null): boolean {
  const element = asElement(target);
  if (!element) return false;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName.toUpperCase()) ||
    element.isContentEditable === true
  );
}

/** Is the key pressed inside an open dialog (whose own keys come first)? */
export function insideDialog(target: EventTarget | null): boolean {
  const element = asElement(target);
  return element !== null && element.closest('dialog[open], [role="dialog"]') !== null;
}
