// library.sqlite: every installed course's content, copied from its pack. Derived data: it can
// always be rebuilt from the packs, so a damaged or outdated library is replaced, never repaired.

import { SEARCH_SCHEMA_SQL } from './search-index.ts';

/**
 * `PRAGMA user_version` of the library layout; a different one means "rebuild from packs".
 * 2: the full-text search index.
 * 3: 16 KB pages (LIBRARY_PAGE_SIZE), FTS5 writing a course's terms out in one segment.
 * 4: a quiz question's document holds its choices as well as its prompt (search-index.ts).
 */
export const LIBRARY_FORMAT_VERSION = 4;

/**
 * Page size of the library file. A section row (its HTML and text) is often 1–3 KB: on 4 KB pages
 * most of them take a page each, half empty, so a course cost twice its size to copy in. On 16 KB
 * pages rows share pages, and the index's segments take fewer.
 */
export const LIBRARY_PAGE_SIZE = 16384;

export const LIBRARY_SCHEMA_SQL = `
CREATE TABLE courses (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  version TEXT NOT NULL,
  contact TEXT,
  content_hash TEXT NOT NULL,
  code_css TEXT NOT NULL,
  built_at TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  position INTEGER NOT NULL               -- order on the library page
) STRICT;

CREATE TABLE lessons (
  course_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  source_file TEXT NOT NULL,
  intro_html TEXT NOT NULL,
  reading_seconds INTEGER NOT NULL,
  PRIMARY KEY (course_id, id)
) STRICT;

CREATE TABLE sections (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  html TEXT NOT NULL,
  text TEXT NOT NULL,
  reading_seconds INTEGER NOT NULL,
  PRIMARY KEY (course_id, lesson_id, id)
) STRICT;

CREATE TABLE questions (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  prompt TEXT NOT NULL,
  choices TEXT NOT NULL,
  answer TEXT NOT NULL,
  accept TEXT NOT NULL,
  explain_html TEXT NOT NULL,
  PRIMARY KEY (course_id, lesson_id, id)
) STRICT;

CREATE TABLE faq (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  question TEXT NOT NULL,
  answer_html TEXT NOT NULL,
  PRIMARY KEY (course_id, lesson_id, position)
) STRICT;

CREATE TABLE related (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  target_course_id TEXT NOT NULL,
  target_lesson_id TEXT NOT NULL,
  PRIMARY KEY (course_id, lesson_id, position)
) STRICT;

CREATE TABLE assets (
  course_id TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (course_id, name)
) STRICT;
${SEARCH_SCHEMA_SQL}`;

/**
 * The per-course tables and the pack columns copied into each; `select` names the pack's
 * expression where it differs from the library's column. `key` is the pack's unique key in the
 * order of the library's primary key (after course_id): rows are copied in that order, which
 * keeps the library's index growing at its end instead of splitting pages all over it.
 */
export const COURSE_CONTENT_TABLES: readonly {
  table: string;
  columns: readonly string[];
  select?: readonly string[];
  key: readonly string[];
}[] = [
  {
    table: 'lessons',
    columns: ['position', 'id', 'title', 'summary', 'source_file', 'intro_html', 'reading_seconds'],
    key: ['id'],
  },
  {
    table: 'sections',
    columns: ['lesson_id', 'position', 'id', 'title', 'html', 'text', 'reading_seconds'],
    key: ['lesson_id', 'id'],
  },
  {
    table: 'questions',
    columns: [
      'lesson_id',
      'position',
      'id',
      'kind',
      'prompt',
      'choices',
      'answer',
      'accept',
      'explain_html',
    ],
    key: ['lesson_id', 'id'],
  },
  {
    table: 'faq',
    columns: ['lesson_id', 'position', 'question', 'answer_html'],
    key: ['lesson_id', 'position'],
  },
  {
    table: 'related',
    columns: ['lesson_id', 'position', 'target_course_id', 'target_lesson_id'],
    select: ['lesson_id', 'position', 'course_id', 'target_lesson_id'],
    key: ['lesson_id', 'position'],
  },
  { table: 'assets', columns: ['name', 'mime', 'data'], key: ['name'] },
];
