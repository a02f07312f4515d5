// The words of a search, highlighted in the lesson it opened, until the learner moves on.
//
// Highlights are CSS Custom Highlight API ranges (`::highlight(search-hit)` in base.css), not
// <mark> elements: the lesson's compiled HTML is never modified, so nothing here can disturb the
// nodes Svelte and the lesson's own enhancements manage, and clearing them is one call.
import type { Attachment } from 'svelte/attachments';
import { placeHeadingDomId } from './reveal.ts';

/** The name of the highlight in `CSS.highlights` and in the stylesheet. */
export const SEARCH_HIGHLIGHT = 'search-hit';

/** Beyond this many hits a lesson is highlighted no further: the first ones are what is read. */
const MAX_HITS = 500;

/** Chinese and Japanese have no spaces: their words match anywhere, not only at a word start. */
const SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const MARKS = /\p{M}/gu;

/**
 * Where `words` occur in `text`: [start, end) ranges, sorted and merged. Case and diacritics are
 * ignored as the search index ignores them; a word matches at the start of a word of the text
 * (so "deploy" highlights "Deployment", as the search's prefix matched it), a Chinese or Japanese
 * word anywhere; the parts of a punctuated word match across any punctuation or space, as the
 * search matched them ("in-flight" finds "in flight"). Pure.
 */
export function findMatches(text: string, words: readonly string[]): [number, number][] {
  const { folded, starts, ends } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const pattern of new Set(words.map(wordPattern).filter((p) => p !== null))) {
    for (const match of folded.matchAll(new RegExp(pattern, 'gu'))) {
      if (ranges.length >= MAX_HITS) break;
      const end = match.index + match[0].length;
      ranges.push([starts[match.index] ?? 0, ends[end - 1] ?? text.length]);
    }
  }
  return merge(ranges);
}

const NOT_WORD = '[^\\p{L}\\p{N}]+';

/** The regular expression, over folded text, that finds `word`; null when it has no letters. */
function wordPattern(word: string): string | null {
  const parts = fold(word)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const body = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(NOT_WORD);
  // Chinese and Japanese words start anywhere; others at the start of a word of the text.
  return SPACELESS.test(parts[0] ?? '') ? body : `(?<![\\p{L}\\p{N}])${body}`;
}

/** Text folded the way the index folds it: lower case, without diacritics. Pure. */
export function fold(text: string): string {
  return foldWithOffsets(text).folded;
}

/** The folded text, and for each of its code units the span of the source character it came from. */
function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece =
      char < '\u0080' ? char.toLowerCase() : char.normalize('NFD').replace(MARKS, '').toLowerCase();
    for (let i = 0; i < piece.length; i += 1) {
      starts.push(index);
      ends.push(index + char.length);
    }
    folded += piece;
    index += char.length;
  }
  return { folded, starts, ends };
}

function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** DOM Ranges over every match of `words` in the text under `root`, in document order. */
export function rangesFor(root: Element, words: readonly string[]): Range[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, [aria-hidden="true"]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const ranges: Range[] = [];
  for (let node = walker.nextNode(); node && ranges.length < MAX_HITS; node = walker.nextNode()) {
    for (const [start, end] of findMatches(node.nodeValue ?? '', words)) {
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}

/** Events that mean the learner has moved on: they scroll, type, click or touch. */
const MOVING_ON = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Highlights `words` in the element it is attached to (the lesson), once its content has rendered
 * (a frame later, after the lesson's own enhancements), and brings a hit inside section
 * `sectionId` into view (see mostTellingHit). When the learner scrolls, types, clicks or touches, the highlight is
 * cleared and `movedOn` is called (the page drops the words from its address, replacing it, so
 * Back does not bring them back); it is also cleared when the words or the element change. Does nothing without words, or
 * in a browser without the CSS Custom Highlight API (the result still opens at its section).
 */
export function searchHighlight(
  words: readonly string[],
  sectionId: string | null,
  movedOn: () => void,
): Attachment<HTMLElement> {
  return (root) => {
    const view = root.ownerDocument.defaultView;
    const registry = typeof CSS === 'undefined' ? undefined : CSS.highlights;
    if (words.length === 0 || !view || !registry) return;
    let cleared = false;
    const clear = () => {
      if (cleared) return;
      cleared = true;
      view.cancelAnimationFrame(frame);
      registry.delete(SEARCH_HIGHLIGHT);
      for (const type of MOVING_ON) view.removeEventListener(type, learnerMoved, true);
    };
    const learnerMoved = () => {
      clear();
      movedOn();
    };
    const frame = view.requestAnimationFrame(() => {
      const ranges = rangesFor(root, words);
      if (ranges.length === 0) return;
      registry.set(SEARCH_HIGHLIGHT, new Highlight(...ranges));
      const section = sectionId
        ? root.ownerDocument.getElementById(placeHeadingDomId(sectionId))?.closest('section')
        : null;
      const telling = section ? mostTellingHit(section, words) : null;
      if (telling && !isInView(telling, view)) {
        telling.startContainer.parentElement?.scrollIntoView({
          block: 'center',
          behavior: 'instant',
        });
      }
      for (const type of MOVING_ON) {
        view.addEventListener(type, learnerMoved, { capture: true, passive: true });
      }
    });
    return clear;
  };
}

/**
 * The hit in `section` to show first: the first of its rarest word's hits, since a word that occurs
 * once there says more about why the section matched than one it uses throughout.
 */
function mostTellingHit(section: Element, words: readonly string[]): Range | null {
  let best: Range[] | null = null;
  for (const word of words) {
    const hits = rangesFor(section, [word]);
    if (hits.length > 0 && (best === null || hits.length < best.length)) best = hits;
  }
  return best?.[0] ?? null;
}

function isInView(range: Range, view: Window): boolean {
  const box = range.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= view.innerHeight;
}

/** An address without its highlighted words (`/learn/c/l/s?highlight=…` → `/learn/c/l/s`). Pure. */
export function withoutHighlight(address: string): string {
  const queryAt = address.indexOf('?');
  return queryAt === -1 ? address : address.slice(0, queryAt);
}
