// The library's full-text index: one FTS5 document per lesson (title, summary and intro), per
// section (title, and its text with code), per quiz question and per FAQ entry. Derived from the
// library's own tables, course by course, so that installing one course reindexes only that one.
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

CREATE VIRTUAL TABLE search_index USING fts5(
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(${TITLE_WEIGHT}, ${BODY_WEIGHT})');
`;

interface Statements {
  deleteDocuments: (courseId: string) => void;
  addDocument: (doc: IndexedDocument) => void;
  lessons: (courseId: string) => { id: string; title: string; summary: string; intro: string }[];
  sections: (
    courseId: string,
  ) => { lesson: string; id: string; position: number; title: string; text: string }[];
  questions: (courseId: string) => { lesson: string; position: number; prompt: string }[];
  faq: (
    courseId: string,
  ) => { lesson: string; position: number; question: string; answer: string }[];
}

interface IndexedDocument {
  courseId: string;
  lessonId: string;
  sectionId: string | null;
  kind: SearchDocKind;
  position: number;
  title: string;
  body: string;
}

// Prepared once per connection: an install reindexes a course in one go, and a library holds one.
const statementsByDatabase = new WeakMap<LibraryDatabase, Statements>();

function statementsFor(db: LibraryDatabase): Statements {
  const cached = statementsByDatabase.get(db);
  if (cached) return cached;
  const deleteIndexed = db.prepare<[string]>(
    'DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_docs WHERE course_id = ?)',
  );
  const deleteDocs = db.prepare<[string]>('DELETE FROM search_docs WHERE course_id = ?');
  const insertDoc = db.prepare<[string, string, string | null, SearchDocKind, number]>(
    `INSERT INTO search_docs (course_id, lesson_id, section_id, kind, position)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const insertIndexed = db.prepare<[number | bigint, string, string]>(
    'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)',
  );
  const lessons = db.prepare<
    [string],
    { id: string; title: string; summary: string; intro: string }
  >(
    `SELECT id, title, summary, intro_html AS intro FROM lessons WHERE course_id = ? ORDER BY position`,
  );
  const sections = db.prepare<
    [string],
    { lesson: string; id: string; position: number; title: string; text: string }
  >(
    `SELECT lesson_id AS lesson, id, position, title, text
     FROM sections WHERE course_id = ? ORDER BY lesson_id, position`,
  );
  const questions = db.prepare<[string], { lesson: string; position: number; prompt: string }>(
    `SELECT lesson_id AS lesson, position, prompt
     FROM questions WHERE course_id = ? ORDER BY lesson_id, position`,
  );
  const faq = db.prepare<
    [string],
    { lesson: string; position: number; question: string; answer: string }
  >(
    `SELECT lesson_id AS lesson, position, question, answer_html AS answer
     FROM faq WHERE course_id = ? ORDER BY lesson_id, position`,
  );
  const statements: Statements = {
    deleteDocuments(courseId) {
      deleteIndexed.run(courseId);
      deleteDocs.run(courseId);
    },
    addDocument(doc) {
      const { lastInsertRowid } = insertDoc.run(
        doc.courseId,
        doc.lessonId,
        doc.sectionId,
        doc.kind,
        doc.position,
      );
      insertIndexed.run(lastInsertRowid, indexedText(doc.title), indexedText(doc.body));
    },
    lessons: (courseId) => lessons.all(courseId),
    sections: (courseId) => sections.all(courseId),
    questions: (courseId) => questions.all(courseId),
    faq: (courseId) => faq.all(courseId),
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
    const sections = groupByLesson(statements.sections(courseId));
    const questions = groupByLesson(statements.questions(courseId));
    const faq = groupByLesson(statements.faq(courseId));
    // Lesson by lesson, in course order: rowids then follow the course, which is the order a
    // broad query's body matches are listed in (search-library.ts).
    statements.lessons(courseId).forEach((lesson, position) => {
      const doc = { courseId, lessonId: lesson.id, sectionId: null };
      statements.addDocument({
        ...doc,
        kind: 'lesson',
        position,
        title: lesson.title,
        body: [lesson.summary, htmlToText(lesson.intro)].filter(Boolean).join('\n'),
      });
      for (const section of sections.get(lesson.id) ?? []) {
        statements.addDocument({
          ...doc,
          sectionId: section.id,
          kind: 'section',
          position: section.position,
          title: section.title,
          body: section.text,
        });
      }
      for (const question of questions.get(lesson.id) ?? []) {
        statements.addDocument({
          ...doc,
          kind: 'question',
          position: question.position,
          title: '',
          body: question.prompt,
        });
      }
      for (const entry of faq.get(lesson.id) ?? []) {
        statements.addDocument({
          ...doc,
          kind: 'faq',
          position: entry.position,
          title: '',
          body: `${entry.question}\n${htmlToText(entry.answer)}`,
        });
      }
    });
  })();
}

function groupByLesson<Row extends { lesson: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.lesson);
    if (group) group.push(row);
    else groups.set(row.lesson, [row]);
  }
  return groups;
}

/** Removes every document of `courseId` from the index (for a course being uninstalled). */
export function removeCourseFromIndex(db: LibraryDatabase, courseId: string): void {
  const statements = statementsFor(db);
  db.transaction(() => statements.deleteDocuments(courseId))();
}

/** The text FTS5 is given for `text`: normalised, with spaceless scripts cut into tokens. Pure. */
export function indexedText(text: string): string {
  return segmentSpaceless(normalizeText(text));
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
 * kept as line breaks so that words either side stay apart, entities decoded. Pure.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/(?:p|div|li|h[1-6]|pre|tr|td|th|blockquote|dd|dt))\b[^>]*>/giu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number.parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]*\n\s*/gu, '\n')
    .trim();
}
