// What the host sent at the end of the page (electron/serve/page-html.ts), read back: the page
// shows it without asking the host again.
import type { CallOutcome, LessonView, LibraryView } from '../../../electron/api.ts';
import type { FirstView } from '../../../electron/page-address.ts';
import type { LessonKey } from './lesson-prefetch.ts';
import { isCallOutcome, isRecord, parseJson } from './client.ts';
import type { Route } from './routes.ts';

/**
 * Whether the host renders the page for `route` with its first view, so that the browser paints
 * it as it parses: the library, and a lesson that opens at its top. A lesson with a saved place,
 * or an address naming a section or words to find, scrolls as the app starts; painted before
 * that, it would jump. A failure shows only once the app runs (and can offer to try again).
 * Pure.
 */
export function rendersOnHost(route: Route, first: FirstView): boolean {
  if (!first.outcome.ok) return false;
  if (first.kind === 'library') return route.kind === 'library';
  return (
    route.kind === 'lesson' &&
    route.courseId === first.courseId &&
    route.lessonId === first.lessonId &&
    route.sectionId === null &&
    (route.highlight ?? []).length === 0 &&
    first.outcome.value.progress.position === null
  );
}

/**
 * What the host sent at the end of the page, from its element's text. Null when the text is
 * missing or is not what a host writes: the page then asks the host as usual. Pure.
 */
export function parseFirstView(text: string | null | undefined): FirstView | null {
  const value = text ? parseJson(text) : undefined;
  if (!isRecord(value) || !isCallOutcome(value.outcome)) return null;
  // The host typed the outcome from the contract; the page only carried it.
  if (value.kind === 'library') return value as FirstView;
  const { courseId, lessonId } = value;
  if (value.kind === 'lesson' && typeof courseId === 'string' && typeof lessonId === 'string') {
    return value as FirstView;
  }
  return null;
}

/**
 * The openLesson outcome the page carries for `lesson`: the view, or the host's failure (a
 * lesson that does not exist). Null when it carries none or one for another lesson (an older
 * `#/…` address opened on a lesson's page). Pure.
 */
export function firstLessonOutcome(
  first: FirstView | null,
  lesson: LessonKey,
): CallOutcome<LessonView> | null {
  if (first?.kind !== 'lesson') return null;
  if (first.courseId !== lesson.courseId || first.lessonId !== lesson.lessonId) return null;
  return first.outcome;
}

/** The listCourses outcome the page carries; null when it carries none. Pure. */
export function firstLibraryOutcome(first: FirstView | null): CallOutcome<LibraryView> | null {
  return first?.kind === 'library' ? first.outcome : null;
}
