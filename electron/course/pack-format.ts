// The course pack (`.studypack`): one SQLite file. This module is the single definition of its
// layout, shared by the compiler that writes packs and the library that reads them.

/** `PRAGMA application_id` of every Studybook pack: the ASCII bytes "STBK". */
export const PACK_APPLICATION_ID = 0x5354424b;

/** `PRAGMA user_version` of packs this version of Studybook writes and reads. */
export const PACK_FORMAT_VERSION = 1;

/**
 * The tables of a pack, format 1. Ids are the stable slugs instructors see (never row ids), so
 * that progress keyed on them survives a new version of the course.
 */
export const PACK_SCHEMA_SQL = `
CREATE TABLE course (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  version TEXT NOT NULL,
  contact TEXT,                       -- how to reach the instructor, plain text, may be NULL
  content_hash TEXT NOT NULL,         -- sha256 hex over the course sources and compiler format
  code_css TEXT NOT NULL,             -- stylesheet for highlighted code: classes, light and dark
  built_at TEXT NOT NULL              -- ISO 8601
) STRICT;

CREATE TABLE lessons (
  position INTEGER PRIMARY KEY NOT NULL,  -- 0-based course order (previous/next)
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL,              -- file name inside the course folder
  intro_html TEXT NOT NULL DEFAULT '',    -- content before the first section heading
  reading_seconds INTEGER NOT NULL        -- intro plus every section
) STRICT;

CREATE TABLE sections (
  lesson_id TEXT NOT NULL REFERENCES lessons(id),
  position INTEGER NOT NULL,              -- 0-based within the lesson; shown numbered from 1
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  html TEXT NOT NULL,                     -- rendered body, without the heading
  text TEXT NOT NULL,                     -- plain text of heading and body, for search
  reading_seconds INTEGER NOT NULL,
  PRIMARY KEY (lesson_id, id),
  UNIQUE (lesson_id, position)
) STRICT;

CREATE TABLE questions (
  lesson_id TEXT NOT NULL REFERENCES lessons(id),
  position INTEGER NOT NULL,              -- 0-based within the lesson's quiz
  id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'text')),
  prompt TEXT NOT NULL,                   -- plain text
  choices TEXT NOT NULL,                  -- JSON array of strings; [] for 'text'
  answer TEXT NOT NULL,                   -- JSON: string ('single', 'text') or string[] ('multiple')
  accept TEXT NOT NULL,                   -- JSON array of other accepted answers ('text')
  explain_html TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (lesson_id, id),
  UNIQUE (lesson_id, position)
) STRICT;

CREATE TABLE faq (
  lesson_id TEXT NOT NULL REFERENCES lessons(id),
  position INTEGER NOT NULL,
  question TEXT NOT NULL,                 -- plain text
  answer_html TEXT NOT NULL,
  PRIMARY KEY (lesson_id, position)
) STRICT;

CREATE TABLE related (
  lesson_id TEXT NOT NULL REFERENCES lessons(id),
  position INTEGER NOT NULL,
  course_id TEXT NOT NULL,                -- the target's course; this course's id when local
  target_lesson_id TEXT NOT NULL,
  PRIMARY KEY (lesson_id, position)
) STRICT;

CREATE TABLE assets (
  name TEXT PRIMARY KEY NOT NULL,         -- content-addressed: <sha256 prefix>.<ext>
  mime TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
`;
