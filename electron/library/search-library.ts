// Runs a learner's search over the library's index: bm25 ranking with titles weighted above body
// text (the index's rank setting, see search-index.ts), a snippet per result with its matches as
// ranges, results grouped by course in the order of each course's best result.
import type { SearchGroup, SearchResult, SearchSnippet, SearchView } from '../api.ts';
import type { LibraryDatabase } from './open-library.ts';
import type { SearchDocKind } from './search-index.ts';
import { buildSearchQuery, SEGMENT_MARK } from './search-query.ts';

/** Results per search unless the caller asks for another number. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** The most results one search returns. */
export const MAX_SEARCH_LIMIT = 50;

/**
 * Past this many matching documents a query is "broad" ("the", "co" as the learner starts typing
 * "container", in a library of thousands of lessons). bm25 costs about a microsecond per match, so
 * ranking every one would take tens of milliseconds, and ranks little: a word that common carries
 * almost no weight (FTS5's idf is floored near zero for words in most documents), so bm25 would
 * order them by title matches first and then by near-ties. A broad query therefore ranks only its
 * title matches, with bm25, and fills the rest with body matches in course order (lessons and
 * sections as the courses list them). Libraries of ordinary size never get here.
 */
export const BROAD_QUERY_DOCUMENTS = 2000;

/** How many tokens a snippet holds around its matches. */
const SNIPPET_TOKENS = 16;
const HIT_START = '\u0001';
const HIT_END = '\u0002';

export interface SearchRequest {
  query: string;
  courseId?: string | undefined;
  limit?: number | undefined;
}

export interface LibrarySearch {
  /** The best matches for `request.query`, grouped by course. Throws only SQLite's errors. */
  search(request: SearchRequest): SearchView;
  /** Whether `courseId` is installed (a search filtered to it can have results). */
  hasCourse(courseId: string): boolean;
}

interface ResultRow {
  courseId: string;
  courseTitle: string;
  lessonId: string;
  lessonTitle: string;
  sectionId: string | null;
  sectionTitle: string | null;
  kind: SearchDocKind;
  snippet: string;
}

interface Bindings {
  match: string;
  limit: number;
  courseId: string | null;
}

/** Search over `db`'s index; statements are prepared once here. */
export function createLibrarySearch(db: LibraryDatabase): LibrarySearch {
  // The FTS table is the outer loop (CROSS JOIN fixes the order), so FTS5 hands rows over in the
  // requested order and stops at the limit: the other tables are read, and snippets made, only
  // for the rows returned. A course filter is applied to FTS5's rows, hence its own statements.
  const statement = (order: 'rank' | 'course', filtered: boolean) =>
    db.prepare<[Bindings], ResultRow>(`
      SELECT d.course_id AS courseId, c.title AS courseTitle,
             d.lesson_id AS lessonId, l.title AS lessonTitle,
             d.section_id AS sectionId, s.title AS sectionTitle, d.kind AS kind,
             snippet(search_index, -1, char(1), char(2), '…', ${SNIPPET_TOKENS}) AS snippet
      FROM search_index
      CROSS JOIN search_docs AS d ON d.id = search_index.rowid
      CROSS JOIN courses AS c ON c.id = d.course_id
      CROSS JOIN lessons AS l ON l.course_id = d.course_id AND l.id = d.lesson_id
      LEFT JOIN sections AS s
        ON s.course_id = d.course_id AND s.lesson_id = d.lesson_id AND s.id = d.section_id
      WHERE search_index MATCH @match ${filtered ? 'AND d.course_id = @courseId' : 'AND @courseId IS NULL'}
      ORDER BY ${order === 'rank' ? 'search_index.rank' : 'search_index.rowid'}
      LIMIT @limit`);
  const statements = {
    rank: { all: statement('rank', false), course: statement('rank', true) },
    course: { all: statement('course', false), course: statement('course', true) },
  };
  const countUpTo = db.prepare<[{ match: string; cap: number }], { n: number }>(
    `SELECT count(*) AS n FROM (
       SELECT rowid FROM search_index WHERE search_index MATCH @match LIMIT @cap)`,
  );
  const course = db.prepare<[string], { id: string }>('SELECT id FROM courses WHERE id = ?');

  /**
   * Whether more than BROAD_QUERY_DOCUMENTS documents match. Each word alone matches at least as
   * many as all of them together, so one word under the bar settles it after counting at most
   * that many of its rows; only a query whose every word is common counts its own matches.
   */
  function isBroad(match: string, phrases: readonly string[]): boolean {
    const over = (expression: string) =>
      (countUpTo.get({ match: expression, cap: BROAD_QUERY_DOCUMENTS + 1 })?.n ?? 0) >
      BROAD_QUERY_DOCUMENTS;
    if (!phrases.every(over)) return false;
    return phrases.length === 1 || over(match);
  }

  function run(order: 'rank' | 'course', bindings: Bindings): ResultRow[] {
    const pair = statements[order];
    return (bindings.courseId === null ? pair.all : pair.course).all(bindings);
  }

  return {
    search({ query, courseId, limit = DEFAULT_SEARCH_LIMIT }) {
      const { match, phrases, terms } = buildSearchQuery(query);
      if (match === null) return { query, terms: [...terms], groups: [] };
      const count = Math.min(Math.max(1, Math.trunc(limit)), MAX_SEARCH_LIMIT);
      const filter = courseId ?? null;
      let rows: ResultRow[];
      if (!isBroad(match, phrases)) {
        rows = run('rank', { match, limit: count, courseId: filter });
      } else {
        const inTitles = `{title} : (${match})`;
        rows = run('rank', { match: inTitles, limit: count, courseId: filter });
        if (rows.length < count) {
          rows.push(
            ...run('course', {
              match: `(${match}) NOT ${inTitles}`,
              limit: count - rows.length,
              courseId: filter,
            }),
          );
        }
      }
      return { query, terms: [...terms], groups: groupByCourse(rows) };
    },
    hasCourse: (courseId) => course.get(courseId) !== undefined,
  };
}

function groupByCourse(rows: readonly ResultRow[]): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const row of rows) {
    let group = groups.get(row.courseId);
    if (!group) {
      group = { courseId: row.courseId, courseTitle: row.courseTitle, results: [] };
      groups.set(row.courseId, group);
    }
    const result: SearchResult = {
      kind: row.kind,
      courseId: row.courseId,
      lessonId: row.lessonId,
      lessonTitle: row.lessonTitle,
      sectionId: row.sectionId,
      sectionTitle: row.sectionTitle,
      snippet: parseSnippet(row.snippet),
    };
    group.results.push(result);
  }
  return [...groups.values()];
}

/**
 * A snippet from FTS5 (matches between \u0001 and \u0002) as plain text plus the ranges of its
 * matches, in UTF-16 offsets: the page renders text, never markup made from course content.
 * Drops the index's segment marks, folds whitespace runs into one space, and merges touching
 * ranges (a Chinese word matches as one range, not one per character). Pure.
 */
export function parseSnippet(marked: string): SearchSnippet {
  const source = marked.replaceAll(SEGMENT_MARK, '').replace(/\s+/gu, ' ').trim();
  let text = '';
  const highlights: [number, number][] = [];
  let at = 0;
  for (const hit of source.matchAll(MARKED_HIT)) {
    text += withoutMarkers(source.slice(at, hit.index));
    const start = text.length;
    text += hit[1] ?? '';
    if (text.length > start) {
      const previous = highlights.at(-1);
      if (previous && previous[1] === start) previous[1] = text.length;
      else highlights.push([start, text.length]);
    }
    at = hit.index + hit[0].length;
  }
  text += withoutMarkers(source.slice(at));
  return { text, highlights };
}

const MARKED_HIT = new RegExp(`${HIT_START}([^${HIT_START}${HIT_END}]*)${HIT_END}`, 'gu');
const STRAY_MARKER = new RegExp(`[${HIT_START}${HIT_END}]`, 'gu');

function withoutMarkers(text: string): string {
  return text.replace(STRAY_MARKER, '');
}
