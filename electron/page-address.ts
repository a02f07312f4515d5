// The page's addresses, shared by both hosts and the page: `/` is the library, and
// `/learn/<course>/<lesson>[/<section>]` a lesson. Real paths rather than `#/…` hashes, so that
// the host sees which lesson is asked for and can send it inside the page itself
// (serve/page-html.ts): rendered, for the browser to paint as it parses, and as data, in hand as
// the page's script starts, with no call to wait for. Also the types of what the host sends for
// an address (FirstView) and of the page's server build that renders it (RenderPage).
import type { CallName, CallOutcome, LessonView, LibraryView } from './api.ts';

/** Where lessons live: every lesson address starts with it. */
export const LESSON_PATH_PREFIX = '/learn/';

/** What a page path names. */
export type PagePath =
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

/**
 * Whether a host answers `pathname` (as it arrives, still percent-encoded) with the page: the
 * library, `/index.html` (where Electron's window starts), and everything under `/learn`, also
 * a lesson that does not exist (the page tells the learner so). Pure.
 */
export function isPagePath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/index.html' ||
    pathname === '/learn' ||
    pathname.startsWith(LESSON_PATH_PREFIX)
  );
}

/**
 * What a URL path names. Never throws: anything that is not the library or a lesson is
 * 'unknown'. Ids are not checked against the contract's slug rule here; the host refuses ids it
 * cannot have made, and the page shows that as not found.
 */
export function parsePagePath(pathname: string): PagePath {
  if (pathname === '' || pathname === '/' || pathname === '/index.html') return { kind: 'library' };
  const unknown: PagePath = { kind: 'unknown', path: decodeOr(pathname, pathname) };
  if (!pathname.startsWith(LESSON_PATH_PREFIX)) return unknown;

  // One trailing slash is forgiven: people type it, and it names nothing else.
  const segments = pathname.slice(LESSON_PATH_PREFIX.length).replace(/\/$/, '').split('/');
  if (segments.length < 2 || segments.length > 3) return unknown;
  const ids = segments.map((segment) => decodeOr(segment, null));
  const [courseId, lessonId, sectionId] = ids;
  if (ids.some((id) => id === null || id.trim() === '') || !courseId || !lessonId) return unknown;
  return { kind: 'lesson', courseId, lessonId, sectionId: sectionId ?? null };
}

/** The path of a lesson, or of one of its sections. Pure. */
export function lessonPath(courseId: string, lessonId: string, sectionId?: string | null): string {
  const segments = [courseId, lessonId, ...(sectionId ? [sectionId] : [])];
  return `${LESSON_PATH_PREFIX}${segments.map(encodeURIComponent).join('/')}`;
}

function decodeOr<T>(text: string, fallback: T): string | T {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}

/** The id of the element in which a host sends what a page's address shows first. */
export const FIRST_VIEW_ELEMENT_ID = 'studybook-first-view';

/**
 * What that element holds (as JSON): the outcome of the call the page would make first for its
 * address, openLesson for a lesson, listCourses for the library.
 */
export type FirstView =
  | {
      kind: 'lesson';
      courseId: string;
      lessonId: string;
      outcome: CallOutcome<LessonView>;
    }
  | { kind: 'library'; outcome: CallOutcome<LibraryView> };

/** Sends one call of the contract and answers its outcome; never throws. */
export type HostCall = (name: CallName, input: unknown) => Promise<CallOutcome<unknown>>;

/** The page's own markup for a first view, for the page's head and for its `#app` element. */
export interface RenderedPage {
  head: string;
  body: string;
}

/**
 * Renders the page's markup for an address and the first view the host read for it
 * (renderer/src/server.ts, built to dist/page-server/render.js), which the page then brings to
 * life. Null when the page should build it itself (see rendersOnHost). `call` reaches the host,
 * should rendering need it.
 */
export type RenderPage = (address: string, first: FirstView, call: HostCall) => RenderedPage | null;
