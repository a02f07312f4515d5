import { describe, expect, it } from 'vitest';
import { courseProgress } from './course-progress.ts';
import type { StoredLessonProgress } from './stored-progress.ts';
import { makeCourse, makeLesson, makeStored } from './test-support/factories.ts';

function byLesson(...lessons: StoredLessonProgress[]) {
  return new Map(lessons.map((lesson) => [lesson.lessonId, lesson]));
}

describe('courseProgress', () => {
  const course = makeCourse('course', { lessons: 3, sections: 2, questions: 1 });
  const allOf = (lessonId: string) => ({
    read: [`${lessonId}-s1`, `${lessonId}-s2`],
    answers: { [`${lessonId}-q1`]: true },
  });

  it('shows a course never studied as all lessons not started, 0% and every minute left', () => {
    expect(courseProgress(course, new Map())).toMatchObject({
      courseId: 'course',
      lessonsDone: 0,
      lessonsInProgress: 0,
      lessonsNotStarted: 3,
      percent: 0,
      minutesLeft: 9,
      lastStudiedAt: null,
    });
  });

  it('counts lessons done, in progress and not started', () => {
    const stored = byLesson(makeStored('l1', allOf('l1')), makeStored('l2', { read: ['l2-s1'] }));
    const progress = courseProgress(course, stored);
    expect(progress).toMatchObject({ lessonsDone: 1, lessonsInProgress: 1, lessonsNotStarted: 1 });
    expect(progress.lessons.map((lesson) => lesson.status)).toEqual([
      'done',
      'in-progress',
      'not-started',
    ]);
  });

  it('measures percent over every unit of every lesson, not as an average of lessons', () => {
    const uneven = {
      courseId: 'course',
      lessons: [
        makeLesson('small', { sections: 1, questions: 0 }),
        makeLesson('large', { sections: 9, questions: 0 }),
      ],
    };
    const progress = courseProgress(uneven, byLesson(makeStored('small', { read: ['small-s1'] })));
    expect(progress.percent).toBe(10);
    expect(progress.lessons.map((lesson) => lesson.percent)).toEqual([100, 0]);
  });

  it('adds up the unread reading time of all lessons before rounding up to minutes', () => {
    const course40s = makeCourse('course', {
      lessons: 3,
      sections: 1,
      questions: 0,
      secondsPerSection: 40,
    });
    const progress = courseProgress(course40s, new Map());
    expect(progress.minutesLeft).toBe(2);
    expect(progress.lessons.map((lesson) => lesson.minutesLeft)).toEqual([1, 1, 1]);
  });

  it('is 100% with 0 minutes left once every lesson is done', () => {
    const stored = byLesson(
      makeStored('l1', allOf('l1')),
      makeStored('l2', allOf('l2')),
      makeStored('l3', allOf('l3')),
    );
    expect(courseProgress(course, stored)).toMatchObject({
      lessonsDone: 3,
      percent: 100,
      minutesLeft: 0,
    });
  });

  it('gives the last time any of its lessons was opened or written as last studied', () => {
    const stored = byLesson(
      makeStored('l1', { at: Date.UTC(2025, 0, 5) }),
      makeStored('l3', { at: Date.UTC(2025, 0, 9) }),
    );
    expect(courseProgress(course, stored).lastStudiedAt).toBe('2025-01-09T00:00:00.000Z');
  });

  it('ignores stored lessons the course no longer has', () => {
    const stored = byLesson(
      makeStored('l1', { at: Date.UTC(2025, 0, 5) }),
      makeStored('removed-lesson', { at: Date.UTC(2025, 6, 1), read: ['x'] }),
    );
    const progress = courseProgress(course, stored);
    expect(progress.lastStudiedAt).toBe('2025-01-05T00:00:00.000Z');
    expect(progress.lessons.map((lesson) => lesson.lessonId)).toEqual(['l1', 'l2', 'l3']);
    expect(progress.lessonsInProgress).toBe(1);
  });

  it('shows a course without lessons as 0% with nothing left', () => {
    expect(courseProgress({ courseId: 'empty', lessons: [] }, new Map())).toMatchObject({
      percent: 0,
      minutesLeft: 0,
      lessons: [],
    });
  });
});
