// The library's full-text index: one FTS5 document per lesson (title, summary and intro), per
// section (title, and its text with code), per quiz question (its prompt and choices, never its
// answer, accepted answers or explanation, which a snippet would give away before the learner has
// tried the question) and per FAQ entry. Derived from the library's own tables, course by course,
// so that installing one course reindexes only that one.
// A course goes in with two INSERT … SELECT statements, in rowid order; only the text of each
// document passes through JavaScript (indexedText, htmlToText), as SQL functions of the connection.
//
// Tokenizer: unicode61 with remove_diacritics 2, so "Cafe" finds "café" and "DÉPLOIEMENT" finds
// "déploiement". Chinese and Japanese, written without spaces, are cut into one token per
// character before they reach the tokenizer (segmentSpaceless) and searched as phrases of adjacent
// characters. That was chosen over FTS5's trigram tokenizer because trigram finds nothing for a
// query shorter than three characters (东京, 日本, a single kanji are ordinary searches), would
// need a second index over the whole library to keep bm25 and prefixes for other languages, and
// would roughly triple the index; search-index.test.ts shows both.
import type { LibraryDatabase } from './open-library.ts';
import { normalizeText, segmentSpaceless } from './search-query.ts';

/** bm25 weight of each column: a match in a title counts ten times one in body text. */
export const TITLE_WEIGHT = 10;
export const BODY_WEIGHT = 1;

/** What a document of the index is, and so where a result leads. */
export type SearchDocKind = 'lesson' | 'section' | 'question' | 'faq';

/**
 * FTS5 keeps the terms of the documents being written in memory, and writes them out as a new
 * segment of the index when they pass this many bytes (FTS5's default is 1 MB) or at commit. A
 * course of a thousand lessons then goes in as one segment, instead of dozens that FTS5 would
 * merge into each other again within the same install.
 */
const PENDING_TERMS_BYTES = 16 * 1024 ** 2;

/** The FTS5 table and its settings: created with the library, and again to empty it at once. */
const SEARCH_INDEX_SQL = `
CREATE VIRTUAL TABLE search_index USING fts5(
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(${TITLE_WEIGHT}, ${BODY_WEIGHT})');
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${PENDING_TERMS_BYTES});
`;

/**
 * The index's tables, created with the library. `search_docs` says where each document of
 * `search_index` (same rowid) comes from; it is what lets one course be removed without scanning
 * the others. Prefix indexes of 2 and 3 characters keep as-you-type prefixes fast.
 */
export const SEARCH_SCHEMA_SQL = `
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,              -- the rowid of the document in search_index
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  section_id TEXT,                     -- NULL for a lesson, question or FAQ document
  kind TEXT NOT NULL CHECK (kind IN ('lesson', 'section', 'question', 'faq')),
  position INTEGER NOT NULL            -- of the section, question or FAQ entry in its lesson
) STRICT;
CREATE INDEX search_docs_by_course ON search_docs (course_id);
${SEARCH_INDEX_SQL}`;

interface Statements {
  deleteDocuments: (courseId: string) => void;
  addDocuments: (courseId: string) => void;
}

// The SQL functions the statements below call to turn the library's rows into the index's text:
// what indexedText and htmlToText do, on this connection only (never part of the schema).
const SQL_FUNCTIONS: Readonly<Record<string, (...args: unknown[]) => string>> = {
  studybook_indexed_text: (text) => indexedText(String(text)),
  studybook_lesson_body: (summary, intro) =>
    indexedText([String(summary), htmlToText(String(intro))].filter(Boolean).join('\n')),
  studybook_question_body: (prompt, choices) => questionBody(String(prompt), String(choices)),
  studybook_faq_body: (question, answer) =>
    indexedText(`${String(question)}\n${htmlToText(String(answer))}`),
};

// Prepared once per connection: an install reindexes a course in one go, and a library holds one.
const statementsByDatabase = new WeakMap<LibraryDatabase, Statements>();

function statementsFor(db: LibraryDatabase): Statements {
  const cached = statementsByDatabase.get(db);
  if (cached) return cached;
  for (const [name, implementation] of Object.entries(SQL_FUNCTIONS)) {
    db.function(name, { deterministic: true }, implementation);
  }
  const deleteIndexed = db.prepare<[string]>(
    'DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_docs WHERE course_id = ?)',
  );
  const deleteDocs = db.prepare<[string]>('DELETE FROM search_docs WHERE course_id = ?');
  const isIndexed = db
    .prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM search_docs WHERE course_id = ?)')
    .pluck();
  const othersIndexed = db
    .prepare<[string, string], number>(
      `SELECT EXISTS (SELECT 1 FROM search_docs WHERE course_id < ?)
           OR EXISTS (SELECT 1 FROM search_docs WHERE course_id > ?)`,
    )
    .pluck();
  // One document per lesson, then its sections, quiz questions and FAQ entries, lesson by lesson
  // in course order: rowids then follow the course, which is the order a broad query's body
  // matches are listed in (search-library.ts). A lesson's position is its place in the course.
  const insertDocs = db.prepare<[{ courseId: string }]>(
    `INSERT INTO search_docs (course_id, lesson_id, section_id, kind, position)
     SELECT @courseId, lesson_id, section_id, kind, position FROM (
       SELECT position AS lesson_order, 0 AS part, id AS lesson_id, NULL AS section_id,
              'lesson' AS kind, position
       FROM lessons WHERE course_id = @courseId
       UNION ALL
       SELECT l.position, 1, s.lesson_id, s.id, 'section', s.position
       FROM sections AS s JOIN lessons AS l ON l.course_id = s.course_id AND l.id = s.lesson_id
       WHERE s.course_id = @courseId
       UNION ALL
       SELECT l.position, 2, q.lesson_id, NULL, 'question', q.position
       FROM questions AS q JOIN lessons AS l ON l.course_id = q.course_id AND l.id = q.lesson_id
       WHERE q.course_id = @courseId
       UNION ALL
       SELECT l.position, 3, f.lesson_id, NULL, 'faq', f.position
       FROM faq AS f JOIN lessons AS l ON l.course_id = f.course_id AND l.id = f.lesson_id
       WHERE f.course_id = @courseId
     )
     ORDER BY lesson_order, part, position`,
  );
  // In rowid order, in one statement: FTS5 writes out the terms it holds whenever a rowid comes
  // out of order, so this keeps the whole course (and the deletions before it) in one segment.
  const insertIndexed = db.prepare<[{ courseId: string }]>(
    `INSERT INTO search_index (rowid, title, body)
     SELECT d.id,
       CASE d.kind
         WHEN 'lesson' THEN studybook_indexed_text(l.title)
         WHEN 'section' THEN studybook_indexed_text(s.title)
         ELSE '' END,
       CASE d.kind
         WHEN 'lesson' THEN studybook_lesson_body(l.summary, l.intro_html)
         WHEN 'section' THEN studybook_indexed_text(s.text)
         WHEN 'question' THEN studybook_question_body(q.prompt, q.choices)
         ELSE studybook_faq_body(f.question, f.answer_html) END
     FROM search_docs AS d
     JOIN lessons AS l ON l.course_id = d.course_id AND l.id = d.lesson_id
     LEFT JOIN sections AS s ON d.kind = 'section'
       AND s.course_id = d.course_id AND s.lesson_id = d.lesson_id AND s.id = d.section_id
     LEFT JOIN questions AS q ON d.kind = 'question'
       AND q.course_id = d.course_id AND q.lesson_id = d.lesson_id AND q.position = d.position
     LEFT JOIN faq AS f ON d.kind = 'faq'
       AND f.course_id = d.course_id AND f.lesson_id = d.lesson_id AND f.position = d.position
     WHERE d.course_id = @courseId
     ORDER BY d.id`,
  );
  const statements: Statements = {
    deleteDocuments(courseId) {
      if (!isIndexed.get(courseId)) return;
      if (othersIndexed.get(courseId, courseId)) {
        deleteIndexed.run(courseId);
      } else {
        // The course is the whole index (a library of one course, being updated): a new, empty
        // index costs next to nothing, where deleting a document makes FTS5 read and tokenize
        // it again to find its terms, which costs as much as indexing it did.
        db.exec(`DROP TABLE search_index; ${SEARCH_INDEX_SQL}`);
      }
      deleteDocs.run(courseId);
    },
    addDocuments(courseId) {
      insertDocs.run({ courseId });
      insertIndexed.run({ courseId });
    },
  };
  statementsByDatabase.set(db, statements);
  return statements;
}

/**
 * Replaces the index's documents of `courseId` with ones made from the library's current rows of
 * that course; other courses are not touched. Runs in a transaction of its own, or as a savepoint
 * of the caller's (installPack's), so the index never disagrees with the content it describes.
 * Throws SQLite's error, having changed nothing.
 */
export function reindexCourse(db: LibraryDatabase, courseId: string): void {
  const statements = statementsFor(db);
  db.transaction(() => {
    statements.deleteDocuments(courseId);
    statements.addDocuments(courseId);
  })();
}

/** Removes every document of `courseId` from the index (for a course being uninstalled). */
export function removeCourseFromIndex(db: LibraryDatabase, courseId: string): void {
  const statements = statementsFor(db);
  db.transaction(() => statements.deleteDocuments(courseId))();
}

/** Printable ASCII and line breaks: text that normalizing and segmenting leave as it is. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/u;

/** The text FTS5 is given for `text`: normalised, with spaceless scripts cut into tokens. Pure. */
export function indexedText(text: string): string {
  return PLAIN_ASCII.test(text) ? text : segmentSpaceless(normalizeText(text));
}

/**
 * The text FTS5 is given for a quiz question: its prompt, then each of its choices (plain text, as
 * the compiler keeps them), a line each. `choices` is the row's JSON array of strings; anything
 * else there (a value no pack check has refused yet, see htmlToText) leaves the prompt alone, and
 * an item that is not a string is left out. Pure; never throws, as it runs inside SQLite.
 */
export function questionBody(prompt: string, choices: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(choices);
  } catch {
    parsed = null;
  }
  const listed = Array.isArray(parsed)
    ? parsed.filter((choice): choice is string => typeof choice === 'string')
    : [];
  return indexedText([prompt, ...listed].join('\n'));
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
};

/**
 * The text of compiled lesson HTML (FAQ answers, lesson intros): tags dropped, block boundaries
 * kept as line breaks so that words either side stay apart, entities decoded. Pure, and linear in
 * the length of `html` whatever it holds: an install indexes rows as it copies them, while the
 * pack they come from may still be being checked on another thread (installPackConcurrently).
 */
export function htmlToText(html: string): string {
  const text = replaceTags(
    replaceTags(
      html,
      /<(?:br|\/(?:p|div|li|h[1-6]|pre|tr|td|th|blockquote|dd|dt))\b[^>]*>/giu,
      '\n',
    ),
    /<[^>]*>/gu,
    '',
  ).replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
  // What /[ \t]*\n\s*/gu → '\n' does, without its quadratic time on a long run of spaces that
  // no line break ends: spaces and tabs ending a line go, then whitespace starting one.
  return text
    .split('\n')
    .map((line, index, lines) => (index < lines.length - 1 ? trimSpacesAndTabs(line) : line))
    .join('\n')
    .replace(/\n\s*/gu, '\n')
    .trim();
}

/**
 * `text.replace(tag, replacement)` for a pattern that ends with ">": no match can reach past the
 * last ">", so the rest is left out of the search, where each "<" would scan it to its end.
 */
function replaceTags(text: string, tag: RegExp, replacement: string): string {
  const end = text.lastIndexOf('>') + 1;
  return text.slice(0, end).replace(tag, replacement) + text.slice(end);
}

function trimSpacesAndTabs(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return line.slice(0, end);
}
