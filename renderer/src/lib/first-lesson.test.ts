import { describe, expect, it } from 'vitest';
import type { CallOutcome, LessonView } from '../../../electron/api.ts';
import { firstLessonOutcome } from './first-lesson.ts';

const lesson = { courseId: 'python-backend', lessonId: 'deployment' };
const notFound: CallOutcome<LessonView> = {
  ok: false,
  error: { code: 'not-found', message: 'There is no lesson "deployment".' },
};

/** The text of a first-lesson element (page-html.test.ts reads back the host's own). */
function written(outcome: CallOutcome<LessonView>, key = lesson): string {
  return JSON.stringify({ ...key, outcome });
}

describe('firstLessonOutcome', () => {
  it('reads the outcome for this lesson, a failure too', () => {
    expect(firstLessonOutcome(written(notFound), lesson)).toEqual(notFound);
    const found = { ok: true, value: { lesson: { title: 'Deployment' } } } as never;
    expect(firstLessonOutcome(written(found), lesson)).toEqual(found);
  });

  it('is null for another lesson (an older `#/…` address opened on a lesson’s page)', () => {
    const other = written(notFound, { courseId: 'python-backend', lessonId: 'logging' });
    expect(firstLessonOutcome(other, lesson)).toBeNull();
  });

  it.each([
    ['no element', undefined],
    ['an empty one', ''],
    ['text cut short', written(notFound).slice(0, 40)],
    ['not an object', '"deployment"'],
    ['null', 'null'],
    ['no outcome', JSON.stringify(lesson)],
    ['an outcome of another shape', JSON.stringify({ ...lesson, outcome: { ok: 'yes' } })],
  ])('is null for %s, so the page asks the host instead', (_, text) => {
    expect(firstLessonOutcome(text, lesson)).toBeNull();
  });
});
