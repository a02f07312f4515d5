import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressInputError } from './errors.ts';
import { openProgressStore, PROGRESS_FILE_NAME } from './open-progress-store.ts';
import type { ProgressStore } from './progress-store.ts';
import {
  makeClock,
  makeCourse,
  makeLesson,
  queryFile,
  snapshotFile,
  tempDirPerTest,
} from './test-support/factories.ts';

const course = makeCourse('algebra', { lessons: 2, sections: 3, questions: 2 });
const lesson = makeLesson('l1', { sections: 3, questions: 2 });
const key = { courseId: 'algebra', lessonId: 'l1' };

describe('ProgressStore', () => {
  const dataDir = tempDirPerTest();
  const file = () => path.join(dataDir(), PROGRESS_FILE_NAME);

  function open(clock = makeClock()): ProgressStore {
    return openProgressStore({ dataDir: dataDir(), now: clock.now }).store;
  }

  describe('writes', () => {
    it('records when a lesson was first and last opened', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      store.openLesson(key);
      clock.set('2025-03-02T08:30:00.000Z');
      store.openLesson(key);
      expect(store.lessonProgress('algebra', lesson)).toMatchObject({
        status: 'in-progress',
        firstOpenedAt: '2025-03-01T10:00:00.000Z',
        lastOpenedAt: '2025-03-02T08:30:00.000Z',
      });
      store.close();
    });

    it('records a lesson as opened from a batch that says so, and only then', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      store.applyBatch({ ...key, opened: true });
      clock.set('2025-03-01T10:05:00.000Z');
      store.applyBatch({ ...key, secondsSpent: 3 });
      expect(store.lessonProgress('algebra', lesson)).toMatchObject({
        firstOpenedAt: '2025-03-01T10:00:00.000Z',
        lastOpenedAt: '2025-03-01T10:00:00.000Z',
      });
      clock.set('2025-03-02T09:00:00.000Z');
      store.applyBatch({ ...key, opened: true });
      expect(store.lessonProgress('algebra', lesson)).toMatchObject({
        firstOpenedAt: '2025-03-01T10:00:00.000Z',
        lastOpenedAt: '2025-03-02T09:00:00.000Z',
      });
      store.close();
    });

    it('keeps the latest section and offset and adds up the reading time', () => {
      const store = open();
      store.recordPosition({ ...key, sectionId: 'l1-s1', offset: 0.5, secondsSpent: 4 });
      store.recordPosition({ ...key, sectionId: 'l1-s2', offset: 0.25, secondsSpent: 1.5 });
      expect(store.lessonProgress('algebra', lesson)).toMatchObject({
        position: { sectionId: 'l1-s2', offset: 0.25 },
        secondsSpent: 5.5,
      });
      store.close();
    });

    it('credits at most a minute of reading time per write', () => {
      const store = open();
      store.recordPosition({ ...key, sectionId: 'l1-s1', offset: 0, secondsSpent: 3 * 3600 });
      expect(store.lessonProgress('algebra', lesson).secondsSpent).toBe(60);
      store.close();
    });

    it('keeps the first read time of a section when it is read again', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      store.markSectionsSeen({ ...key, sectionIds: ['l1-s1'] });
      clock.advance(60_000);
      store.markSectionsRead({ ...key, sectionIds: ['l1-s1', 'l1-s2'] });
      clock.advance(60_000);
      store.markSectionsRead({ ...key, sectionIds: ['l1-s1'] });
      store.markSectionsSeen({ ...key, sectionIds: ['l1-s1'] });
      expect(
        queryFile(file(), 'SELECT section_id, first_seen_at, read_at FROM section_progress'),
      ).toEqual([
        {
          section_id: 'l1-s1',
          first_seen_at: Date.parse('2025-03-01T10:00:00.000Z'),
          read_at: Date.parse('2025-03-01T10:01:00.000Z'),
        },
        {
          section_id: 'l1-s2',
          first_seen_at: Date.parse('2025-03-01T10:01:00.000Z'),
          read_at: Date.parse('2025-03-01T10:01:00.000Z'),
        },
      ]);
      expect(store.lessonProgress('algebra', lesson).sectionsRead).toBe(2);
      store.close();
    });

    it('keeps every quiz attempt and shows the latest, even if the clock went back', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      store.recordAnswer({ ...key, questionId: 'l1-q1', answer: ['A', 'B'], correct: false });
      clock.set('2025-02-01T00:00:00.000Z');
      store.recordAnswer({ ...key, questionId: 'l1-q1', answer: ['A'], correct: true });
      store.recordAnswer({ ...key, questionId: 'l1-q2', answer: 'a typed answer', correct: false });
      const progress = store.lessonProgress('algebra', lesson);
      expect(progress.answers).toEqual([
        {
          questionId: 'l1-q1',
          answer: ['A'],
          correct: true,
          answeredAt: '2025-02-01T00:00:00.000Z',
        },
        {
          questionId: 'l1-q2',
          answer: 'a typed answer',
          correct: false,
          answeredAt: '2025-02-01T00:00:00.000Z',
        },
      ]);
      expect(progress.quiz).toEqual({ correct: 1, total: 2 });
      expect(queryFile(file(), 'SELECT count(*) AS attempts FROM quiz_attempts')).toEqual([
        { attempts: 3 },
      ]);
      store.close();
    });

    it('saves a batch of position, time, sections and answers together', () => {
      const store = open();
      store.applyBatch({
        ...key,
        position: { sectionId: 'l1-s3', offset: 0.9 },
        secondsSpent: 1,
        sectionsSeen: ['l1-s3'],
        sectionsRead: ['l1-s1', 'l1-s2'],
        answers: [{ questionId: 'l1-q1', answer: 'C', correct: true }],
      });
      expect(store.lessonProgress('algebra', lesson)).toMatchObject({
        position: { sectionId: 'l1-s3', offset: 0.9 },
        secondsSpent: 1,
        sectionsRead: 2,
        questionsAnswered: 1,
        sections: [
          { sectionId: 'l1-s1', seen: true, read: true },
          { sectionId: 'l1-s2', seen: true, read: true },
          { sectionId: 'l1-s3', seen: true, read: false },
        ],
      });
      store.close();
    });

    it('opens a lesson the first time anything is written for it', () => {
      const store = open();
      store.markSectionsRead({ ...key, sectionIds: ['l1-s1'] });
      expect(store.lessonProgress('algebra', lesson).firstOpenedAt).toBe(
        '2025-03-01T10:00:00.000Z',
      );
      store.close();
    });

    it('keeps the saved position when a batch carries none', () => {
      const store = open();
      store.recordPosition({ ...key, sectionId: 'l1-s2', offset: 0.3 });
      store.applyBatch({ ...key, secondsSpent: 2, sectionsRead: ['l1-s1'] });
      expect(store.lessonProgress('algebra', lesson).position).toEqual({
        sectionId: 'l1-s2',
        offset: 0.3,
      });
      store.close();
    });
  });

  describe('erasing a course', () => {
    it('erases every lesson, section and answer of one course, and nothing else, at once', () => {
      const store = open();
      const other = { courseId: 'geometry', lessonId: 'l1' };
      for (const scope of [key, other]) {
        store.applyBatch({
          ...scope,
          position: { sectionId: 'l1-s1', offset: 0.5 },
          sectionsSeen: ['l1-s1', 'l1-s2'],
          sectionsRead: ['l1-s1'],
        });
        store.recordAnswer({ ...scope, questionId: 'l1-q1', answer: 'A', correct: true });
      }
      store.setSetting('theme', 'dark');

      expect(store.eraseCourse('algebra')).toMatchObject({ lessonsErased: 1 });
      expect(store.lessonProgress('algebra', lesson).status).toBe('not-started');
      expect(store.lessonProgress('geometry', lesson).status, 'another course').toBe('in-progress');
      expect(store.settings().theme, 'settings are not per course').toBe('dark');
      store.close();
      for (const table of ['lesson_progress', 'section_progress', 'quiz_attempts']) {
        expect(
          queryFile(file(), `SELECT DISTINCT course_id FROM ${table}`),
          `${table} keeps only the other course`,
        ).toEqual([{ course_id: 'geometry' }]);
      }
    });

    it('refuses a malformed course id and changes nothing', () => {
      const store = open();
      store.openLesson(key);
      store.close();
      const before = snapshotFile(file());
      const reopened = open();
      expect(() => reopened.eraseCourse('../algebra')).toThrow(ProgressInputError);
      reopened.close();
      expect(snapshotFile(file())).toEqual(before);
    });

    it('erases nothing, and says so, for a course with no progress', () => {
      const store = open();
      expect(store.eraseCourse('algebra').lessonsErased).toBe(0);
      store.close();
    });
  });

  describe('last saved', () => {
    it('is null before the first write', () => {
      const store = open();
      expect(store.lastSavedAt()).toBeNull();
      store.close();
    });

    it('moves to the time of every successful write, which also returns it', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      const writes = [
        () => store.openLesson(key),
        () => store.recordPosition({ ...key, sectionId: 'l1-s1', offset: 0 }),
        () => store.markSectionsSeen({ ...key, sectionIds: ['l1-s1'] }),
        () => store.markSectionsRead({ ...key, sectionIds: ['l1-s1'] }),
        () => store.recordAnswer({ ...key, questionId: 'l1-q1', answer: 'A', correct: true }),
        () => store.applyBatch({ ...key, secondsSpent: 1 }),
        () => store.setSetting('theme', 'dark'),
      ];
      for (const write of writes) {
        clock.advance(1_000);
        const expected = clock.now().toISOString();
        expect(write()).toEqual({ savedAt: expected });
        expect(store.lastSavedAt()).toBe(expected);
      }
      store.close();
    });
  });

  describe('settings', () => {
    it('gives defaults, then the values set, also after reopening the file', () => {
      const store = open();
      expect(store.settings()).toEqual({
        theme: 'system',
        textSize: 'medium',
        reducedMotion: 'system',
      });
      store.setSetting('theme', 'dark');
      store.setSetting('textSize', 'large');
      store.setSetting('theme', 'light');
      store.close();
      const reopened = open();
      expect(reopened.settings()).toEqual({
        theme: 'light',
        textSize: 'large',
        reducedMotion: 'system',
      });
      reopened.close();
    });
  });

  describe('refused input', () => {
    const longId = 'a'.repeat(129);
    const cases: [string, (store: ProgressStore) => unknown][] = [
      [
        'a course id of the wrong type',
        (s) => s.openLesson({ courseId: 5 as never, lessonId: 'l1' }),
      ],
      ['a missing lesson id', (s) => s.openLesson({ courseId: 'algebra' } as never)],
      ['an input that is not an object', (s) => s.openLesson(null as never)],
      ['an id with capitals', (s) => s.openLesson({ courseId: 'Algebra', lessonId: 'l1' })],
      ['an id with a path in it', (s) => s.openLesson({ ...key, lessonId: '../l1' })],
      ['an empty id', (s) => s.openLesson({ ...key, lessonId: '' })],
      ['an id over 128 characters', (s) => s.openLesson({ ...key, lessonId: longId })],
      ['an unknown field', (s) => s.openLesson({ ...key, lesson: 'l1' } as never)],
      ['a negative offset', (s) => s.recordPosition({ ...key, sectionId: 'l1-s1', offset: -0.1 })],
      [
        'an offset past the end',
        (s) => s.recordPosition({ ...key, sectionId: 'l1-s1', offset: 2 }),
      ],
      ['an offset of NaN', (s) => s.recordPosition({ ...key, sectionId: 'l1-s1', offset: NaN })],
      [
        'negative reading time',
        (s) => s.recordPosition({ ...key, sectionId: 'l1-s1', offset: 0, secondsSpent: -1 }),
      ],
      [
        'infinite reading time',
        (s) => s.recordPosition({ ...key, sectionId: 'l1-s1', offset: 0, secondsSpent: Infinity }),
      ],
      [
        'a section id that is not a slug',
        (s) => s.markSectionsRead({ ...key, sectionIds: ['a b'] }),
      ],
      [
        'too many section ids at once',
        (s) => s.markSectionsSeen({ ...key, sectionIds: Array.from({ length: 1001 }, () => 's') }),
      ],
      [
        'a text answer over 2,000 characters',
        (s) =>
          s.recordAnswer({ ...key, questionId: 'l1-q1', answer: 'x'.repeat(2001), correct: false }),
      ],
      [
        'an answer that is a number',
        (s) => s.recordAnswer({ ...key, questionId: 'l1-q1', answer: 3 as never, correct: true }),
      ],
      [
        'a correct flag that is a string',
        (s) =>
          s.recordAnswer({ ...key, questionId: 'l1-q1', answer: 'A', correct: 'yes' as never }),
      ],
      [
        'a batch with one bad section id among good events',
        (s) =>
          s.applyBatch({
            ...key,
            position: { sectionId: 'l1-s2', offset: 0.5 },
            sectionsRead: ['l1-s1', 'BAD'],
            answers: [{ questionId: 'l1-q1', answer: 'A', correct: true }],
          }),
      ],
      [
        'a batch whose opened flag is not true',
        (s) => s.applyBatch({ ...key, opened: false as never }),
      ],
      ['an unknown setting', (s) => s.setSetting('fontFamily' as never, 'serif' as never)],
      ['a bad setting value', (s) => s.setSetting('theme', 'neon' as never)],
    ];

    it.each(cases)('refuses %s with a typed error and writes nothing', (_, write) => {
      const store = open();
      store.recordPosition({ ...key, sectionId: 'l1-s1', offset: 0.1, secondsSpent: 2 });
      const before = snapshotFile(file());
      expect(() => write(store)).toThrow(ProgressInputError);
      expect(snapshotFile(file())).toEqual(before);
      store.close();
    });

    it('names the operation and every field at fault in the error', () => {
      const store = open();
      const error = (() => {
        try {
          store.recordPosition({ ...key, sectionId: 'Bad Id', offset: -1 });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ProgressInputError);
      expect(error).toMatchObject({
        code: 'invalid-input',
        operation: 'recordPosition',
        issues: [
          expect.objectContaining({ path: 'sectionId' }),
          expect.objectContaining({ path: 'offset' }),
        ],
      });
      expect((error as Error).message).toMatch(/^recordPosition refused: sectionId: .+; offset: /);
      store.close();
    });
  });

  describe('reads', () => {
    it('keeps progress for ids a course drops, and counts it again if they come back', () => {
      const store = open();
      store.markSectionsRead({ ...key, sectionIds: ['l1-s1', 'l1-s2'] });
      const without = { ...lesson, sections: lesson.sections.filter((s) => s.id !== 'l1-s2') };
      expect(store.lessonProgress('algebra', without).sectionsRead).toBe(1);
      expect(store.lessonProgress('algebra', lesson).sectionsRead).toBe(2);
      store.close();
    });

    it('measures a course from what is stored for its lessons', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      store.markSectionsRead({ ...key, sectionIds: ['l1-s1', 'l1-s2', 'l1-s3'] });
      store.recordAnswer({ ...key, questionId: 'l1-q1', answer: 'A', correct: true });
      store.recordAnswer({ ...key, questionId: 'l1-q2', answer: 'B', correct: false });
      clock.advance(5_000);
      store.openLesson({ courseId: 'algebra', lessonId: 'l2' });
      store.openLesson({ courseId: 'another-course', lessonId: 'l1' });
      expect(store.courseProgress(course)).toMatchObject({
        lessonsDone: 1,
        lessonsInProgress: 1,
        lessonsNotStarted: 0,
        percent: 50,
        minutesLeft: 5,
        lastStudiedAt: '2025-03-01T10:00:05.000Z',
      });
      store.close();
    });

    it('resumes where the learner last was, per course and across courses', () => {
      const clock = makeClock('2025-03-01T10:00:00.000Z');
      const store = open(clock);
      const other = makeCourse('biology', { lessons: 1 });
      store.recordPosition({ ...key, sectionId: 'l1-s2', offset: 0.6 });
      clock.advance(1_000);
      store.recordPosition({
        courseId: 'biology',
        lessonId: 'l1',
        sectionId: 'l1-s3',
        offset: 0.1,
      });
      expect(store.resume([course])).toEqual({
        courseId: 'algebra',
        lessonId: 'l1',
        sectionId: 'l1-s2',
        offset: 0.6,
        at: '2025-03-01T10:00:00.000Z',
      });
      expect(store.resume([course, other])).toMatchObject({ courseId: 'biology', offset: 0.1 });
      store.close();
    });

    it('keeps everything across closing and reopening the file', () => {
      const store = open();
      store.applyBatch({
        ...key,
        position: { sectionId: 'l1-s2', offset: 0.5 },
        sectionsRead: ['l1-s1'],
        answers: [{ questionId: 'l1-q1', answer: 'A', correct: true }],
      });
      const before = store.lessonProgress('algebra', lesson);
      store.close();
      const reopened = open();
      expect(reopened.lessonProgress('algebra', lesson)).toEqual(before);
      reopened.close();
    });
  });
});
