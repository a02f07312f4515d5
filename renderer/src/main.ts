// The page's entry, kept tiny: it applies the learner's theme and text size before anything
// paints, then takes what the host sent at the end of the page for its address
// (electron/serve/page-html.ts), the lesson or the library, or else asks the host for the lesson,
// while the app's own script (start.ts) is still loading and compiling.
import { FIRST_VIEW_ELEMENT_ID } from '../../electron/page-address.ts';
import { createClient, resultOf } from './lib/client.ts';
import {
  firstLessonOutcome,
  firstLibraryOutcome,
  parseFirstView,
  rendersOnHost,
} from './lib/first-view.ts';
import { afterPaint } from './lib/frames.ts';
import { LessonPrefetch } from './lib/lesson-prefetch.ts';
import { addressOf, parseRoute } from './lib/routes.ts';
import { applySettings, pageStorage, readCachedSettings } from './lib/settings-root.ts';
import { DEFAULT_SETTINGS, parseCachedSettings } from './lib/settings-view.ts';
import './styles/base.css';
import './styles/prose.css';

// The page holds back its first paint until this script has run (vite.config.ts), and the host
// may have rendered the lesson: it must paint in the learner's theme and text size at once. The
// defaults too, when nothing is cached: set only later, by the app, they would restyle the whole
// page a frame after its first paint.
applySettings(
  document.documentElement,
  parseCachedSettings(readCachedSettings(pageStorage(window))) ?? DEFAULT_SETTINGS,
  {
    dark: window.matchMedia('(prefers-color-scheme: dark)').matches,
    reducesMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  },
);

const client = createClient(window);
const prefetch = new LessonPrefetch();
const route = parseRoute(addressOf(window.location));
const first = carriedText().then(parseFirstView);
if (route.kind === 'lesson') {
  const key = { courseId: route.courseId, lessonId: route.lessonId };
  prefetch.put(key, {
    view: first.then((carried) => {
      const outcome = firstLessonOutcome(carried, key);
      return outcome ? resultOf(outcome) : client.openLesson(key);
    }),
    recorded: true,
  });
}
const firstLibrary = first.then((carried) => {
  const outcome = route.kind === 'library' ? firstLibraryOutcome(carried) : null;
  // A failure is not kept: the library asks again, and shows what the host says then.
  return outcome?.ok ? outcome.value : null;
});
// Whether the markup in #app is the host's rendering of this very route (an older `#/…` address
// reaches the host as the library's), which the app can take over as it is.
const rendered = first.then((carried) => carried !== null && rendersOnHost(route, carried));
// The page's first frame: asked for here, where nothing can have painted yet (this script holds
// the paint back), it is the frame that shows what the host rendered. A hidden page (a tab in
// the background) draws no frames, and has no paint to wait for.
const firstPaint =
  document.visibilityState === 'hidden'
    ? Promise.resolve()
    : new Promise<void>((resolve) => afterPaint(resolve));

// Not awaited at the top level: with top-level await, the bundler must keep what start.ts shares
// with this file in a chunk of its own, one more module to fetch and link before this one runs.
void import('./start.ts').then(({ start }) =>
  start({ client, prefetch, firstLibrary, rendered, firstPaint }),
);

/**
 * The text of what the host sent at the end of the page, once the page is all parsed (it may
 * still be arriving when this script runs); null when it sent nothing.
 */
async function carriedText(): Promise<string | null> {
  if (document.readyState === 'loading') {
    await new Promise((resolve) =>
      document.addEventListener('DOMContentLoaded', resolve, { once: true }),
    );
  }
  const element = document.getElementById(FIRST_VIEW_ELEMENT_ID);
  // Read once: the page lets go of its copy.
  element?.remove();
  return element?.textContent ?? null;
}
