// The page's entry, kept tiny: when the address names a lesson, it asks the host for it at once,
// so that the request runs while the app's own script (start.ts) is still loading and compiling.
import { createClient } from './lib/client.ts';
import { LessonPrefetch } from './lib/lesson-prefetch.ts';
import { parseRoute } from './lib/routes.ts';
import './styles/base.css';
import './styles/prose.css';

const client = createClient(window);
const prefetch = new LessonPrefetch();
const route = parseRoute(window.location.hash);
if (route.kind === 'lesson') {
  const { courseId, lessonId } = route;
  prefetch.put(
    { courseId, lessonId },
    { view: client.openLesson({ courseId, lessonId }), recorded: true },
  );
}

// Not awaited at the top level: with top-level await, the bundler must keep what start.ts shares
// with this file in a chunk of its own, one more module to fetch and link before this one runs.
void import('./start.ts').then(({ start }) => start(client, prefetch));
