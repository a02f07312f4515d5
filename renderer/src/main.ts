// The page's entry, kept tiny: when the address names a lesson, it takes the lesson the host sent
// at the end of the page (electron/serve/page-html.ts), or else asks the host for it, while the
// app's own script (start.ts) is still loading and compiling.
import { FIRST_LESSON_ELEMENT_ID } from '../../electron/page-address.ts';
import { createClient, resultOf } from './lib/client.ts';
import { firstLessonOutcome } from './lib/first-lesson.ts';
import type { CallOutcome, LessonView } from '../../electron/api.ts';
import { LessonPrefetch, type LessonKey } from './lib/lesson-prefetch.ts';
import { addressOf, parseRoute } from './lib/routes.ts';
import './styles/base.css';
import './styles/prose.css';

const client = createClient(window);
const prefetch = new LessonPrefetch();
const route = parseRoute(addressOf(window.location));
if (route.kind === 'lesson') {
  const key = { courseId: route.courseId, lessonId: route.lessonId };
  prefetch.put(key, {
    view: carriedLesson(key).then((first) => (first ? resultOf(first) : client.openLesson(key))),
    recorded: true,
  });
}

// Not awaited at the top level: with top-level await, the bundler must keep what start.ts shares
// with this file in a chunk of its own, one more module to fetch and link before this one runs.
void import('./start.ts').then(({ start }) => start(client, prefetch));

/**
 * The lesson the host sent at the end of the page, once the page is all parsed (the element may
 * still be arriving when this script runs); null when the page carries none for this lesson.
 */
async function carriedLesson(key: LessonKey): Promise<CallOutcome<LessonView> | null> {
  if (document.readyState === 'loading') {
    await new Promise((resolve) =>
      document.addEventListener('DOMContentLoaded', resolve, { once: true }),
    );
  }
  const carried = document.getElementById(FIRST_LESSON_ELEMENT_ID);
  // Read once: the page lets go of its copy.
  carried?.remove();
  return firstLessonOutcome(carried?.textContent, key);
}
