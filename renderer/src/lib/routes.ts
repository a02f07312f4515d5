// The page's addresses. Everything lives in the hash, so both hosts serve one index.html and a
// deep link survives a reload: `#/` the library, `#/<course>/<lesson>[/<section>]` a lesson.

export type Route =
  | { readonly kind: 'library' }
  | {
      readonly kind: 'lesson';
      readonly courseId: string;
      readonly lessonId: string;
      /** The section to bring into view, or null for the top of the lesson. */
      readonly sectionId: string | null;
    }
  /** An address Studybook has no page for; `path` is what was asked for, decoded where possible. */
  | { readonly kind: 'unknown'; readonly path: string };

/** The library's address. */
export const LIBRARY_HREF = '#/';

/**
 * The route a location hash names (with or without its `#`). Never throws: anything that is
 * not the library or a lesson is an 'unknown' route. Ids are not checked against the contract's
 * slug rule here; the host refuses ids it cannot have made, and the page shows that as not found.
 */
export function parseRoute(hash: string): Route {
  const path = hash.startsWith('#') ? hash.slice(1) : hash;
  if (path === '' || path === '/') return { kind: 'library' };
  const unknown: Route = { kind: 'unknown', path: decodeOr(path, path) };
  if (!path.startsWith('/')) return unknown;

  // One trailing slash is forgiven: people type it, and it names nothing else.
  const segments = path.slice(1).replace(/\/$/, '').split('/');
  if (segments.length < 2 || segments.length > 3) return unknown;
  const ids = segments.map((segment) => decodeOr(segment, null));
  const [courseId, lessonId, sectionId] = ids;
  if (ids.some((id) => id === null || id.trim() === '') || !courseId || !lessonId) return unknown;
  return { kind: 'lesson', courseId, lessonId, sectionId: sectionId ?? null };
}

/** The address of a lesson, or of one of its sections. */
export function lessonHref(courseId: string, lessonId: string, sectionId?: string | null): string {
  const segments = [courseId, lessonId, ...(sectionId ? [sectionId] : [])];
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

function decodeOr<T>(text: string, fallback: T): string | T {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}
