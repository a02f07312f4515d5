// The lesson the address names, asked for before the app itself has loaded: boot.ts starts the
// request as the page's first, tiny script; the lesson state takes it over once the app runs.
import type { LessonView } from '../../../electron/api.ts';

export interface EarlyLesson {
  courseId: string;
  lessonId: string;
  view: Promise<LessonView>;
}

let early: EarlyLesson | null = null;

/** Records the request boot.ts started. */
export function startedEarly(lesson: EarlyLesson): void {
  // Until someone takes it, a failure is only noted: the lesson state reports it.
  lesson.view.catch(() => undefined);
  early = lesson;
}

/** The early request for this lesson, once; null when none was started for it. */
export function takeEarlyLesson(courseId: string, lessonId: string): Promise<LessonView> | null {
  const taken = early;
  early = null;
  return taken && taken.courseId === courseId && taken.lessonId === lessonId ? taken.view : null;
}
