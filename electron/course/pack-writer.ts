// Writes a compiled course as a `.studypack`: all of it or nothing, never a half-written file.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CompiledCourse } from './model.ts';
import { PACK_APPLICATION_ID, PACK_FORMAT_VERSION, PACK_SCHEMA_SQL } from './pack-format.ts';
import { syncDirectory, syncFile } from '../sync-to-disk.ts';

/**
 * Writes `course` to `outFile` atomically: a temporary file in the same folder, filled in one
 * transaction, flushed to disk, then renamed over `outFile`. Throws the file system's or SQLite's
 * error when it cannot write; `outFile` is then left as it was.
 */
export function writePack(course: CompiledCourse, outFile: string): void {
  const target = path.resolve(outFile);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const db = new Database(temporary);
    try {
      // The rename is what makes the pack appear atomically, so SQLite's own journal and syncs
      // would only slow the write down; the file is synced once, below, before the rename.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.transaction(() => fillPack(db, course))();
    } finally {
      db.close();
    }
    syncFile(temporary);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(target));
}

function fillPack(db: Database.Database, course: CompiledCourse): void {
  db.pragma(`application_id = ${PACK_APPLICATION_ID}`);
  db.pragma(`user_version = ${PACK_FORMAT_VERSION}`);
  db.exec(PACK_SCHEMA_SQL);
  db.prepare(
    `INSERT INTO course (id, title, description, version, contact, content_hash, code_css, built_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    course.id,
    course.title,
    course.description,
    course.version,
    course.contact,
    course.contentHash,
    course.codeCss,
    new Date().toISOString(),
  );
  const insertLesson = db.prepare(
    `INSERT INTO lessons (position, id, title, summary, source_file, intro_html, reading_seconds)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSection = db.prepare(
    `INSERT INTO sections (lesson_id, position, id, title, html, text, reading_seconds)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertQuestion = db.prepare(
    `INSERT INTO questions (lesson_id, position, id, kind, prompt, choices, answer, accept, explain_html)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFaq = db.prepare(
    'INSERT INTO faq (lesson_id, position, question, answer_html) VALUES (?, ?, ?, ?)',
  );
  const insertRelated = db.prepare(
    'INSERT INTO related (lesson_id, position, course_id, target_lesson_id) VALUES (?, ?, ?, ?)',
  );
  const insertAsset = db.prepare('INSERT INTO assets (name, mime, data) VALUES (?, ?, ?)');

  course.lessons.forEach((lesson, position) => {
    insertLesson.run(
      position,
      lesson.id,
      lesson.title,
      lesson.summary,
      lesson.sourceFile,
      lesson.introHtml,
      lesson.readingSeconds,
    );
    lesson.sections.forEach((section, index) => {
      insertSection.run(
        lesson.id,
        index,
        section.id,
        section.title,
        section.html,
        section.text,
        section.readingSeconds,
      );
    });
    lesson.questions.forEach((question, index) => {
      insertQuestion.run(
        lesson.id,
        index,
        question.id,
        question.kind,
        question.prompt,
        JSON.stringify(question.kind === 'text' ? [] : question.choices),
        JSON.stringify(question.answer),
        JSON.stringify(question.kind === 'text' ? question.accept : []),
        question.explainHtml,
      );
    });
    lesson.faq.forEach((entry, index) => {
      insertFaq.run(lesson.id, index, entry.question, entry.answerHtml);
    });
    lesson.related.forEach((entry, index) => {
      insertRelated.run(lesson.id, index, entry.courseId, entry.lessonId);
    });
  });
  for (const asset of course.assets) insertAsset.run(asset.name, asset.mime, asset.data);
}
