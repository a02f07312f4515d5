// What the search dialog decides without the DOM: which key presses open it, how a result's
// place and snippet read. Pure, so that it is tested once.
import type { SearchResult, SearchSnippet } from '../../../electron/api.ts';
import { insideDialog, isTyping } from './key-target.ts';

/** The parts of a keydown event that decide whether it opens the search. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/**
 * Whether a key press opens the search: Ctrl+K (Cmd+K on a Mac) from anywhere, or `/` when the
 * learner is not typing in a field (where a slash is text) and no other dialog is open.
 */
export function opensSearch(press: KeyPress): boolean {
  if (press.defaultPrevented || press.altKey) return false;
  if ((press.ctrlKey || press.metaKey) && !press.shiftKey && press.key.toLowerCase() === 'k') {
    return true;
  }
  if (press.key !== '/' || press.ctrlKey || press.metaKey) return false;
  return !isTyping(press.target) && !insideDialog(press.target);
}

/** The snippet as runs of text, each a match or not, for rendering matches in <mark>. */
export function snippetParts(snippet: SearchSnippet): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at || end <= start || end > snippet.text.length) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return parts;
}

const KIND_LABELS: Readonly<Record<SearchResult['kind'], string | null>> = {
  lesson: null,
  section: null,
  question: 'Quiz',
  faq: 'FAQ',
};

/** Where a result is inside its lesson: the section's title, "Quiz", "FAQ", or null for the lesson itself. */
export function resultPlace(result: SearchResult): string | null {
  return result.sectionTitle ?? KIND_LABELS[result.kind];
}

/** The shortcut as the header button shows it: ⌘K on a Mac, Ctrl K elsewhere. */
export function shortcutLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘K' : 'Ctrl K';
}
