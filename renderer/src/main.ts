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

const { start } = await import('./start.ts');
await start(client, prefetch);
