-- A progress file as Studybook's schema version 1 wrote it, frozen: a later schema must open it
-- with every row intact. Never regenerate this from the current code.
PRAGMA user_version = 1;

CREATE TABLE lesson_progress (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  first_opened_at INTEGER NOT NULL,
  last_opened_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL,
  section_id TEXT,
  section_offset REAL NOT NULL DEFAULT 0,
  seconds_spent REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (course_id, lesson_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE section_progress (
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  section_id TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  read_at INTEGER,
  PRIMARY KEY (course_id, lesson_id, section_id),
  FOREIGN KEY (course_id, lesson_id) REFERENCES lesson_progress (course_id, lesson_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE quiz_attempts (
  id INTEGER PRIMARY KEY,
  course_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at INTEGER NOT NULL,
  FOREIGN KEY (course_id, lesson_id) REFERENCES lesson_progress (course_id, lesson_id)
) STRICT;
CREATE INDEX quiz_attempts_by_question ON quiz_attempts (course_id, lesson_id, question_id);

CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT, WITHOUT ROWID;

CREATE TABLE store_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_saved_at INTEGER NOT NULL
) STRICT;

-- 2025-01-10T09:00:00Z = 1736499600000
INSERT INTO lesson_progress VALUES
  ('algebra', 'l1', 1736499600000, 1736503200000, 1736503260000, 'l1-s2', 0.5, 312.5),
  ('algebra', 'l2', 1736503300000, 1736503300000, 1736503300000, NULL, 0, 0);
INSERT INTO section_progress VALUES
  ('algebra', 'l1', 'l1-s1', 1736499600000, 1736499700000),
  ('algebra', 'l1', 'l1-s2', 1736499700000, NULL),
  ('algebra', 'l1', 'retired-section', 1736499600000, 1736499650000);
INSERT INTO quiz_attempts (course_id, lesson_id, question_id, answer, correct, answered_at) VALUES
  ('algebra', 'l1', 'l1-q1', '["B"]', 0, 1736503000000),
  ('algebra', 'l1', 'l1-q1', '["A","C"]', 1, 1736503100000);
INSERT INTO settings VALUES ('theme', '"dark"');
INSERT INTO store_state VALUES (1, 1736503300000);
