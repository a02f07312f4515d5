import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcuts.ts';

function makeTarget(tagName: string, options: { inDialog?: boolean; editable?: boolean } = {}) {
  return {
    tagName,
    isContentEditable: options.editable ?? false,
    closest: (selector: string) => (options.inDialog && selector.includes('dialog') ? {} : null),
  } as unknown as EventTarget;
}

function press(key: string, overrides: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: makeTarget('BODY'),
    ...overrides,
  };
}

describe('shortcutFor', () => {
  it('maps j, k, [, ] and ? to their actions', () => {
    expect(['j', 'k', '[', ']', '?'].map((key) => shortcutFor(press(key)))).toEqual([
      'next-section',
      'previous-section',
      'previous-lesson',
      'next-lesson',
      'show-shortcuts',
    ]);
  });

  it('ignores other keys, and capital letters', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('J'))).toBeNull();
  });

  it('leaves keys typed into a field, a choice or an editable element alone', () => {
    expect(shortcutFor(press('j', { target: makeTarget('INPUT') }))).toBeNull();
    expect(shortcutFor(press('?', { target: makeTarget('textarea') }))).toBeNull();
    expect(shortcutFor(press('k', { target: makeTarget('DIV', { editable: true }) }))).toBeNull();
  });

  it('leaves keys inside a dialog to the dialog', () => {
    expect(
      shortcutFor(press('j', { target: makeTarget('BUTTON', { inDialog: true }) })),
    ).toBeNull();
  });

  it('leaves combinations with Ctrl, Cmd or Alt, and handled keys, to others', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('[', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press(']', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('?', { defaultPrevented: true }))).toBeNull();
  });

  it('works when the key comes from the window itself', () => {
    expect(shortcutFor(press('j', { target: null }))).toBe('next-section');
  });
});
