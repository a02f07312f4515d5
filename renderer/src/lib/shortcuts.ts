// Studybook's keyboard shortcuts: which key does what, and when a key press is one.
import { insideDialog, isTyping } from './key-target.ts';

export type ShortcutAction =
  'next-section' | 'previous-section' | 'previous-lesson' | 'next-lesson' | 'show-shortcuts';

/** Every shortcut, for the shortcuts dialog, in the order it lists them. */
export const SHORTCUTS: readonly { keys: readonly string[]; description: string }[] = [
  { keys: ['j'], description: 'Next section' },
  { keys: ['k'], description: 'Previous section' },
  { keys: [']'], description: 'Next lesson' },
  { keys: ['['], description: 'Previous lesson' },
  { keys: ['/', 'Ctrl+K'], description: 'Search your courses' },
  { keys: ['?'], description: 'Show these shortcuts' },
  { keys: ['Esc'], description: 'Close a dialog or the section list' },
  { keys: ['Tab', 'Shift+Tab'], description: 'Move between links, buttons and answers' },
];

const ACTIONS: Readonly<Record<string, ShortcutAction>> = {
  j: 'next-section',
  k: 'previous-section',
  '[': 'previous-lesson',
  ']': 'next-lesson',
  '?': 'show-shortcuts',
};

/** The parts of a keydown event and its target that decide whether it is a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/**
 * The shortcut a key press means, or null: not while the learner types in a field, not inside
 * a dialog (which has its own keys), not with Ctrl, Cmd or Alt held (those belong to the app and
 * the system), and not when something else already handled the key.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.defaultPrevented) return null;
  const action = ACTIONS[press.key];
  if (!action) return null;
  if (isTyping(press.target) || insideDialog(press.target)) return null;
  return action;
}
