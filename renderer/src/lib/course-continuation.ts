// Where a course card's button takes the learner: the first lesson of a course not yet begun,
// back to where they were in a lesson not yet done, or on to the next lesson not yet done.
import type { CourseSummary } from '../../../electron/api.ts';

export interface Continuation {
  /** "Start" the course, "Continue" a lesson, or go on to the "Next" lesson. */
  kind: 'start' | 'continue' | 'next';
  lessonId: string;
  lessonTitle: string;
  /** The section to open at; null for the top of the lesson. */
  sectionId: string | null;
}

/** Where `course`'s button goes; null when there is nothing left to do (or no lesson). Pure. */
export function courseContinuation(course: CourseSummary): Continuation | null {
  const lessons = course.lessons;
  const first = lessons[0];
  if (!first || lessons.every((lesson) => lesson.state === 'done')) return null;
  const resume = course.resume;
  const at = resume ? lessons.findIndex((lesson) => lesson.id === resume.lessonId) : -1;
  if (!resume || at === -1) {
    if (course.lessonsDone + course.lessonsInProgress === 0) {
      return { kind: 'start', lessonId: first.id, lessonTitle: first.title, sectionId: null };
    }
  } else if (lessons[at]?.state !== 'done') {
    const lesson = lessons[at];
    if (lesson) {
      return {
        kind: 'continue',
        lessonId: lesson.id,
        lessonTitle: lesson.title,
        sectionId: resume.sectionId,
      };
    }
  }
  // The lesson last open is done (or gone): the next one not done, after it first.
  const after = [...lessons.slice(at + 1), ...lessons.slice(0, Math.max(at, 0))];
  const next = after.find((lesson) => lesson.state !== 'done');
  return next
    ? { kind: 'next', lessonId: next.id, lessonTitle: next.title, sectionId: null }
    : null;
}
