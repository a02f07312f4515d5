// The page's routes: the addresses of electron/page-address.ts (`/` the library,
// `/learn/<course>/<lesson>[/<section>]` a lesson), plus `?highlight=word+word` on a lesson opened
// from a search, with those words highlighted. Courses compiled before addresses were paths link
// with `#/<course>/<lesson>…`; those are read as the same addresses.
import {
  isPagePath,
  lessonPath,
  parsePagePath,
  type PagePath,
} from '../../../electron/page-address.ts';

export type Route =
  | Exclude<PagePath, { kind: 'lesson' }>
  | (Extract<PagePath, { kind: 'lesson' }> & {
      /** Words to highlight in the lesson (it was opened from a search); absent when none. */
      readonly highlight?: readonly string[];
    });

/** The library's address. */
export const LIBRARY_HREF = '/';

/**
 * In place of a section id in a lesson's address: its quiz, or its FAQ (a search hit in one of
 * them). No section can have these ids: an id never starts with `_` (electron/ids.ts).
 */
export const QUIZ_PLACE = '_quiz';
export const FAQ_PLACE = '_faq';

/**
 * The address a location shows, as the page spells it: its path and query; or, when its hash is
 * an older `#/…` address (a link in a course compiled before addresses were paths), that one.
 */
export function addressOf(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const address = `${location.pathname}${location.search}`;
  return inAppAddress(location.hash) ?? inAppAddress(address) ?? address;
}

/**
 * The in-app address an href names, spelled the one way the page compares addresses: the
 * library as `/`, a lesson as its path and query, an older `#/…` link rewritten to its path.
 * Null for anything else: another file, another origin, an in-page anchor. Pure.
 */
export function inAppAddress(href: string | null): string | null {
  if (!href) return null;
  const address = href.startsWith('#/') ? legacyAddress(href.slice(1)) : href;
  const queryAt = address.indexOf('?');
  const path = queryAt === -1 ? address : address.slice(0, queryAt);
  if (!isPagePath(path)) return null;
  return path === '/index.html' ? `/${address.slice(path.length)}` : address;
}

/** `/<course>/<lesson>…` as written after `#` in older links; `/` the library. */
function legacyAddress(path: string): string {
  return path === '/' || path.startsWith('/?') ? path : `/learn${path}`;
}

/**
 * The route an address names (see inAppAddress for the spellings it reads). Never throws:
 * anything that is not the library or a lesson is an 'unknown' route.
 */
export function parseRoute(address: string): Route {
  const canonical = inAppAddress(address) ?? address;
  const queryAt = canonical.indexOf('?');
  const path = queryAt === -1 ? canonical : canonical.slice(0, queryAt);
  const page = parsePagePath(path);
  if (page.kind !== 'lesson') return page;
  const highlight = queryAt === -1 ? [] : highlightWords(canonical.slice(queryAt + 1));
  return highlight.length > 0 ? { ...page, highlight } : page;
}

/** The most words an address highlights, and the longest word: a hand-made URL stays cheap. */
const MAX_HIGHLIGHT_WORDS = 12;
const MAX_HIGHLIGHT_LENGTH = 64;

/**
 * The address of a lesson, or of one of its sections; with `highlight`, the words to highlight
 * in it (a search result).
 */
export function lessonHref(
  courseId: string,
  lessonId: string,
  sectionId?: string | null,
  highlight: readonly string[] = [],
): string {
  const path = lessonPath(courseId, lessonId, sectionId);
  const words = highlight.filter((word) => word.trim() !== '');
  if (words.length === 0) return path;
  return `${path}?${new URLSearchParams({ highlight: words.join(' ') }).toString()}`;
}

function highlightWords(query: string): string[] {
  const value = new URLSearchParams(query).get('highlight') ?? '';
  return [...new Set(value.split(/\s+/u))]
    .filter((word) => word !== '' && word.length <= MAX_HIGHLIGHT_LENGTH)
    .slice(0, MAX_HIGHLIGHT_WORDS);
}
