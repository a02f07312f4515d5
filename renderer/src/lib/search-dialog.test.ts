import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../electron/api.ts';
import {
  opensSearch,
  resultPlace,
  shortcutLabel,
  snippetParts,
  type KeyPress,
} from './search-dialog.ts';

function press(key: string, overrides: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    defaultPrevented: false,
    target: null,
    ...overrides,
  };
}

function element(tagName: string, { inDialog = false, editable = false } = {}) {
  return {
    tagName,
    isContentEditable: editable,
    closest: (selector: string) => (inDialog && selector.includes('dialog') ? {} : null),
  } as unknown as EventTarget;
}

describe('opensSearch', () => {
  it('opens with Ctrl+K and Cmd+K, even from a field', () => {
    expect(opensSearch(press('k', { ctrlKey: true }))).toBe(true);
    expect(opensSearch(press('K', { metaKey: true }))).toBe(true);
    expect(opensSearch(press('k', { ctrlKey: true, target: element('INPUT') }))).toBe(true);
  });

  it('opens with / outside fields and dialogs', () => {
    expect(opensSearch(press('/', { target: element('BODY') }))).toBe(true);
    expect(opensSearch(press('/', { target: element('INPUT') }))).toBe(false);
    expect(opensSearch(press('/', { target: element('TEXTAREA') }))).toBe(false);
    expect(opensSearch(press('/', { target: element('DIV', { editable: true }) }))).toBe(false);
    expect(opensSearch(press('/', { target: element('BUTTON', { inDialog: true }) }))).toBe(false);
  });

  it('leaves other keys, k alone, Alt and handled presses alone', () => {
    expect(opensSearch(press('k'))).toBe(false);
    expect(opensSearch(press('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(opensSearch(press('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(opensSearch(press('/', { ctrlKey: true }))).toBe(false);
    expect(opensSearch(press('/', { defaultPrevented: true }))).toBe(false);
  });
});

describe('snippetParts', () => {
  it('splits a snippet into plain runs and matches', () => {
    expect(
      snippetParts({
        text: 'run docker compose up',
        highlights: [
          [4, 10],
          [11, 18],
        ],
      }),
    ).toEqual([
      { text: 'run ', hit: false },
      { text: 'docker', hit: true },
      { text: ' ', hit: false },
      { text: 'compose', hit: true },
      { text: ' up', hit: false },
    ]);
  });

  it('skips ranges that overlap, are empty or run past the text', () => {
    expect(
      snippetParts({
        text: 'abc',
        highlights: [
          [0, 2],
          [1, 3],
          [2, 2],
          [2, 9],
        ],
      }),
    ).toEqual([
      { text: 'ab', hit: true },
      { text: 'c', hit: false },
    ]);
  });
});

describe('resultPlace', () => {
  const base: SearchResult = {
    kind: 'section',
    courseId: 'c',
    lessonId: 'l',
    lessonTitle: 'Lesson',
    sectionId: 's',
    sectionTitle: 'Section',
    snippet: { text: '', highlights: [] },
  };

  it('names the section, the quiz, the FAQ, or nothing for the lesson itself', () => {
    expect(resultPlace(base)).toBe('Section');
    expect(resultPlace({ ...base, kind: 'question', sectionId: null, sectionTitle: null })).toBe(
      'Quiz',
    );
    expect(resultPlace({ ...base, kind: 'faq', sectionId: null, sectionTitle: null })).toBe('FAQ');
    expect(
      resultPlace({ ...base, kind: 'lesson', sectionId: null, sectionTitle: null }),
    ).toBeNull();
  });
});

describe('shortcutLabel', () => {
  it('shows ⌘K on a Mac and Ctrl K elsewhere', () => {
    expect(shortcutLabel('MacIntel')).toBe('⌘K');
    expect(shortcutLabel('Linux x86_64')).toBe('Ctrl K');
  });
});
