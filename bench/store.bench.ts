// npm run bench:store — what the progress store's API costs over raw better-sqlite3, and how long
// a large course's progress takes to compute. Last line: one JSON summary.
//
// Writes: the page's once-a-second call (position, reading time, one section read) through
// `applyBatch`, against the same two inserts as one transaction of raw prepared statements, both
// on WAL + synchronous=FULL files in the same folder. Blocks of the two alternate, so whatever
// else the machine is doing weighs on both alike.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CourseStructure } from '../electron/progress/course-structure.ts';
import { migrate } from '../electron/progress/migrations.ts';
import { openProgressStore } from '../electron/progress/open-progress-store.ts';
import type { ProgressStore } from '../electron/progress/progress-store.ts';

const WRITES = 10_000;
const BLOCK = 500;
const WARM_UP_WRITES = 200;
const COURSE_LESSONS = 200;
const SECTIONS_PER_LESSON = 8;
const QUESTIONS_PER_LESSON = 3;
const QUERY_RUNS = 500;

const GOAL_RATIO = 1.5;
const GOAL_COURSE_PROGRESS_MS = 2;

const courseId = 'bench-course';
const lessonId = 'bench-lesson';

function openRaw(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const upsertLesson = db.prepare(`
    INSERT INTO lesson_progress (course_id, lesson_id, first_opened_at, last_opened_at,
                                 last_active_at, section_id, section_offset, seconds_spent)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET
      last_active_at = excluded.last_active_at,
      section_id = excluded.section_id,
      section_offset = excluded.section_offset,
      seconds_spent = seconds_spent + excluded.seconds_spent`);
  const readSection = db.prepare(`
    INSERT INTO section_progress (course_id, lesson_id, section_id, first_seen_at, read_at)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET read_at = excluded.read_at WHERE read_at IS NULL`);
  const write = db.transaction((n: number) => {
    const at = Date.now();
    const sectionId = sectionIdFor(n);
    upsertLesson.run(courseId, lessonId, at, at, at, sectionId, 0.5, 1);
    readSection.run(courseId, lessonId, sectionId, at, at);
  }).immediate;
  return { write, close: () => db.close() };
}

function apiWrite(store: ProgressStore, n: number): void {
  const sectionId = sectionIdFor(n);
  store.applyBatch({
    courseId,
    lessonId,
    position: { sectionId, offset: 0.5 },
    secondsSpent: 1,
    sectionsRead: [sectionId],
  });
}

/** Section ids for write `n`; warm-up writes count down from -1 and must still be valid ids. */
function sectionIdFor(n: number): string {
  return n < 0 ? `warm-up-${-n}` : `s-${n}`;
}

function timeBlock(write: (n: number) => void, first: number, count: number): number {
  const start = performance.now();
  for (let n = first; n < first + count; n += 1) write(n);
  return performance.now() - start;
}

function benchWrites(dir: string): { apiMs: number; rawMs: number } {
  const { store } = openProgressStore({ dataDir: path.join(dir, 'api') });
  const raw = openRaw(path.join(dir, 'raw.sqlite'));
  const api = (n: number) => apiWrite(store, n);
  try {
    timeBlock(api, -WARM_UP_WRITES, WARM_UP_WRITES);
    timeBlock(raw.write, -WARM_UP_WRITES, WARM_UP_WRITES);
    let apiMs = 0;
    let rawMs = 0;
    for (let first = 0, block = 0; first < WRITES; first += BLOCK, block += 1) {
      const count = Math.min(BLOCK, WRITES - first);
      // Alternate which goes first, so neither always follows the other's checkpoint.
      if (block % 2 === 0) {
        apiMs += timeBlock(api, first, count);
        rawMs += timeBlock(raw.write, first, count);
      } else {
        rawMs += timeBlock(raw.write, first, count);
        apiMs += timeBlock(api, first, count);
      }
    }
    return { apiMs, rawMs };
  } finally {
    store.close();
    raw.close();
  }
}

/** A 200-lesson course, with about two thirds of it studied in varying depth. */
function benchCourseProgress(dir: string): number {
  const course: CourseStructure = {
    courseId,
    lessons: Array.from({ length: COURSE_LESSONS }, (_, l) => ({
      id: `lesson-${l}`,
      title: `Lesson ${l}`,
      readingSeconds: SECTIONS_PER_LESSON * 120,
      sections: Array.from({ length: SECTIONS_PER_LESSON }, (_, s) => ({
        id: `section-${s}`,
        readingSeconds: 60 + ((l * 7 + s * 13) % 120),
      })),
      questionIds: Array.from({ length: QUESTIONS_PER_LESSON }, (_, q) => `question-${q}`),
    })),
  };
  const { store } = openProgressStore({ dataDir: path.join(dir, 'course') });
  try {
    course.lessons.forEach((lesson, l) => {
      if (l % 3 === 2) return;
      const depth = l % 9;
      store.applyBatch({
        courseId,
        lessonId: lesson.id,
        position: { sectionId: `section-${depth % SECTIONS_PER_LESSON}`, offset: 0.3 },
        sectionsSeen: lesson.sections.map((section) => section.id),
        sectionsRead: lesson.sections.slice(0, depth).map((section) => section.id),
        answers: lesson.questionIds.flatMap((questionId, q) =>
          q < depth / 3
            ? [
                { questionId, answer: 'B', correct: false },
                { questionId, answer: ['A', 'C'], correct: true },
              ]
            : [],
        ),
      });
    });

    for (let run = 0; run < 50; run += 1) store.courseProgress(course);
    const times: number[] = [];
    for (let run = 0; run < QUERY_RUNS; run += 1) {
      const start = performance.now();
      store.courseProgress(course);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? NaN;
  } finally {
    store.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studybook-store-bench-'));
try {
  const { apiMs, rawMs } = benchWrites(dir);
  const ratio = apiMs / rawMs;
  const courseProgressMs = benchCourseProgress(dir);
  const verdict = (met: boolean) => (met ? 'goal met' : 'GOAL MISSED');

  console.log(`progress writes, ${WRITES} each, interleaved in blocks of ${BLOCK}`);
  console.log(
    `  API applyBatch   ${apiMs.toFixed(1)} ms  (${((apiMs / WRITES) * 1000).toFixed(1)} µs/write)`,
  );
  console.log(
    `  raw statements   ${rawMs.toFixed(1)} ms  (${((rawMs / WRITES) * 1000).toFixed(1)} µs/write)`,
  );
  console.log(
    `  ratio            ${ratio.toFixed(3)}x  (goal ≤ ${GOAL_RATIO}x: ${verdict(ratio <= GOAL_RATIO)})`,
  );
  console.log(
    `course progress, ${COURSE_LESSONS} lessons: median ${courseProgressMs.toFixed(3)} ms over ` +
      `${QUERY_RUNS} runs (goal < ${GOAL_COURSE_PROGRESS_MS} ms: ` +
      `${verdict(courseProgressMs < GOAL_COURSE_PROGRESS_MS)})`,
  );
  console.log(
    JSON.stringify({
      bench: 'store',
      writes: WRITES,
      api_ms: Number(apiMs.toFixed(1)),
      raw_ms: Number(rawMs.toFixed(1)),
      ratio: Number(ratio.toFixed(3)),
      course_progress_ms: Number(courseProgressMs.toFixed(3)),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
