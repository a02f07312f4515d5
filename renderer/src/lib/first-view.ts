// What the host sent at the end of the page (electron/serve/page-html.ts), read back: the page
// shows it without asking the host again.
import type { CallOutcome, LessonView, LibraryView } from '../../../electron/api.ts';
import type { LessonKey } from './lesson-prefetch.ts';
import { isCallOutcome, isRecord, parseJson } from './client.ts';

/**
 * The openLesson outcome the page carries for `lesson`, from its element's text: the view, or
 * the host's failure (a lesson that does not exist). Null when the text is missing, is not what a
 * host writes, or is for another lesson (an older `#/…` address opened on a lesson's page): the
 * page then asks for the lesson as usual. Pure.
 */
export function firstLessonOutcome(
  text: string | null | undefined,
  lesson: LessonKey,
): CallOutcome<LessonView> | null {
  const first = parsed(text);
  if (first?.kind !== 'lesson') return null;
  if (first.courseId !== lesson.courseId || first.lessonId !== lesson.lessonId) return null;
  // The host typed the view from the contract; the page only carried it.
  return isCallOutcome(first.outcome) ? (first.outcome as CallOutcome<LessonView>) : null;
}

/** The listCourses outcome the page carries; null as for firstLessonOutcome. Pure. */
export function firstLibraryOutcome(
  text: string | null | undefined,
): CallOutcome<LibraryView> | null {
  const first = parsed(text);
  if (first?.kind !== 'library') return null;
  return isCallOutcome(first.outcome) ? (first.outcome as CallOutcome<LibraryView>) : null;
}

function parsed(text: string | null | undefined): Record<string, unknown> | null {
  const value = text ? parseJson(text) : undefined;
  return isRecord(value) ? value : null;
}
