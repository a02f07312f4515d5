// The page's entry, kept tiny: when the address names a lesson, it asks the host for it at once,
// so that the request runs while the app's own script (start.ts) is still loading and compiling.
import { createClient } from './lib/client.ts';
import { startedEarly } from './lib/early-lesson.ts';
import { parseRoute } from './lib/routes.ts';
import './styles/base.css';
import './styles/prose.css';

const route = parseRoute(window.location.hash);
if (route.kind === 'lesson') {
  const { courseId, lessonId } = route;
  startedEarly({
    courseId,
    lessonId,
    view: createClient(window).openLesson({ courseId, lessonId }),
  });
}

void import('./start.ts');
