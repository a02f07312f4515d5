// The progress store's typed API: the writes the page makes while the learner studies, and the
// reads that turn stored progress into what the page shows. Open one with `openProgressStore`.
//
// Every write is parsed first (a bad input throws before any SQL runs), then runs as one IMMEDIATE
// transaction that also records "last saved at"; it returns once SQLite has committed, which with
// WAL and synchronous=FULL means the write is on disk.

import type { Database } from 'better-sqlite3';
import type { CourseStructure, LessonStructure } from './course-structure.ts';
import { courseProgress } from './course-progress.ts';
import type { CourseProgress } from './course-progress.ts';
import { lessonProgress } from './lesson-progress.ts';
import type { LessonProgress } from './lesson-progress.ts';
import {
  eraseCourseInput,
  markSectionsInput,
  openLessonInput,
  parseInput,
  progressBatchInput,
  recordAnswerInput,
  recordPositionInput,
} from './progress-inputs.ts';
import type {
  LessonKey,
  MarkSectionsInput,
  ParsedProgressBatch,
  ProgressBatch,
  RecordAnswerInput,
  RecordPositionInput,
} from './progress-inputs.ts';
import { resumePoint } from './resume.ts';
import type { ResumePoint } from './resume.ts';
import { decodeSettings, encodeSetting } from './settings.ts';
import type { SettingKey, Settings, StoredSetting } from './settings.ts';
import type { StoredAnswer, StoredLesson } from './stored-progress.ts';

/** What a successful write returns: when it was saved (ISO 8601), for "Saved just now". */
export type SaveReceipt = { savedAt: string };

type LessonRow = {
  courseId: string;
  lessonId: string;
  firstOpenedAt: number;
  lastOpenedAt: number;
  lastActiveAt: number;
  sectionId: string | null;
  sectionOffset: number;
  secondsSpent: number;
};
type SectionRow = { sectionId: string; isRead: 0 | 1 };
type ReadSectionRow = { lessonId: string; sectionId: string };
type AnswerRow = { questionId: string; answer: string; correct: 0 | 1; answeredAt: number };
type CorrectnessRow = { lessonId: string; questionId: string; correct: 0 | 1 };
type LessonScope = [courseId: string, lessonId: string];
type MutableCompletion = StoredLesson & {
  readSectionIds: Set<string>;
  latestAnswers: Map<string, { correct: boolean }>;
};

const LESSON_SELECT = `
  SELECT course_id AS courseId, lesson_id AS lessonId, first_opened_at AS firstOpenedAt,
         last_opened_at AS lastOpenedAt, last_active_at AS lastActiveAt, section_id AS sectionId,
         section_offset AS sectionOffset, seconds_spent AS secondsSpent
  FROM lesson_progress WHERE course_id = ?`;

function prepareStatements(db: Database) {
  return {
    touchLesson: db.prepare(`
      INSERT INTO lesson_progress (course_id, lesson_id, first_opened_at, last_opened_at,
                                   last_active_at, section_id, section_offset, seconds_spent)
      VALUES (@courseId, @lessonId, @at, @at, @at, @sectionId, @offset, @seconds)
      ON CONFLICT DO UPDATE SET
        last_active_at = excluded.last_active_at,
        section_id = coalesce(excluded.section_id, section_id),
        section_offset = iif(excluded.section_id IS NULL, section_offset, excluded.section_offset),
        seconds_spent = seconds_spent + excluded.seconds_spent`),
    openLesson: db.prepare(`
      INSERT INTO lesson_progress (course_id, lesson_id, first_opened_at, last_opened_at,
                                   last_active_at)
      VALUES (@courseId, @lessonId, @at, @at, @at)
      ON CONFLICT DO UPDATE SET
        last_opened_at = excluded.last_opened_at,
        last_active_at = excluded.last_active_at`),
    seeSection: db.prepare(`
      INSERT INTO section_progress (course_id, lesson_id, section_id, first_seen_at)
      VALUES (@courseId, @lessonId, @sectionId, @at)
      ON CONFLICT DO NOTHING`),
    readSection: db.prepare(`
      INSERT INTO section_progress (course_id, lesson_id, section_id, first_seen_at, read_at)
      VALUES (@courseId, @lessonId, @sectionId, @at, @at)
      ON CONFLICT DO UPDATE SET read_at = excluded.read_at WHERE read_at IS NULL`),
    insertAnswer: db.prepare(`
      INSERT INTO quiz_attempts (course_id, lesson_id, question_id, answer, correct, answered_at)
      VALUES (@courseId, @lessonId, @questionId, @answer, @correct, @at)`),
    saveSetting: db.prepare(`
      INSERT INTO settings (key, value) VALUES (@key, @value)
      ON CONFLICT DO UPDATE SET value = excluded.value`),
    markSaved: db.prepare(`
      INSERT INTO store_state (id, last_saved_at) VALUES (1, ?)
      ON CONFLICT DO UPDATE SET last_saved_at = excluded.last_saved_at`),
    lastSaved: db.prepare<[], number>('SELECT last_saved_at FROM store_state').pluck(),
    // Children first: sections and attempts reference their lesson's row.
    eraseCourseAttempts: db.prepare('DELETE FROM quiz_attempts WHERE course_id = ?'),
    eraseCourseSections: db.prepare('DELETE FROM section_progress WHERE course_id = ?'),
    eraseCourseLessons: db.prepare('DELETE FROM lesson_progress WHERE course_id = ?'),
    settings: db.prepare<[], StoredSetting>('SELECT key, value FROM settings'),
    courseLessons: db.prepare<[string], LessonRow>(LESSON_SELECT),
    lesson: db.prepare<LessonScope, LessonRow>(`${LESSON_SELECT} AND lesson_id = ?`),
    lessonSections: db.prepare<LessonScope, SectionRow>(`
      SELECT section_id AS sectionId, read_at IS NOT NULL AS isRead
      FROM section_progress WHERE course_id = ? AND lesson_id = ?`),
    // SQLite takes the bare columns of a max() aggregate from the row holding the maximum: each
    // question's latest attempt in one indexed pass.
    lessonAnswers: db.prepare<LessonScope, AnswerRow>(`
      SELECT question_id AS questionId, answer, correct, answered_at AS answeredAt, max(id)
      FROM quiz_attempts WHERE course_id = ? AND lesson_id = ?
      GROUP BY question_id`),
    // A course's progress reads only what completion depends on: most of its cost is per row.
    courseReadSections: db.prepare<[string], ReadSectionRow>(`
      SELECT lesson_id AS lessonId, section_id AS sectionId
      FROM section_progress WHERE course_id = ? AND read_at IS NOT NULL`),
    courseCorrectness: db.prepare<[string], CorrectnessRow>(`
      SELECT lesson_id AS lessonId, question_id AS questionId, correct, max(id)
      FROM quiz_attempts WHERE course_id = ?
      GROUP BY lesson_id, question_id`),
  };
}

/** A learner's progress in one `progress.sqlite`. Not safe to share across threads. */
export class ProgressStore {
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #sql: ReturnType<typeof prepareStatements>;
  readonly #inTransaction: (write: (at: number) => void, at: number) => void;

  /** Wraps an open, migrated connection; use `openProgressStore` rather than calling this. */
  constructor(db: Database, now: () => Date) {
    this.#db = db;
    this.#now = now;
    this.#sql = prepareStatements(db);
    this.#inTransaction = db.transaction((write: (at: number) => void, at: number) => {
      write(at);
      this.#sql.markSaved.run(at);
    }).immediate;
  }

  /** Records that the learner opened a lesson (first and last opened). Throws ProgressInputError. */
  openLesson(input: LessonKey): SaveReceipt {
    const key = parseInput('openLesson', openLessonInput, input);
    return this.#save((at) => this.#sql.openLesson.run({ ...key, at }));
  }

  /**
   * Records where the learner is: a section and how far into it (0-1, a fraction of its height),
   * plus reading time since the last write (capped per call). Throws ProgressInputError.
   */
  recordPosition(input: RecordPositionInput): SaveReceipt {
    const { sectionId, offset, ...rest } = parseInput('recordPosition', recordPositionInput, input);
    return this.#saveBatch({ ...rest, position: { sectionId, offset } });
  }

  /** Records sections scrolled into view, all in one transaction. Throws ProgressInputError. */
  markSectionsSeen(input: MarkSectionsInput): SaveReceipt {
    const { sectionIds, ...key } = parseInput('markSectionsSeen', markSectionsInput, input);
    return this.#saveBatch({ ...key, sectionsSeen: sectionIds });
  }

  /**
   * Records sections as read, all in one transaction. A section's first read time is kept; reading
   * it again changes nothing. Throws ProgressInputError.
   */
  markSectionsRead(input: MarkSectionsInput): SaveReceipt {
    const { sectionIds, ...key } = parseInput('markSectionsRead', markSectionsInput, input);
    return this.#saveBatch({ ...key, sectionsRead: sectionIds });
  }

  /** Keeps one quiz attempt; the latest per question is the one shown. Throws ProgressInputError. */
  recordAnswer(input: RecordAnswerInput): SaveReceipt {
    const { questionId, answer, correct, ...key } = parseInput(
      'recordAnswer',
      recordAnswerInput,
      input,
    );
    return this.#saveBatch({ ...key, answers: [{ questionId, answer, correct }] });
  }

  /**
   * Saves everything the page gathered in one lesson since its last write (position, reading time,
   * sections seen and read, answers) as one transaction: all of it or, on a bad input
   * (ProgressInputError), none of it.
   */
  applyBatch(input: ProgressBatch): SaveReceipt {
    return this.#saveBatch(parseInput('applyBatch', progressBatchInput, input));
  }

  /**
   * Erases everything the learner did in course `courseId` (lessons opened, sections read, quiz
   * answers), all in one transaction; the learner asked for it when removing the course. Settings
   * are not per course and stay. Throws ProgressInputError for a malformed id.
   */
  eraseCourse(courseId: string): SaveReceipt & { lessonsErased: number } {
    const input = parseInput('eraseCourse', eraseCourseInput, { courseId });
    let lessonsErased = 0;
    const receipt = this.#save(() => {
      this.#sql.eraseCourseAttempts.run(input.courseId);
      this.#sql.eraseCourseSections.run(input.courseId);
      lessonsErased = this.#sql.eraseCourseLessons.run(input.courseId).changes;
    });
    return { ...receipt, lessonsErased };
  }

  /** Changes one setting; throws ProgressInputError for an unknown key or a bad value. */
  setSetting<K extends SettingKey>(key: K, value: Settings[K]): SaveReceipt {
    const setting = encodeSetting(key, value);
    return this.#save(() => this.#sql.saveSetting.run(setting));
  }

  /** Every setting, defaults for those never changed. */
  settings(): Settings {
    return decodeSettings(this.#sql.settings.all());
  }

  /** When the last write was saved (ISO 8601), or null if nothing was ever saved. */
  lastSavedAt(): string | null {
    const at = this.#sql.lastSaved.get();
    return at === undefined ? null : new Date(at).toISOString();
  }

  /** A lesson's progress, measured against its current structure, with its latest answers. */
  lessonProgress(courseId: string, lesson: LessonStructure): LessonProgress {
    const scope: LessonScope = [courseId, lesson.id];
    const row = this.#sql.lesson.get(...scope);
    if (row === undefined) return lessonProgress(lesson, undefined);

    const readSectionIds = new Set<string>();
    const seenSectionIds = new Set<string>();
    for (const { sectionId, isRead } of this.#sql.lessonSections.all(...scope)) {
      seenSectionIds.add(sectionId);
      if (isRead) readSectionIds.add(sectionId);
    }
    const latestAnswers = new Map<string, StoredAnswer>();
    for (const { questionId, answer, correct, answeredAt } of this.#sql.lessonAnswers.all(
      ...scope,
    )) {
      latestAnswers.set(questionId, {
        answer: JSON.parse(answer) as StoredAnswer['answer'],
        correct: correct === 1,
        answeredAt,
      });
    }
    return lessonProgress(lesson, {
      ...toStoredLesson(row),
      readSectionIds,
      seenSectionIds,
      latestAnswers,
    });
  }

  /** A course's progress, measured against its current structure. */
  courseProgress(course: CourseStructure): CourseProgress {
    const { courseId } = course;
    const completions = new Map<string, MutableCompletion>();
    for (const row of this.#sql.courseLessons.all(courseId)) {
      completions.set(row.lessonId, {
        ...toStoredLesson(row),
        readSectionIds: new Set(),
        latestAnswers: new Map(),
      });
    }
    // Every section and attempt row has its lesson row (a foreign key), so none is dropped here.
    for (const { lessonId, sectionId } of this.#sql.courseReadSections.all(courseId)) {
      completions.get(lessonId)?.readSectionIds.add(sectionId);
    }
    for (const { lessonId, questionId, correct } of this.#sql.courseCorrectness.all(courseId)) {
      completions.get(lessonId)?.latestAnswers.set(questionId, { correct: correct === 1 });
    }
    return courseProgress(course, completions);
  }

  /**
   * Where to pick up among `courses`: pass one course for its own resume point, or every
   * installed course for the overall one. Null if none of their lessons was ever opened.
   */
  resume(courses: readonly CourseStructure[]): ResumePoint | null {
    const rows = courses.flatMap((course) =>
      this.#sql.courseLessons.all(course.courseId).map(toStoredLesson),
    );
    return resumePoint(courses, rows);
  }

  /** Closes the file; the store cannot be used afterwards. */
  close(): void {
    this.#db.close();
  }

  #saveBatch(batch: ParsedProgressBatch): SaveReceipt {
    return this.#save((at) => {
      const key = { courseId: batch.courseId, lessonId: batch.lessonId, at };
      if (batch.opened) this.#sql.openLesson.run(key);
      // Every write touches its lesson's row first: it is the parent the other rows reference,
      // and its activity time is what resume and "last studied" go by.
      this.#sql.touchLesson.run({
        ...key,
        sectionId: batch.position?.sectionId ?? null,
        offset: batch.position?.offset ?? 0,
        seconds: batch.secondsSpent ?? 0,
      });
      for (const sectionId of batch.sectionsSeen ?? []) {
        this.#sql.seeSection.run({ ...key, sectionId });
      }
      for (const sectionId of batch.sectionsRead ?? []) {
        this.#sql.readSection.run({ ...key, sectionId });
      }
      for (const { questionId, answer, correct } of batch.answers ?? []) {
        this.#sql.insertAnswer.run({
          ...key,
          questionId,
          answer: JSON.stringify(answer),
          correct: correct ? 1 : 0,
        });
      }
    });
  }

  #save(write: (at: number) => void): SaveReceipt {
    const at = this.#now().getTime();
    this.#inTransaction(write, at);
    return { savedAt: new Date(at).toISOString() };
  }
}

function toStoredLesson(row: LessonRow): StoredLesson {
  return {
    courseId: row.courseId,
    lessonId: row.lessonId,
    firstOpenedAt: row.firstOpenedAt,
    lastOpenedAt: row.lastOpenedAt,
    lastActiveAt: row.lastActiveAt,
    position:
      row.sectionId === null ? null : { sectionId: row.sectionId, offset: row.sectionOffset },
    secondsSpent: row.secondsSpent,
  };
}
