// The page's entry, kept tiny: it takes what the host sent at the end of the page for its address
// (electron/serve/page-html.ts), the lesson or the library, or else asks the host for the lesson,
// while the app's own script (start.ts) is still loading and compiling.
import { FIRST_VIEW_ELEMENT_ID } from '../../electron/page-address.ts';
import { createClient, resultOf } from './lib/client.ts';
import { firstLessonOutcome, firstLibraryOutcome } from './lib/first-view.ts';
import { LessonPrefetch } from './lib/lesson-prefetch.ts';
import { addressOf, parseRoute } from './lib/routes.ts';
import './styles/base.css';
import './styles/prose.css';

const client = createClient(window);
const prefetch = new LessonPrefetch();
const route = parseRoute(addressOf(window.location));
const carried = carriedText();
if (route.kind === 'lesson') {
  const key = { courseId: route.courseId, lessonId: route.lessonId };
  prefetch.put(key, {
    view: carried.then((text) => {
      const first = firstLessonOutcome(text, key);
      return first ? resultOf(first) : client.openLesson(key);
    }),
    recorded: true,
  });
}
const firstLibrary = carried.then((text) => {
  const first = route.kind === 'library' ? firstLibraryOutcome(text) : null;
  // A failure is not kept: the library asks again, and shows what the host says then.
  return first?.ok ? first.value : null;
});

// Not awaited at the top level: with top-level await, the bundler must keep what start.ts shares
// with this file in a chunk of its own, one more module to fetch and link before this one runs.
void import('./start.ts').then(({ start }) => start(client, prefetch, firstLibrary));

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
