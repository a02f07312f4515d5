import { describe, expect, it } from 'vitest';
import type { CallOutcome, LessonView, LibraryView } from '../../../electron/api.ts';
import { firstLessonOutcome, firstLibraryOutcome } from './first-view.ts';

const lesson = { courseId: 'python-backend', lessonId: 'deployment' };
const notFound: CallOutcome<LessonView> = {
  ok: false,
  error: { code: 'not-found', message: 'There is no lesson "deployment".' },
};
const library = {
  ok: true,
  value: { courses: [], problems: [], progressRecovery: null, resume: null },
} as unknown as CallOutcome<LibraryView>;

/** The text of a first-view element (first-view-round-trip.test.ts reads back the host's own). */
function lessonText(outcome: CallOutcome<LessonView>, key = lesson): string {
  return JSON.stringify({ kind: 'lesson', ...key, outcome });
}

describe('firstLessonOutcome', () => {
  it('reads the outcome for this lesson, a failure too', () => {
    expect(firstLessonOutcome(lessonText(notFound), lesson)).toEqual(notFound);
    const found = { ok: true, value: { lesson: { title: 'Deployment' } } } as never;
    expect(firstLessonOutcome(lessonText(found), lesson)).toEqual(found);
  });

  it('is null for another lesson (an older `#/…` address opened on a lesson’s page)', () => {
    const other = lessonText(notFound, { courseId: 'python-backend', lessonId: 'logging' });
    expect(firstLessonOutcome(other, lesson)).toBeNull();
  });

  it('is null for the library’s view', () => {
    expect(firstLessonOutcome(JSON.stringify({ kind: 'library', outcome: library }), lesson)).toBe(
      null,
    );
  });

  it.each([
    ['no element', undefined],
    ['an empty one', ''],
    ['text cut short', lessonText(notFound).slice(0, 40)],
    ['not an object', '"deployment"'],
    ['an array', JSON.stringify([{ kind: 'lesson', ...lesson, outcome: notFound }])],
    ['null', 'null'],
    ['no kind', JSON.stringify({ ...lesson, outcome: notFound })],
    ['no outcome', JSON.stringify({ kind: 'lesson', ...lesson })],
    ['an outcome of another shape', JSON.stringify({ kind: 'lesson', ...lesson, outcome: {} })],
  ])('is null for %s, so the page asks the host instead', (_, text) => {
    expect(firstLessonOutcome(text, lesson)).toBeNull();
  });
});

describe('firstLibraryOutcome', () => {
  it('reads the library the host listed', () => {
    expect(firstLibraryOutcome(JSON.stringify({ kind: 'library', outcome: library }))).toEqual(
      library,
    );
  });

  it.each([
    ['no element', null],
    ['a lesson’s view', lessonText(notFound)],
    ['broken text', '{"kind":"library","outcome":'],
    ['an outcome of another shape', JSON.stringify({ kind: 'library', outcome: { ok: 1 } })],
  ])('is null for %s, so the page lists the courses itself', (_, text) => {
    expect(firstLibraryOutcome(text)).toBeNull();
  });
});
