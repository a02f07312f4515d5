// The stream of writes the crash test's child makes, and how the parent finds each one again.
// Every event leaves its own row, so each acknowledged write can be checked for individually.

import type { ProgressStore } from '../progress-store.ts';

/** How many event numbers each writer has to itself, from its first. */
export const EVENTS_PER_WRITER = 1_000_000;

const courseId = 'crash-course';
const lessonId = 'stream';

/** Makes write number `n` of the stream through the store's API. */
export function writeEvent(store: ProgressStore, n: number): void {
  switch (n % 4) {
    case 0:
      store.applyBatch({
        courseId,
        lessonId,
        position: { sectionId: `s-${n}`, offset: 0.5 },
        secondsSpent: 1,
        sectionsRead: [`s-${n}`],
      });
      break;
    case 1:
      store.recordAnswer({
        courseId,
        lessonId,
        questionId: `q-${n}`,
        answer: ['A'],
        correct: true,
      });
      break;
    case 2:
      store.markSectionsSeen({ courseId, lessonId, sectionIds: [`seen-${n}`] });
      break;
    default:
      store.openLesson({ courseId, lessonId: `lesson-${n}` });
  }
}

/** The SQL that lists every trace the stream can leave, one string per event, e.g. `s-8`. */
export const STORED_EVENTS_SQL = `
  SELECT section_id FROM section_progress
    WHERE course_id = '${courseId}' AND (read_at IS NOT NULL OR section_id LIKE 'seen-%')
  UNION ALL SELECT question_id FROM quiz_attempts WHERE course_id = '${courseId}'
  UNION ALL SELECT lesson_id FROM lesson_progress WHERE course_id = '${courseId}'`;

const TRACE_PREFIXES = ['s', 'q', 'seen', 'lesson'] as const;

/** The trace event `n` leaves, as listed by STORED_EVENTS_SQL. */
export function eventTrace(n: number): string {
  return `${TRACE_PREFIXES[n % TRACE_PREFIXES.length]}-${n}`;
}

/** The SQL giving the section of the stream's saved position, e.g. `s-8`. */
export const POSITION_SQL = `
  SELECT section_id FROM lesson_progress WHERE course_id = '${courseId}' AND lesson_id = '${lessonId}'`;
