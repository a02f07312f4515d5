// Test data for the progress store: course structures, stored progress, temp folders and clocks.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import type { CourseStructure, LessonStructure } from '../course-structure.ts';
import type { StoredAnswer, StoredLessonProgress } from '../stored-progress.ts';

/** A lesson `id` with sections `<id>-s1…` and questions `<id>-q1…`. */
export function makeLesson(
  id: string,
  options: { sections?: number; questions?: number; secondsPerSection?: number } = {},
): LessonStructure {
  const { sections = 3, questions = 2, secondsPerSection = 90 } = options;
  return {
    id,
    title: `Lesson ${id}`,
    readingSeconds: sections * secondsPerSection,
    sections: Array.from({ length: sections }, (_, i) => ({
      id: `${id}-s${i + 1}`,
      readingSeconds: secondsPerSection,
    })),
    questionIds: Array.from({ length: questions }, (_, i) => `${id}-q${i + 1}`),
  };
}

/** A course `courseId` with lessons `l1…`, each made by `makeLesson`. */
export function makeCourse(
  courseId: string,
  options: { lessons?: number } & Parameters<typeof makeLesson>[1] = {},
): CourseStructure {
  const { lessons = 3, ...lessonOptions } = options;
  return {
    courseId,
    lessons: Array.from({ length: lessons }, (_, i) => makeLesson(`l${i + 1}`, lessonOptions)),
  };
}

/** Stored progress of one lesson, as the store would read it back. Times in unix ms. */
export function makeStored(
  lessonId: string,
  options: {
    courseId?: string;
    at?: number;
    /** When the lesson was last opened; defaults to `at`. */
    openedAt?: number;
    read?: string[];
    seen?: string[];
    answers?: Record<string, boolean | StoredAnswer>;
    position?: { sectionId: string; offset: number };
    secondsSpent?: number;
  } = {},
): StoredLessonProgress {
  const at = options.at ?? Date.UTC(2025, 0, 1);
  const read = options.read ?? [];
  const latestAnswers = new Map<string, StoredAnswer>();
  for (const [questionId, answer] of Object.entries(options.answers ?? {})) {
    latestAnswers.set(
      questionId,
      typeof answer === 'boolean' ? { answer: 'A', correct: answer, answeredAt: at } : answer,
    );
  }
  return {
    courseId: options.courseId ?? 'course',
    lessonId,
    firstOpenedAt: Math.min(at, options.openedAt ?? at),
    lastOpenedAt: options.openedAt ?? at,
    lastActiveAt: at,
    position: options.position ?? null,
    secondsSpent: options.secondsSpent ?? 0,
    readSectionIds: new Set(read),
    seenSectionIds: new Set([...(options.seen ?? []), ...read]),
    latestAnswers,
  };
}

/** A clock that stands still until moved, so stored times are exact. */
export function makeClock(start = '2025-03-01T10:00:00.000Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(iso: string) {
      current = new Date(iso).getTime();
    },
  };
}

/** A fresh empty folder for each test, removed afterwards; call at the top of a describe. */
export function tempDirPerTest(): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studybook-progress-'));
  });
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error('tempDirPerTest: used outside a test');
    return dir;
  };
}

/** Rows of a query against a database file, through a connection of its own. */
export function queryFile(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Every row of every table plus `user_version`: equal snapshots mean nothing was written. */
export function snapshotFile(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    return {
      userVersion: db.pragma('user_version', { simple: true }),
      tables: Object.fromEntries(
        tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw().all()]),
      ),
    };
  } finally {
    db.close();
  }
}
