import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCourse } from '../../tests/support/compiled-courses.ts';
import { openTestLibrary } from '../../tests/support/library.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import type { SearchSnippet, SearchView } from '../api.ts';
import { dispatch } from '../dispatch.ts';
import { createHandlers } from '../handlers.ts';
import type { ProgressStore } from '../progress/progress-store.ts';
import { createLibraryReader } from './library-reader.ts';
import type { LibraryDatabase } from './open-library.ts';
import { createLibrarySearch, parseSnippet, type LibrarySearch } from './search-library.ts';

const temp = makeTempDir();
let db: LibraryDatabase;
let search: LibrarySearch;

const filler = 'Some words about other things entirely, to make a body of ordinary length. ';

beforeAll(() => {
  mkdirSync(temp.dir, { recursive: true });
  const library = openTestLibrary(temp.dir, [
    makeCourse({
      id: 'python',
      title: 'Python Backend',
      lessons: [
        {
          id: 'deployment',
          title: 'Deployment',
          sections: [
            {
              id: 'web-servers',
              title: 'Web servers',
              body: `${filler}Containers are mentioned here, and containers again, and containers. ${filler}`,
            },
            { id: 'containers', title: 'Containers', body: `${filler}${filler}` },
            {
              id: 'settings',
              title: 'Settings',
              body: 'Read the port with os.environ["PORT"]; <b>never</b> hard-code it.',
            },
          ],
        },
        {
          id: 'cafe',
          title: 'Le café',
          sections: [{ id: 'menu', title: 'Menu', body: 'Un CAFÉ crème et un déjeuner naïf.' }],
        },
      ],
    }),
    makeCourse({
      id: 'japanese',
      title: 'Japanese',
      lessons: [
        {
          id: 'places',
          title: 'Places',
          sections: [
            { id: 'tokyo', title: 'Tokyo', body: '東京タワーは東京の名所です。Containers too.' },
          ],
        },
      ],
    }),
  ]);
  db = library.db;
  search = createLibrarySearch(db);
});
afterAll(() => {
  db.close();
  temp.remove();
});

function hits(view: SearchView): string[] {
  return view.groups.flatMap((group) =>
    group.results.map(
      (result) => `${group.courseId}/${result.lessonId}/${result.sectionId ?? '-'}`,
    ),
  );
}

/** The best result for `query`; throws when there is none. */
function firstResult(query: string) {
  const result = search.search({ query }).groups[0]?.results[0];
  if (!result) throw new Error(`"${query}" found nothing`);
  return result;
}

/** The snippet's text with each highlight in [brackets], for readable expectations. */
function marked(snippet: SearchSnippet): string {
  let text = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    text += `${snippet.text.slice(at, start)}[${snippet.text.slice(start, end)}]`;
    at = end;
  }
  return text + snippet.text.slice(at);
}

describe('searching the library', () => {
  it('ranks a match in a title above matches in body text', () => {
    const view = search.search({ query: 'containers', courseId: 'python' });
    expect(hits(view)).toEqual(['python/deployment/containers', 'python/deployment/web-servers']);
  });

  it('groups results by course, the course of the best result first', () => {
    const view = search.search({ query: 'containers' });
    expect(view.groups.map((group) => [group.courseId, group.courseTitle])).toEqual([
      ['python', 'Python Backend'],
      ['japanese', 'Japanese'],
    ]);
    const first = view.groups[0]?.results[0];
    expect(first).toMatchObject({
      kind: 'section',
      courseId: 'python',
      lessonId: 'deployment',
      lessonTitle: 'Deployment',
      sectionId: 'containers',
      sectionTitle: 'Containers',
    });
  });

  it('searches one course when asked to', () => {
    expect(hits(search.search({ query: 'containers', courseId: 'japanese' }))).toEqual([
      'japanese/places/tokyo',
    ]);
  });

  it('returns at most the number of results asked for', () => {
    expect(hits(search.search({ query: 'containers', limit: 1 }))).toEqual([
      'python/deployment/containers',
    ]);
  });

  it('highlights matches in the snippet as ranges over plain text, markup included as text', () => {
    const result = firstResult('os.environ');
    expect(marked(result.snippet)).toBe(
      'Settings Read the port with [os.environ]["PORT"]; <b>never</b> hard-code it.',
    );
  });

  it('finds and highlights accented words typed without accents, in any case', () => {
    const result = firstResult('cafe creme');
    expect(result?.sectionId).toBe('menu');
    expect(marked(result.snippet)).toBe('Menu Un [CAFÉ] [crème] et un déjeuner naïf.');
    expect(hits(search.search({ query: 'DEJEUNER NAIF' }))).toEqual(['python/cafe/menu']);
  });

  it('highlights a Chinese or Japanese word as one range, without the index’s separators', () => {
    const result = firstResult('東京');
    expect(marked(result.snippet)).toBe('Tokyo [東京]タワーは[東京]の名所です。Containers too.');
  });

  it('answers an empty or punctuation-only query with no results, without asking the index', () => {
    expect(search.search({ query: '' })).toEqual({ query: '', terms: [], groups: [] });
    expect(search.search({ query: '"*(-)' }).groups).toEqual([]);
  });

  it('returns the words to highlight where a result leads', () => {
    expect(search.search({ query: 'cafe crè' }).terms).toEqual(['cafe', 'crè']);
  });
});

describe('parseSnippet', () => {
  it('turns FTS5’s markers into ranges and folds whitespace', () => {
    expect(parseSnippet('…a\n\n \u0001b\u0002  c \u0001dd\u0002\u0001e\u0002…')).toEqual({
      text: '…a b c dde…',
      highlights: [
        [3, 4],
        [7, 10],
      ],
    });
  });

  it('ignores an empty or unclosed highlight', () => {
    expect(parseSnippet('a\u0001\u0002b\u0001c')).toEqual({ text: 'abc', highlights: [] });
  });
});

describe('the search call', () => {
  const handlers = () =>
    createHandlers({
      library: createLibraryReader(db),
      search,
      // Searching never touches the learner's progress.
      progress: {} as ProgressStore,
      problems: () => [],
      progressRecovery: null,
      openExternal: async () => {},
    });

  it('answers through dispatch, as both hosts run it', async () => {
    const outcome = await dispatch(handlers(), 'search', { query: 'containers', limit: 2 });
    expect(outcome.ok && hits(outcome.value as SearchView)).toEqual([
      'python/deployment/containers',
      'python/deployment/web-servers',
    ]);
  });

  it('reports a course filter naming no installed course as not found', async () => {
    const outcome = await dispatch(handlers(), 'search', { query: 'x', courseId: 'nope' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it.each([
    ['a query over 200 characters', { query: 'x'.repeat(201) }],
    ['a limit over 50', { query: 'x', limit: 51 }],
    ['a limit of zero', { query: 'x', limit: 0 }],
    ['a course id that is no slug', { query: 'x', courseId: '../etc' }],
    ['an unknown field', { query: 'x', sort: 'date' }],
  ])('refuses %s as invalid input', async (_what, input) => {
    const outcome = await dispatch(handlers(), 'search', input);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
