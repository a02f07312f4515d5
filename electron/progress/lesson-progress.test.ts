import { describe, expect, it } from 'vitest';
import { lessonProgress } from './lesson-progress.ts';
import { makeLesson, makeStored } from './test-support/factories.ts';

describe('lessonProgress', () => {
  const lesson = makeLesson('intro', { sections: 3, questions: 2, secondsPerSection: 90 });

  it('shows a lesson never opened as not started, 0% and all of its minutes left', () => {
    const progress = lessonProgress(lesson, undefined);
    expect(progress).toMatchObject({
      status: 'not-started',
      percent: 0,
      minutesLeft: 5,
      sectionsRead: 0,
      sectionsTotal: 3,
      questionsAnswered: 0,
      quiz: { correct: 0, total: 2 },
      position: null,
      firstOpenedAt: null,
      secondsSpent: 0,
    });
  });

  it('shows an opened lesson with nothing done yet as in progress', () => {
    expect(lessonProgress(lesson, makeStored('intro')).status).toBe('in-progress');
  });

  it('counts read sections and answered questions over all of the lesson units', () => {
    const stored = makeStored('intro', { read: ['intro-s1'], answers: { 'intro-q1': false } });
    const progress = lessonProgress(lesson, stored);
    expect(progress.percent).toBe(40);
    expect(progress.sectionsRead).toBe(1);
    expect(progress.questionsAnswered).toBe(1);
  });

  it('does not count a section that was only seen as read', () => {
    const progress = lessonProgress(lesson, makeStored('intro', { seen: ['intro-s1'] }));
    expect(progress.sectionsRead).toBe(0);
    expect(progress.sections[0]).toEqual({ sectionId: 'intro-s1', seen: true, read: false });
  });

  it('rounds minutes left up from the reading time of the unread sections', () => {
    const uneven = makeLesson('uneven', { sections: 2, questions: 0, secondsPerSection: 61 });
    expect(lessonProgress(uneven, undefined).minutesLeft).toBe(3);
    expect(lessonProgress(uneven, makeStored('uneven', { read: ['uneven-s1'] })).minutesLeft).toBe(
      2,
    );
  });

  it('is 100% with 0 minutes left once every section is read and every question answered', () => {
    const stored = makeStored('intro', {
      read: ['intro-s1', 'intro-s2', 'intro-s3'],
      answers: { 'intro-q1': true, 'intro-q2': false },
    });
    expect(lessonProgress(lesson, stored)).toMatchObject({
      status: 'done',
      percent: 100,
      minutesLeft: 0,
    });
  });

  it('never shows 100% while a unit is left', () => {
    const big = makeLesson('big', { sections: 200, questions: 0 });
    const read = big.sections.slice(1).map((section) => section.id);
    expect(lessonProgress(big, makeStored('big', { read })).percent).toBe(99);
  });

  it('scores the quiz by latest answers: correct of all questions', () => {
    const stored = makeStored('intro', { answers: { 'intro-q1': true } });
    expect(lessonProgress(lesson, stored).quiz).toEqual({ correct: 1, total: 2 });
  });

  it('ignores stored sections and answers whose ids the lesson no longer has', () => {
    const stored = makeStored('intro', {
      read: ['intro-s1', 'removed-section'],
      answers: { 'removed-question': true },
    });
    const progress = lessonProgress(lesson, stored);
    expect(progress.sectionsRead).toBe(1);
    expect(progress.quiz).toEqual({ correct: 0, total: 2 });
    expect(progress.answers).toEqual([]);
  });

  it('treats a lesson with nothing to read or answer as done once opened', () => {
    const empty = makeLesson('empty', { sections: 0, questions: 0 });
    expect(lessonProgress(empty, undefined)).toMatchObject({ status: 'not-started', percent: 0 });
    expect(lessonProgress(empty, makeStored('empty'))).toMatchObject({
      status: 'done',
      percent: 100,
      minutesLeft: 0,
    });
  });

  it('lists sections in lesson order and latest answers in quiz order', () => {
    const at = Date.UTC(2025, 1, 2, 3, 4, 5);
    const stored = makeStored('intro', {
      read: ['intro-s3'],
      seen: ['intro-s1'],
      answers: {
        'intro-q2': { answer: ['A', 'C'], correct: true, answeredAt: at },
        'intro-q1': { answer: 'a text answer', correct: false, answeredAt: at },
      },
    });
    const progress = lessonProgress(lesson, stored);
    expect(progress.sections).toEqual([
      { sectionId: 'intro-s1', seen: true, read: false },
      { sectionId: 'intro-s2', seen: false, read: false },
      { sectionId: 'intro-s3', seen: true, read: true },
    ]);
    expect(progress.answers).toEqual([
      {
        questionId: 'intro-q1',
        answer: 'a text answer',
        correct: false,
        answeredAt: '2025-02-02T03:04:05.000Z',
      },
      {
        questionId: 'intro-q2',
        answer: ['A', 'C'],
        correct: true,
        answeredAt: '2025-02-02T03:04:05.000Z',
      },
    ]);
  });

  it('keeps the saved position while its section is in the lesson, and drops it otherwise', () => {
    const here = makeStored('intro', { position: { sectionId: 'intro-s2', offset: 0.25 } });
    expect(lessonProgress(lesson, here).position).toEqual({ sectionId: 'intro-s2', offset: 0.25 });
    const gone = makeStored('intro', { position: { sectionId: 'old-section', offset: 0.5 } });
    expect(lessonProgress(lesson, gone).position).toBeNull();
  });
});
