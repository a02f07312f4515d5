// The page as a host sends it: the built index.html with this host's API token and, in its body,
// what its address shows first (a lesson, or the library): rendered as the page's own markup,
// which the browser paints as it parses, and as data, which the page's script finds in hand as
// it starts instead of asking for it and waiting a round trip. Shared by app:// in Electron and
// the preview host, so both send the same page.
import type { CallName, CallOutcome, LessonView, LibraryView } from '../api.ts';
import { dispatch, type Handlers } from '../dispatch.ts';
import {
  FIRST_VIEW_ELEMENT_ID,
  parsePagePath,
  type FirstView,
  type HostCall,
  type RenderedPage,
  type RenderPage,
} from '../page-address.ts';

// The built page carries an empty token tag, early in its head; only the host fills it in.
const TOKEN_META = /<meta name="studybook-token" content=""\s*\/?>/;
const HEAD_END = '</head>';
// ...and the element the app lives in, empty, in its body.
const APP_OPEN = '<div id="app">';
const APP_CLOSE = '</div>';

export interface PageOptions {
  /** This run's API token (the preview); empty in Electron, whose calls need none. */
  token: string;
  handlers: Handlers;
  /** The page's server build (page-renderer.ts); without one the browser builds the page alone. */
  render?: RenderPage | null;
  log?: (message: string, error: unknown) => void;
}

/** The page in two parts, to be sent one after the other. */
export interface PageParts {
  /** The page's head, but for its end: send it at once. */
  start: string;
  /**
   * The rest: what the address shows first, then the end of the page. Call it once `start` is
   * on its way: reading the library would otherwise hold back the page's first byte.
   */
  end(): Promise<string>;
}

/**
 * The page for a page address (`pathname` is a page path: electron/page-address.ts's isPagePath;
 * `search`, its query). The host sends `start` at once, so the browser fetches and compiles the
 * page's script and styles while the host reads what the page shows first: for a lesson, the
 * openLesson call's outcome, run as the page would run it (the lesson is recorded as opened); for
 * the library, listCourses'. `end` renders that as the page's own markup, into the end of the
 * head (the lesson's title and code colours) and into the app's element, when `render` is given
 * and renders it; and carries it as data right after the app's element. A failure is carried too,
 * for the page to show. An address that names neither carries nothing.
 */
export function pageParts(
  indexHtml: string,
  { pathname, search }: { pathname: string; search: string },
  options: PageOptions,
): PageParts {
  const html = indexHtml.replace(TOKEN_META, () => tokenMeta(options.token));
  const headEnd = html.indexOf(HEAD_END);
  const appEmpty = html.indexOf(APP_OPEN + APP_CLOSE, headEnd);
  if (headEnd === -1 || appEmpty === -1) {
    throw new Error(`The built page has no ${HEAD_END} followed by an empty ${APP_OPEN}.`);
  }
  const start = html.slice(0, headEnd);
  const bodyStart = html.slice(headEnd, appEmpty + APP_OPEN.length);
  const rest = html.slice(appEmpty + APP_OPEN.length + APP_CLOSE.length);
  const address = parsePagePath(pathname);
  if (address.kind === 'unknown') {
    return { start, end: () => Promise.resolve(bodyStart + APP_CLOSE + rest) };
  }

  const call = (name: CallName, input: unknown) =>
    dispatch(options.handlers, name, input, options.log);
  const end = async () => {
    // Each handler is typed by the contract; dispatch only carried its value.
    let first: FirstView;
    if (address.kind === 'lesson') {
      const lesson = { courseId: address.courseId, lessonId: address.lessonId };
      const outcome = await call('openLesson', lesson);
      first = { kind: 'lesson', ...lesson, outcome: outcome as CallOutcome<LessonView> };
    } else {
      const outcome = await call('listCourses', {});
      first = { kind: 'library', outcome: outcome as CallOutcome<LibraryView> };
    }
    const rendered = renderFirstView(options, `${pathname}${search}`, first, call);
    return rendered.head + bodyStart + rendered.body + APP_CLOSE + firstViewElement(first) + rest;
  };
  return { start, end };
}

/**
 * The page's markup for the first view; empty, for the page to build it itself, when there is
 * no server build, when it declines (rendersOnHost), or when it fails, which is logged. The
 * page is whole either way: it carries the data.
 */
function renderFirstView(
  options: PageOptions,
  address: string,
  first: FirstView,
  call: HostCall,
): RenderedPage {
  const nothing = { head: '', body: '' };
  if (!options.render) return nothing;
  try {
    return options.render(address, first, call) ?? nothing;
  } catch (error) {
    options.log?.(`The page for ${address} could not be rendered on the host:`, error);
    return nothing;
  }
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
