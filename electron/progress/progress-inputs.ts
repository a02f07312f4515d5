// The shapes every progress write accepts. Inputs arrive from the page through the contract, so
// each is parsed here before anything touches the database: a malformed write is refused whole.

import { z } from 'zod';
import { ID_PATTERN, ID_RULE } from '../ids.ts';
import { ProgressInputError } from './errors.ts';

/** Longest text answer kept, in UTF-16 code units; quiz answers are a phrase, not an essay. */
export const MAX_ANSWER_LENGTH = 2_000;

/**
 * Most reading time one write may add. The page writes about once a second, so a larger delta
 * means the laptop slept or the window sat hidden: credit a minute, not the hours it was away.
 */
export const MAX_SECONDS_PER_WRITE = 60;

const MAX_IDS_PER_WRITE = 1_000;
const MAX_CHOICES_PER_ANSWER = 64;
const MAX_ANSWERS_PER_BATCH = 100;

const id = z.string().regex(ID_PATTERN, ID_RULE);

/** How far into the section the learner was: a fraction of its height, so text size can change. */
const offset = z.number().min(0).max(1);

const secondsSpent = z
  .number()
  .min(0)
  .transform((seconds) => Math.min(seconds, MAX_SECONDS_PER_WRITE));

const sectionIds = z.array(id).max(MAX_IDS_PER_WRITE);

const answer = z.union(
  [
    z.string().max(MAX_ANSWER_LENGTH),
    z.array(z.string().max(MAX_ANSWER_LENGTH)).max(MAX_CHOICES_PER_ANSWER),
  ],
  {
    error: `must be a text of at most ${MAX_ANSWER_LENGTH} characters, or a list of at most ${MAX_CHOICES_PER_ANSWER} such texts`,
  },
);

const answerEvent = z.strictObject({ questionId: id, answer, correct: z.boolean() });

const lessonKey = { courseId: id, lessonId: id };

/** Input of `eraseCourse`: which course. */
export const eraseCourseInput = z.strictObject({ courseId: id });

/** Input of `openLesson`: which lesson. */
export const openLessonInput = z.strictObject(lessonKey);

/** Input of `recordPosition`: a section, the offset into it, and optional reading time. */
export const recordPositionInput = z.strictObject({
  ...lessonKey,
  sectionId: id,
  offset,
  secondsSpent: secondsSpent.optional(),
});

/** Input of `markSectionsSeen` and `markSectionsRead`: up to 1,000 section ids of one lesson. */
export const markSectionsInput = z.strictObject({ ...lessonKey, sectionIds });

/** Input of `recordAnswer`: a question, the answer given, and whether it was right. */
export const recordAnswerInput = z.strictObject({ ...lessonKey, ...answerEvent.shape });

/** Input of `applyBatch`: a lesson and any of the events the other writes take. */
export const progressBatchInput = z.strictObject({
  ...lessonKey,
  /** The page shows the lesson now, having fetched it ahead: record it as opened. */
  opened: z.literal(true).optional(),
  position: z.strictObject({ sectionId: id, offset }).optional(),
  secondsSpent: secondsSpent.optional(),
  sectionsSeen: sectionIds.optional(),
  sectionsRead: sectionIds.optional(),
  answers: z.array(answerEvent).max(MAX_ANSWERS_PER_BATCH).optional(),
});

/** Which lesson a write is about. */
export type LessonKey = z.infer<typeof openLessonInput>;
/** Where the learner is in a lesson, with the reading time since the last write. */
export type RecordPositionInput = z.input<typeof recordPositionInput>;
/** A batch of section ids of one lesson, seen or read together. */
export type MarkSectionsInput = z.input<typeof markSectionsInput>;
/** One quiz answer: choice text(s) or a typed answer, and whether it was right. */
export type RecordAnswerInput = z.input<typeof recordAnswerInput>;
/** Everything the page gathered for one lesson since its last write, saved as one transaction. */
export type ProgressBatch = z.input<typeof progressBatchInput>;
/** A batch after parsing: ids checked, reading time capped. */
export type ParsedProgressBatch = z.output<typeof progressBatchInput>;

/** Parses `input` with `schema`; throws ProgressInputError naming `operation` and every issue. */
export function parseInput<S extends z.ZodType>(
  operation: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ProgressInputError(
    operation,
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}
