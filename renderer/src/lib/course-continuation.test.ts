import { describe, expect, it } from 'vitest';
import type { CourseSummary, LessonSummary, ResumeView } from '../../../electron/api.ts';
import { courseContinuation } from './course-continuation.ts';

function lesson(id: string, state: LessonSummary['state']): LessonSummary {
  return {
    id,
    title: `Lesson ${id}`,
    summary: '',
    readingMinutes: 5,
    state,
    percent: state === 'done' ? 100 : state === 'in-progress' ? 40 : 0,
    minutesLeft: state === 'done' ? 0 : 3,
    score: { correct: 0, answered: 0, total: 0 },
  };
}

function course(lessons: LessonSummary[], resume: Partial<ResumeView> | null): CourseSummary {
  return {
    id: 'course',
    title: 'Course',
    description: '',
    version: '1.0.0',
    lessons,
    percent: 0,
    minutesLeft: 0,
    lessonsDone: lessons.filter((l) => l.state === 'done').length,
    lessonsInProgress: lessons.filter((l) => l.state === 'in-progress').length,
    lessonsNotStarted: lessons.filter((l) => l.state === 'not-started').length,
    score: { correct: 0, answered: 0, total: 0 },
    lastStudiedAt: null,
    resume: resume && {
      courseId: 'course',
      courseTitle: 'Course',
      lessonId: 'a',
      lessonTitle: 'Lesson a',
      sectionId: null,
      offset: 0,
      at: '2026-11-27T10:00:00.000Z',
      ...resume,
    },
  };
}

describe('where a course card’s button goes', () => {
  it('starts a course never opened at its first lesson', () => {
    const summary = course([lesson('a', 'not-started'), lesson('b', 'not-started')], null);
    expect(courseContinuation(summary)).toEqual({
      kind: 'start',
      lessonId: 'a',
      lessonTitle: 'Lesson a',
      sectionId: null,
    });
  });

  it('continues the lesson last open, at its section, while it is not done', () => {
    const summary = course([lesson('a', 'done'), lesson('b', 'in-progress')], {
      lessonId: 'b',
      sectionId: 'middle',
    });
    expect(courseContinuation(summary)).toMatchObject({
      kind: 'continue',
      lessonId: 'b',
      sectionId: 'middle',
    });
  });

  it('goes on to the next lesson not done once the one last open is done', () => {
    const lessons = [lesson('a', 'done'), lesson('b', 'done'), lesson('c', 'not-started')];
    expect(courseContinuation(course(lessons, { lessonId: 'a' }))).toMatchObject({
      kind: 'next',
      lessonId: 'c',
      sectionId: null,
    });
  });

  it('looks before the lesson last open when nothing after it is left', () => {
    const lessons = [lesson('a', 'in-progress'), lesson('b', 'done')];
    expect(courseContinuation(course(lessons, { lessonId: 'b' }))).toMatchObject({
      kind: 'next',
      lessonId: 'a',
    });
  });

  it('finds the next lesson when the one last open is no longer in the course', () => {
    const lessons = [lesson('a', 'done'), lesson('b', 'not-started')];
    expect(courseContinuation(course(lessons, { lessonId: 'gone' }))).toMatchObject({
      kind: 'next',
      lessonId: 'b',
    });
  });

  it('offers nothing when every lesson is done, or when there is no lesson', () => {
    expect(courseContinuation(course([lesson('a', 'done')], { lessonId: 'a' }))).toBeNull();
    expect(courseContinuation(course([], null))).toBeNull();
  });
});
