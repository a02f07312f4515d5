import { describe, expect, it } from 'vitest';
import type { CallOutcome, LessonView, LibraryView } from '../../../electron/api.ts';
import type { FirstView } from '../../../electron/page-address.ts';
import {
  firstLessonOutcome,
  firstLibraryOutcome,
  parseFirstView,
  rendersOnHost,
} from './first-view.ts';
import { addressOf, parseRoute } from './routes.ts';

const lesson = { courseId: 'python-backend', lessonId: 'deployment' };
const notFound: CallOutcome<LessonView> = {
  ok: false,
  error: { code: 'not-found', message: 'There is no lesson "deployment".' },
};
const library = {
  ok: true,
  value: { courses: [], problems: [], progressRecovery: null, resume: null },
} as unknown as CallOutcome<LibraryView>;

/** A lesson's view as far as these rules read it: where the learner was. */
function opened(position: { sectionId: string; offset: number } | null): FirstView {
  const value = { progress: { position } } as unknown as LessonView;
  return { kind: 'lesson', ...lesson, outcome: { ok: true, value } };
}

describe('parseFirstView', () => {
  it('reads a lesson’s view, a failure too, and the library’s', () => {
    const failed: FirstView = { kind: 'lesson', ...lesson, outcome: notFound };
    expect(parseFirstView(JSON.stringify(failed))).toEqual(failed);
    const listed: FirstView = { kind: 'library', outcome: library };
    expect(parseFirstView(JSON.stringify(listed))).toEqual(listed);
  });

  it.each([
    ['no element', undefined],
    ['nothing', null],
    ['an empty one', ''],
    [
      'text cut short',
      JSON.stringify({ kind: 'lesson', ...lesson, outcome: notFound }).slice(0, 40),
    ],
    ['not an object', '"deployment"'],
    ['an array', JSON.stringify([{ kind: 'lesson', ...lesson, outcome: notFound }])],
    ['null', 'null'],
    ['no kind', JSON.stringify({ ...lesson, outcome: notFound })],
    ['another kind', JSON.stringify({ kind: 'search', outcome: library })],
    ['a lesson with no ids', JSON.stringify({ kind: 'lesson', outcome: notFound })],
    ['a lesson id that is no string', JSON.stringify({ kind: 'lesson', ...lesson, lessonId: 7 })],
    ['no outcome', JSON.stringify({ kind: 'lesson', ...lesson })],
    ['an outcome of another shape', JSON.stringify({ kind: 'library', outcome: { ok: 1 } })],
  ])('is null for %s, so the page asks the host instead', (_, text) => {
    expect(parseFirstView(text)).toBeNull();
  });
});

describe('firstLessonOutcome', () => {
  it('is the outcome carried for this lesson', () => {
    expect(firstLessonOutcome({ kind: 'lesson', ...lesson, outcome: notFound }, lesson)).toEqual(
      notFound,
    );
  });

  it('is null for another lesson (an older `#/…` address opened on a lesson’s page)', () => {
    const other: FirstView = { kind: 'lesson', ...lesson, lessonId: 'logging', outcome: notFound };
    expect(firstLessonOutcome(other, lesson)).toBeNull();
  });

  it('is null for the library’s view, or none', () => {
    expect(firstLessonOutcome({ kind: 'library', outcome: library }, lesson)).toBeNull();
    expect(firstLessonOutcome(null, lesson)).toBeNull();
  });
});

describe('firstLibraryOutcome', () => {
  it('is the library the host listed; null for a lesson’s view, or none', () => {
    expect(firstLibraryOutcome({ kind: 'library', outcome: library })).toEqual(library);
    expect(firstLibraryOutcome({ kind: 'lesson', ...lesson, outcome: notFound })).toBeNull();
    expect(firstLibraryOutcome(null)).toBeNull();
  });
});

describe('rendersOnHost', () => {
  const at = (address: string) => parseRoute(address);

  it('renders the library, at either of its addresses', () => {
    expect(rendersOnHost(at('/'), { kind: 'library', outcome: library })).toBe(true);
    expect(rendersOnHost(at('/index.html'), { kind: 'library', outcome: library })).toBe(true);
  });

  it('renders a lesson that opens at its top', () => {
    expect(rendersOnHost(at('/learn/python-backend/deployment'), opened(null))).toBe(true);
  });

  it('leaves to the page a lesson that will scroll as it starts, which would jump once painted', () => {
    const address = '/learn/python-backend/deployment';
    expect(
      rendersOnHost(at(address), opened({ sectionId: 'containers', offset: 0.4 })),
      'a saved place',
    ).toBe(false);
    expect(rendersOnHost(at(`${address}/containers`), opened(null)), 'a section').toBe(false);
    expect(rendersOnHost(at(`${address}?highlight=gunicorn`), opened(null)), 'words found').toBe(
      false,
    );
  });

  it('leaves a failure to the page, which can offer to try again', () => {
    const route = at('/learn/python-backend/deployment');
    expect(rendersOnHost(route, { kind: 'lesson', ...lesson, outcome: notFound })).toBe(false);
    const failed: FirstView = {
      kind: 'library',
      outcome: { ok: false, error: { code: 'internal', message: 'The library cannot be read.' } },
    };
    expect(rendersOnHost(at('/'), failed)).toBe(false);
  });

  it('renders nothing for another view than the address’s (an older `#/…` address)', () => {
    const legacy = addressOf({ pathname: '/', search: '', hash: '#/python-backend/deployment' });
    expect(rendersOnHost(at(legacy), { kind: 'library', outcome: library })).toBe(false);
    expect(rendersOnHost(at('/learn/python-backend/logging'), opened(null))).toBe(false);
    expect(rendersOnHost(at('/'), opened(null))).toBe(false);
  });
});
