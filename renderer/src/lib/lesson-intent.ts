// Lessons the learner is about to open: the pointer or the keyboard's focus has reached a link to
// one. Asked for then (LessonState.prefetch), the lesson is here by the time the click lands, and
// shows in the same turn.
import type { Attachment } from 'svelte/attachments';
import type { LessonKey } from './lesson-prefetch.ts';
import { inAppAddress, parseRoute } from './routes.ts';

/** The lesson an in-app link (`/learn/<course>/<lesson>…`) opens; null for any other link. Pure. */
export function linkedLesson(href: string | null): LessonKey | null {
  const address = inAppAddress(href);
  if (address === null) return null;
  const route = parseRoute(address);
  return route.kind === 'lesson' ? { courseId: route.courseId, lessonId: route.lessonId } : null;
}

/**
 * Calls `intent` with the lesson of a link inside the element as the pointer moves onto it or it
 * takes focus. One pair of listeners for the whole element, whatever links it holds now or later.
 */
export function lessonIntent(intent: (lesson: LessonKey) => void): Attachment<HTMLElement> {
  return (root) => {
    const reached = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const lesson = link && root.contains(link) ? linkedLesson(link.getAttribute('href')) : null;
      if (lesson) intent(lesson);
    };
    root.addEventListener('pointerover', reached, { passive: true });
    root.addEventListener('focusin', reached);
    return () => {
      root.removeEventListener('pointerover', reached);
      root.removeEventListener('focusin', reached);
    };
  };
}
