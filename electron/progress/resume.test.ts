import { describe, expect, it } from 'vitest';
import { resumePoint } from './resume.ts';
import { makeCourse, makeStored } from './test-support/factories.ts';

describe('resumePoint', () => {
  const algebra = makeCourse('algebra', { lessons: 2 });
  const biology = makeCourse('biology', { lessons: 2 });

  it('returns null when no lesson of the courses was ever opened', () => {
    expect(resumePoint([algebra], [])).toBeNull();
  });

  it('returns the lesson opened last across courses, with its section and offset', () => {
    const stored = [
      makeStored('l1', { courseId: 'algebra', at: Date.UTC(2025, 0, 3) }),
      makeStored('l2', {
        courseId: 'biology',
        at: Date.UTC(2025, 0, 4),
        position: { sectionId: 'l2-s3', offset: 0.4 },
      }),
      makeStored('l2', { courseId: 'algebra', at: Date.UTC(2025, 0, 2) }),
    ];
    expect(resumePoint([algebra, biology], stored)).toEqual({
      courseId: 'biology',
      lessonId: 'l2',
      sectionId: 'l2-s3',
      offset: 0.4,
      at: '2025-01-04T00:00:00.000Z',
    });
  });

  it('resumes in the lesson opened last, though the one left behind saved its reading after', () => {
    const stored = [
      // The learner left l1 for l2: l1's pending reading reached the store a moment later.
      makeStored('l1', {
        courseId: 'algebra',
        openedAt: Date.UTC(2025, 0, 3, 9),
        at: Date.UTC(2025, 0, 3, 10, 0, 1),
        position: { sectionId: 'l1-s2', offset: 0.5 },
      }),
      makeStored('l2', { courseId: 'algebra', at: Date.UTC(2025, 0, 3, 10) }),
    ];
    expect(resumePoint([algebra], stored)).toMatchObject({ lessonId: 'l2', sectionId: null });
  });

  it('of lessons opened at the same moment, resumes in the one active last', () => {
    const opened = Date.UTC(2025, 0, 3);
    const stored = [
      makeStored('l1', { courseId: 'algebra', openedAt: opened, at: opened + 2_000 }),
      makeStored('l2', { courseId: 'algebra', openedAt: opened, at: opened + 1_000 }),
    ];
    expect(resumePoint([algebra], stored)).toMatchObject({ lessonId: 'l1' });
  });

  it('stays within the courses it is given', () => {
    const stored = [
      makeStored('l1', { courseId: 'algebra', at: Date.UTC(2025, 0, 3) }),
      makeStored('l1', { courseId: 'biology', at: Date.UTC(2025, 0, 4) }),
    ];
    expect(resumePoint([algebra], stored)).toMatchObject({ courseId: 'algebra', lessonId: 'l1' });
  });

  it('skips a lesson the course no longer has', () => {
    const stored = [
      makeStored('l1', { courseId: 'algebra', at: Date.UTC(2025, 0, 3) }),
      makeStored('removed', { courseId: 'algebra', at: Date.UTC(2025, 0, 4) }),
    ];
    expect(resumePoint([algebra], stored)).toMatchObject({ lessonId: 'l1' });
  });

  it('resumes at the top of the lesson when no position was saved or its section is gone', () => {
    const top = { sectionId: null, offset: 0 };
    expect(resumePoint([algebra], [makeStored('l1', { courseId: 'algebra' })])).toMatchObject(top);
    const gone = makeStored('l1', {
      courseId: 'algebra',
      position: { sectionId: 'old-section', offset: 0.7 },
    });
    expect(resumePoint([algebra], [gone])).toMatchObject(top);
  });
});
