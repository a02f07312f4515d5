// The rows of a course pack (format 1), as schemas: what every row of every table must hold
// before any of it reaches the library. Messages name the field; check-pack.ts names the row.
import { z } from 'zod';
import { ID_PATTERN } from '../ids.ts';
import { isCourseVersion } from './course-version.ts';

const id = z.string().regex(ID_PATTERN, 'is not a valid id');
const position = z.int().min(0).max(1_000_000);
const seconds = z.int().min(0).max(10_000_000);
const title = z.string().min(1, 'is empty').max(2_000, 'is longer than 2,000 characters');
const text = z.string();

/** The one row of `course`. */
export const courseRow = z.object({
  id,
  title,
  description: z.string().max(10_000, 'is longer than 10,000 characters'),
  version: z.string().refine(isCourseVersion, 'is not a semantic version such as 1.0.0'),
  contact: z.string().max(2_000, 'is longer than 2,000 characters').nullable(),
  content_hash: z.string().regex(/^[0-9a-f]{64}$/, 'is not a sha256 digest'),
  code_css: z.string().max(4_000_000, 'is larger than 4 MB'),
  built_at: z.iso.datetime({ error: 'is not an ISO 8601 time' }),
});
export type PackCourseRow = z.output<typeof courseRow>;

export const lessonRow = z.object({
  position,
  id,
  title,
  summary: z.string().max(10_000, 'is longer than 10,000 characters'),
  source_file: z.string().min(1, 'is empty').max(1_000, 'is longer than 1,000 characters'),
  intro_html: text,
  reading_seconds: seconds,
});

export const sectionRow = z.object({
  lesson_id: id,
  position,
  id,
  title,
  html: text,
  text,
  reading_seconds: seconds,
});

const jsonText = <Schema extends z.ZodType>(schema: Schema) =>
  z.string().transform((value, context) => {
    try {
      const parsed = schema.safeParse(JSON.parse(value));
      if (parsed.success) return parsed.data as z.output<Schema>;
    } catch {
      // reported below
    }
    context.addIssue({ code: 'custom', message: 'is not the JSON it should be' });
    return z.NEVER;
  });

const answerText = z.string().min(1).max(10_000);
const choiceList = z.array(answerText).max(26);

export const questionRow = z
  .object({
    lesson_id: id,
    position,
    id,
    kind: z.enum(['single', 'multiple', 'text']),
    prompt: z.string().min(1, 'is empty').max(10_000, 'is longer than 10,000 characters'),
    choices: jsonText(choiceList),
    answer: jsonText(z.union([answerText, z.array(answerText).min(1).max(26)])),
    accept: jsonText(z.array(answerText).max(100)),
    explain_html: text,
  })
  .superRefine((row, context) => {
    const problem = questionProblem(row.kind, row.choices, row.answer, row.accept);
    if (problem) context.addIssue({ code: 'custom', path: ['answer'], message: problem });
  });

export const faqRow = z.object({
  lesson_id: id,
  position,
  question: z.string().min(1, 'is empty').max(10_000, 'is longer than 10,000 characters'),
  answer_html: text,
});

export const relatedRow = z.object({
  lesson_id: id,
  position,
  course_id: id,
  target_lesson_id: id,
});

/** The image types a pack may hold, by MIME type, with their file extension. */
export const ASSET_TYPES: ReadonlyMap<string, string> = new Map([
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/gif', 'gif'],
  ['image/webp', 'webp'],
  ['image/svg+xml', 'svg'],
]);

/** An asset's name and type, before its bytes are read. */
export const assetHeadRow = z.object({
  name: z.string().regex(/^[0-9a-f]{16}\.[a-z]{1,5}$/, 'is not a content-addressed file name'),
  mime: z.string().max(100),
  size: z.int().min(0),
});

/** Why a question's answer does not fit its kind, or null. Pure. */
function questionProblem(
  kind: 'single' | 'multiple' | 'text',
  choices: string[],
  answer: string | string[],
  accept: string[],
): string | null {
  if (kind === 'text') {
    if (choices.length > 0) return 'a short-answer question has choices';
    return typeof answer === 'string' ? null : 'a short-answer question has a list of answers';
  }
  if (accept.length > 0) return 'a question with choices has other accepted answers';
  if (choices.length < 2) return 'a question with choices has fewer than two';
  if (new Set(choices).size !== choices.length) return 'a question has the same choice twice';
  if (kind === 'single') {
    if (typeof answer !== 'string') return 'a single-choice question has a list of answers';
    return choices.includes(answer) ? null : 'the answer is not one of the choices';
  }
  if (!Array.isArray(answer)) return 'a select-all question has a single answer';
  return answer.every((item) => choices.includes(item))
    ? null
    : 'an answer is not one of the choices';
}

/** The first issue of a failed parse, as "field: message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
  return `${where}${issue.message}`;
}
