// A course's progress, as a pure function of its structure and the stored progress of its
// lessons. Lessons the course no longer has are ignored, though their progress stays stored.

import type { CourseStructure } from './course-structure.ts';
import { percentDone, tallyLesson } from './lesson-progress.ts';
import type { LessonStatus } from './lesson-progress.ts';
import type { StoredCompletion } from './stored-progress.ts';

/** A course's progress as the library and the course page show it. */
export type CourseProgress = {
  courseId: string;
  lessonsDone: number;
  lessonsInProgress: number;
  lessonsNotStarted: number;
  /** 0-100 over every section and question of every lesson, rounded down. */
  percent: number;
  /** Reading time of all unread sections, rounded up to whole minutes. */
  minutesLeft: number;
  /** ISO 8601 time of the latest open or write in any of the course's lessons; null if none. */
  lastStudiedAt: string | null;
  /** Each lesson in course order. */
  lessons: { lessonId: string; status: LessonStatus; percent: number; minutesLeft: number }[];
};

/** A course's progress from its structure and its lessons' stored completion by lesson id. Pure. */
export function courseProgress(
  course: CourseStructure,
  stored: ReadonlyMap<string, StoredCompletion>,
): CourseProgress {
  const statusCounts: Record<LessonStatus, number> = {
    done: 0,
    'in-progress': 0,
    'not-started': 0,
  };
  let unitsDone = 0;
  let unitsTotal = 0;
  let unreadSeconds = 0;
  let lastStudied = -Infinity;
  const lessons: CourseProgress['lessons'] = [];

  for (const lesson of course.lessons) {
    const lessonStored = stored.get(lesson.id);
    const tally = tallyLesson(lesson, lessonStored);
    statusCounts[tally.status] += 1;
    unitsDone += tally.unitsDone;
    unitsTotal += tally.unitsTotal;
    unreadSeconds += tally.unreadSeconds;
    if (lessonStored) lastStudied = Math.max(lastStudied, lessonStored.lastActiveAt);
    lessons.push({
      lessonId: lesson.id,
      status: tally.status,
      percent: percentDone(tally.unitsDone, tally.unitsTotal, tally.status === 'done'),
      minutesLeft: Math.ceil(tally.unreadSeconds / 60),
    });
  }

  const complete = course.lessons.length > 0 && statusCounts.done === course.lessons.length;
  return {
    courseId: course.courseId,
    lessonsDone: statusCounts.done,
    lessonsInProgress: statusCounts['in-progress'],
    lessonsNotStarted: statusCounts['not-started'],
    percent: percentDone(unitsDone, unitsTotal, complete),
    minutesLeft: Math.ceil(unreadSeconds / 60),
    lastStudiedAt: Number.isFinite(lastStudied) ? new Date(lastStudied).toISOString() : null,
    lessons,
  };
}
