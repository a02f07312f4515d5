// The lesson a host sent inside the page (electron/serve/page-html.ts), read back: the page shows
// it without asking the host again.
import type { CallOutcome, LessonView } from '../../../electron/api.ts';
import type { LessonKey } from './lesson-prefetch.ts';
import { isCallOutcome } from './client.ts';

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
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { courseId, lessonId, outcome } = parsed as Record<string, unknown>;
  if (courseId !== lesson.courseId || lessonId !== lesson.lessonId) return null;
  // The host typed the view from the contract; the page only carried it.
  return isCallOutcome(outcome) ? (outcome as CallOutcome<LessonView>) : null;
}
