// The page as a host sends it: the built index.html with this host's API token and, when its
// address names a lesson, that lesson at its end. The page's script then finds the lesson in hand
// as it starts, instead of asking for it and waiting a round trip (the most of a first load).
// Shared by app:// in Electron and the preview host, so both send the same page.
import type { CallOutcome, LessonView } from '../api.ts';
import { dispatch, type Handlers } from '../dispatch.ts';
import { FIRST_LESSON_ELEMENT_ID, parsePagePath, type FirstLesson } from '../page-address.ts';

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
   * The rest: the lesson the address names, if any, then the end of the body. Call it once
   * `start` is on its way: reading the lesson would otherwise hold back the page's first byte.
   */
  end(): Promise<string>;
}

/**
 * The page for a page path (electron/page-address.ts's isPagePath). The host sends `start` at
 * once, so the browser fetches and compiles the page's script and styles while the host reads
 * the lesson. For a lesson path, `end` carries the openLesson call's outcome (a failure too), run
 * as the page would run it: the lesson is recorded as opened.
 */
export function pageParts(indexHtml: string, pathname: string, options: PageOptions): PageParts {
  const html = indexHtml.replace(TOKEN_META, () => tokenMeta(options.token));
  const split = html.lastIndexOf(BODY_END);
  const at = split === -1 ? html.length : split;
  const address = parsePagePath(pathname);
  const start = html.slice(0, at);
  if (address.kind !== 'lesson') return { start, end: () => Promise.resolve(html.slice(at)) };

  const lesson = { courseId: address.courseId, lessonId: address.lessonId };
  const end = async () => {
    const outcome = await dispatch(options.handlers, 'openLesson', lesson, options.log);
    // The handler is typed by the contract; dispatch only carried its value.
    const first = { ...lesson, outcome: outcome as CallOutcome<LessonView> };
    return firstLessonElement(first) + html.slice(at);
  };
  return { start, end };
}

/**
 * The element carrying a first lesson: JSON in a script element the browser never runs. Every
 * `<` is written as `\u003c`, so no text in a lesson can close the element early (`</script>`)
 * or open a comment in it.
 */
export function firstLessonElement(first: FirstLesson): string {
  const json = JSON.stringify(first).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_LESSON_ELEMENT_ID}">${json}</script>`;
}

function tokenMeta(token: string): string {
  // The token is base64url (start-preview.ts); escaped anyway, as any attribute value.
  const value = token.replace(/[&"<>]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<meta name="studybook-token" content="${value}">`;
}
