// The page as a host sends it: the built index.html with this host's API token and, at its end,
// what its address shows first (a lesson, or the library). The page's script then finds that in
// hand as it starts, instead of asking for it and waiting a round trip (the most of a first
// load). Shared by app:// in Electron and the preview host, so both send the same page.
import type { CallOutcome, LessonView, LibraryView } from '../api.ts';
import { dispatch, type Handlers } from '../dispatch.ts';
import { FIRST_VIEW_ELEMENT_ID, parsePagePath, type FirstView } from '../page-address.ts';

// The built page carries an empty token tag, early in its head; only the host fills it in.
const TOKEN_META = /<meta name="studybook-token" content=""\s*\/?>/;
const BODY_END = '</body>';

export interface PageOptions {
  /** This run's API token (the preview); empty in Electron, whose calls need none. */
  token: string;
  handlers: Handlers;
  log?: (message: string, error: unknown) => void;
}

/** The page in two parts, to be sent one after the other. */
export interface PageParts {
  /** Everything up to the end of the body: send it at once. */
  start: string;
  /**
   * The rest: what the address shows first, then the end of the body. Call it once `start` is
   * on its way: reading the library would otherwise hold back the page's first byte.
   */
  end(): Promise<string>;
}

/**
 * The page for a page path (electron/page-address.ts's isPagePath). The host sends `start` at
 * once, so the browser fetches and compiles the page's script and styles while the host reads
 * what the page shows first: for a lesson, the openLesson call's outcome, run as the page would
 * run it (the lesson is recorded as opened); for the library, listCourses'. A failure is carried
 * too, for the page to show. An address that names neither carries nothing.
 */
export function pageParts(indexHtml: string, pathname: string, options: PageOptions): PageParts {
  const html = indexHtml.replace(TOKEN_META, () => tokenMeta(options.token));
  const split = html.lastIndexOf(BODY_END);
  const at = split === -1 ? html.length : split;
  const start = html.slice(0, at);
  const rest = html.slice(at);
  const address = parsePagePath(pathname);
  if (address.kind === 'unknown') return { start, end: () => Promise.resolve(rest) };

  const end = async () => {
    // Each handler is typed by the contract; dispatch only carried its value.
    let first: FirstView;
    if (address.kind === 'lesson') {
      const lesson = { courseId: address.courseId, lessonId: address.lessonId };
      const outcome = await dispatch(options.handlers, 'openLesson', lesson, options.log);
      first = { kind: 'lesson', ...lesson, outcome: outcome as CallOutcome<LessonView> };
    } else {
      const outcome = await dispatch(options.handlers, 'listCourses', {}, options.log);
      first = { kind: 'library', outcome: outcome as CallOutcome<LibraryView> };
    }
    return firstViewElement(first) + rest;
  };
  return { start, end };
}

/**
 * The element carrying a first view: JSON in a script element the browser never runs. Every `<`
 * is written as `\u003c`, so no text in a lesson can close the element early (`</script>`) or
 * open a comment in it.
 */
export function firstViewElement(first: FirstView): string {
  const json = JSON.stringify(first).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">${json}</script>`;
}

function tokenMeta(token: string): string {
  // The token is base64url (start-preview.ts); escaped anyway, as any attribute value.
  const value = token.replace(/[&"<>]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<meta name="studybook-token" content="${value}">`;
}
