// The page's addresses. Everything lives in the hash, so both hosts serve one index.html and a
// deep link survives a reload: `#/` the library, `#/<course>/<lesson>[/<section>]` a lesson, and
// `…?highlight=word+word` a lesson opened from a search, with those words highlighted.

export type Route =
  | { readonly kind: 'library' }
  | {
      readonly kind: 'lesson';
      readonly courseId: string;
      readonly lessonId: string;
      /** The section to bring into view, or null for the top of the lesson. */
      readonly sectionId: string | null;
      /** Words to highlight in the lesson (it was opened from a search); absent when none. */
      readonly highlight?: readonly string[];
    }
  /** An address Studybook has no page for; `path` is what was asked for, decoded where possible. */
  | { readonly kind: 'unknown'; readonly path: string };

/** The library's address. */
export const LIBRARY_HREF = '#/';

/**
 * In place of a section id in a lesson's address: its quiz, or its FAQ (a search hit in one of
 * them). No section can have these ids: an id never starts with `_` (electron/ids.ts).
 */
export const QUIZ_PLACE = '_quiz';
export const FAQ_PLACE = '_faq';

/**
 * The route a location hash names (with or without its `#`). Never throws: anything that is
 * not the library or a lesson is an 'unknown' route. Ids are not checked against the contract's
 * slug rule here; the host refuses ids it cannot have made, and the page shows that as not found.
 */
export function parseRoute(hash: string): Route {
  const address = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = address.indexOf('?');
  const path = queryAt === -1 ? address : address.slice(0, queryAt);
  const highlight = queryAt === -1 ? [] : highlightWords(address.slice(queryAt + 1));
  if (path === '' || path === '/') return { kind: 'library' };
  const unknown: Route = { kind: 'unknown', path: decodeOr(path, path) };
  if (!path.startsWith('/')) return unknown;

  // One trailing slash is forgiven: people type it, and it names nothing else.
  const segments = path.slice(1).replace(/\/$/, '').split('/');
  if (segments.length < 2 || segments.length > 3) return unknown;
  const ids = segments.map((segment) => decodeOr(segment, null));
  const [courseId, lessonId, sectionId] = ids;
  if (ids.some((id) => id === null || id.trim() === '') || !courseId || !lessonId) return unknown;
  return {
    kind: 'lesson',
    courseId,
    lessonId,
    sectionId: sectionId ?? null,
    ...(highlight.length > 0 ? { highlight } : {}),
  };
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
  const segments = [courseId, lessonId, ...(sectionId ? [sectionId] : [])];
  const path = `#/${segments.map(encodeURIComponent).join('/')}`;
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

function decodeOr<T>(text: string, fallback: T): string | T {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}
