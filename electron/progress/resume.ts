// Where to pick up: the lesson the learner opened last, among the courses given, as a pure
// function of their structures and the stored lesson rows.

import type { CourseStructure, LessonStructure } from './course-structure.ts';
import type { StoredLesson } from './stored-progress.ts';

/** A place to reopen; `sectionId` null means the top of the lesson. `at` is ISO 8601. */
export type ResumePoint = {
  courseId: string;
  lessonId: string;
  sectionId: string | null;
  offset: number;
  at: string;
};

/**
 * The lesson opened last among `courses` and where in it the learner was. Opened last rather
 * than active last: leaving a lesson saves its pending reading after the next lesson has been
 * opened, and the learner is in the one they went to. Of lessons opened at the same moment, the
 * one active last. Lessons no
 * longer in their course are skipped; a position in a section no longer in its lesson becomes the
 * top of the lesson. Null when none of the courses' lessons was ever opened. Pure; never throws.
 */
export function resumePoint(
  courses: readonly CourseStructure[],
  stored: readonly StoredLesson[],
): ResumePoint | null {
  const lessonsByCourse = new Map<string, Map<string, LessonStructure>>();
  for (const course of courses) {
    lessonsByCourse.set(course.courseId, new Map(course.lessons.map((l) => [l.id, l])));
  }

  let latest: { row: StoredLesson; lesson: LessonStructure } | null = null;
  for (const row of stored) {
    const lesson = lessonsByCourse.get(row.courseId)?.get(row.lessonId);
    if (lesson === undefined) continue;
    if (latest === null || isLater(row, latest.row)) latest = { row, lesson };
  }
  if (latest === null) return null;

  const { row, lesson } = latest;
  const position = row.position;
  const inLesson =
    position !== null && lesson.sections.some((section) => section.id === position.sectionId);
  return {
    courseId: row.courseId,
    lessonId: row.lessonId,
    sectionId: inLesson ? position.sectionId : null,
    offset: inLesson ? position.offset : 0,
    at: new Date(row.lastActiveAt).toISOString(),
  };
}

function isLater(row: StoredLesson, than: StoredLesson): boolean {
  if (row.lastOpenedAt !== than.lastOpenedAt) return row.lastOpenedAt > than.lastOpenedAt;
  return row.lastActiveAt > than.lastActiveAt;
}
