// Runs a learner's search over the library's index: bm25 ranking with titles weighted above body
// text (the index's rank setting, see search-index.ts), a snippet per result with its matches as
// ranges, results grouped by course in the order of each course's best match.
import type { SearchGroup, SearchResult, SearchSnippet, SearchView } from '../api.ts';
import type { LibraryDatabase } from './open-library.ts';
import type { SearchDocKind } from './search-index.ts';
import { buildSearchQuery, SEGMENT_MARK } from './search-query.ts';

/** Results per search unless the caller asks for another number. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** The most results one search returns. */
export const MAX_SEARCH_LIMIT = 50;

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

/** Search over `db`'s index; statements are prepared once here. */
export function createLibrarySearch(db: LibraryDatabase): LibrarySearch {
  // The FTS table is forced to be the outer loop (CROSS JOIN), so FTS5 hands rows over already in
  // rank order and stops at the limit: the other tables are looked up only for the rows returned,
  // and snippets are made only for those.
  const sql = (filtered: boolean) => `
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
    WHERE search_index MATCH @match ${filtered ? 'AND d.course_id = @courseId' : ''}
    ORDER BY search_index.rank
    LIMIT @limit`;
  const everywhere = db.prepare<[{ match: string; limit: number }], ResultRow>(sql(false));
  const inCourse = db.prepare<[{ match: string; limit: number; courseId: string }], ResultRow>(
    sql(true),
  );
  const course = db.prepare<[string], { id: string }>('SELECT id FROM courses WHERE id = ?');

  return {
    search({ query, courseId, limit = DEFAULT_SEARCH_LIMIT }) {
      const { match, terms } = buildSearchQuery(query);
      if (match === null) return { query, terms: [...terms], groups: [] };
      const count = Math.min(Math.max(1, Math.trunc(limit)), MAX_SEARCH_LIMIT);
      const rows =
        courseId === undefined
          ? everywhere.all({ match, limit: count })
          : inCourse.all({ match, limit: count, courseId });
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
  let text = '';
  const highlights: [number, number][] = [];
  let start: number | null = null;
  for (const char of marked) {
    if (char === SEGMENT_MARK) continue;
    if (char === HIT_START) {
      start = text.length;
    } else if (char === HIT_END) {
      if (start !== null && text.length > start) {
        const previous = highlights.at(-1);
        if (previous && previous[1] === start) previous[1] = text.length;
        else highlights.push([start, text.length]);
      }
      start = null;
    } else if (/\s/u.test(char)) {
      if (text.length > 0 && !text.endsWith(' ')) text += ' ';
    } else {
      text += char;
    }
  }
  const trimmed = text.trimEnd();
  return {
    text: trimmed,
    highlights: highlights.map(([from, to]): [number, number] => [from, Math.min(to, trimmed.length)]),
  };
}
