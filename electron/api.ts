// THE contract between the page and the host (Electron main or the preview server): every call's
// name, the schema of its input and the type of its result. The renderer imports only types from
// here; both hosts route every call through `dispatch` (electron/dispatch.ts), which parses the
// input with the schema below before any handler runs.
import { z } from 'zod';
import { ID_PATTERN, ID_RULE } from './ids.ts';
import { UPLOAD_ID_PATTERN } from './library/pack-staging.ts';
import { MAX_SEARCH_LIMIT } from './library/search-library.ts';
import { MAX_QUERY_LENGTH } from './library/search-query.ts';
import { MAX_ANSWER_LENGTH, progressBatchInput } from './progress/progress-inputs.ts';
import { settingsChangeInput, type Settings } from './progress/settings.ts';

const idSchema = z.string().regex(ID_PATTERN, ID_RULE);

const answerSchema = z.union([
  z.string().max(MAX_ANSWER_LENGTH),
  z.array(z.string().max(MAX_ANSWER_LENGTH)).min(1).max(26),
]);

// A pack's bytes reach the host first (the preview's upload route, Electron's IPC upload, or a
// file main opened itself); calls then name the staged pack by this opaque id, never by a path.
const uploadIdSchema = z.string().regex(UPLOAD_ID_PATTERN, 'must be the id of an uploaded pack');

export type { Settings };

// A call is its input schema plus a phantom result type: one entry here is all a new call needs
// besides its handler.
interface Call<Input extends z.ZodType, Result> {
  readonly input: Input;
  readonly result?: Result;
}
function call<Result>(): <Input extends z.ZodType>(input: Input) => Call<Input, Result> {
  return (input) => ({ input });
}

export const api = {
  listCourses: call<LibraryView>()(z.object({}).strict()),
  // `ahead`: the page asks before the learner opens the lesson (it is likely next); nothing is
  // recorded until the page shows it (recordProgress with `opened`).
  openLesson: call<LessonView>()(
    z
      .object({ courseId: idSchema, lessonId: idSchema, ahead: z.literal(true).optional() })
      .strict(),
  ),
  // Answers are not part of a batch: the host grades them (answerQuestion), never the page.
  recordProgress: call<SaveReceipt>()(progressBatchInput.omit({ answers: true })),
  answerQuestion: call<AnswerView & SaveReceipt>()(
    z
      .object({
        courseId: idSchema,
        lessonId: idSchema,
        questionId: idSchema,
        answer: answerSchema,
      })
      .strict(),
  ),
  getSettings: call<Settings>()(z.object({}).strict()),
  setSettings: call<Settings & SaveReceipt>()(settingsChangeInput),
  getResume: call<ResumeView | null>()(z.object({ courseId: idSchema.optional() }).strict()),
  openExternal: call<{ opened: true }>()(
    z
      .object({
        url: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(2048),
      })
      .strict(),
  ),
  // The query is the learner's text, any characters at all: the host treats all of it as text.
  search: call<SearchView>()(
    z
      .object({
        query: z.string().max(MAX_QUERY_LENGTH),
        courseId: idSchema.optional(),
        limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
      })
      .strict(),
  ),
  // Installs an uploaded pack; an older version (or other content under the installed version)
  // comes back as 'needs-confirmation' until the page calls again with confirm: true.
  installPack: call<InstallResult>()(
    z.object({ uploadId: uploadIdSchema, confirm: z.literal(true).optional() }).strict(),
  ),
  // The learner declined to install an uploaded pack: its staged copy is deleted.
  discardPack: call<{ discarded: boolean }>()(z.object({ uploadId: uploadIdSchema }).strict()),
  removeCourse: call<RemoveCourseResult>()(
    z.object({ courseId: idSchema, eraseProgress: z.boolean() }).strict(),
  ),
} as const;

export type Api = typeof api;
export type CallName = keyof Api;
export type CallInput<Name extends CallName> = z.input<Api[Name]['input']>;
export type ParsedInput<Name extends CallName> = z.output<Api[Name]['input']>;
export type CallResult<Name extends CallName> = Exclude<Api[Name]['result'], undefined>;

/** Is `name` one of the contract's calls? (Guards lookups with names that come off the wire.) */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(api, name);
}

/** Every failure the contract reports, by code; `message` is written for the learner. */
export type ErrorCode =
  'unknown-call' | 'invalid-input' | 'not-found' | 'forbidden' | 'unavailable' | 'internal';

export interface CallError {
  code: ErrorCode;
  message: string;
  /** For 'invalid-input': where the input was wrong, one line each. */
  issues?: string[];
}

export type CallOutcome<Result> = { ok: true; value: Result } | { ok: false; error: CallError };

// ---- Results --------------------------------------------------------------------------------

export interface SaveReceipt {
  /** ISO time of the store's last durable write. */
  savedAt: string;
}

export type LessonState = 'not-started' | 'in-progress' | 'done';

export interface QuizScore {
  correct: number;
  answered: number;
  total: number;
}

export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  readingMinutes: number;
  state: LessonState;
  percent: number;
  minutesLeft: number;
  score: QuizScore;
}

export interface CourseSummary {
  id: string;
  title: string;
  description: string;
  version: string;
  lessons: LessonSummary[];
  percent: number;
  minutesLeft: number;
  lessonsDone: number;
  lessonsInProgress: number;
  lessonsNotStarted: number;
  score: QuizScore;
  lastStudiedAt: string | null;
  /** Where the learner was last in this course; null before any lesson of it was opened. */
  resume: ResumeView | null;
}

export interface LibraryView {
  courses: CourseSummary[];
  /** Packs that could not be installed: the other courses still work. */
  problems: { source: string; message: string }[];
  /** Set when the progress file was damaged and moved aside at start. */
  progressRecovery: { movedTo: string } | null;
  resume: ResumeView | null;
}

export interface ResumeView {
  courseId: string;
  courseTitle: string;
  lessonId: string;
  lessonTitle: string;
  sectionId: string | null;
  offset: number;
  at: string;
}

export interface LessonLink {
  courseId: string;
  lessonId: string;
  title: string;
  readingMinutes: number;
}

export interface SectionView {
  id: string;
  title: string;
  html: string;
  readingSeconds: number;
}

export interface QuestionView {
  id: string;
  kind: 'single' | 'multiple' | 'text';
  prompt: string;
  choices: string[];
}

export interface AnswerView {
  questionId: string;
  answer: string | string[];
  correct: boolean;
  correctAnswer: string | string[];
  explainHtml: string;
}

export interface LessonView {
  course: { id: string; title: string; contact: string | null; codeStylesheet: string };
  lesson: {
    id: string;
    title: string;
    summary: string;
    introHtml: string;
    readingMinutes: number;
    sections: SectionView[];
    questions: QuestionView[];
    faq: { question: string; answerHtml: string }[];
    previous: LessonLink | null;
    next: LessonLink | null;
    related: LessonLink[];
  };
  progress: {
    percent: number;
    minutesLeft: number;
    sectionsRead: string[];
    position: { sectionId: string; offset: number } | null;
    answers: AnswerView[];
    score: QuizScore;
  };
  savedAt: string | null;
}

/** The results of a search, best first, grouped by course in the order of each course's best result. */
export interface SearchView {
  /** The query as it was asked, so a page can tell which of its searches this answers. */
  query: string;
  /** The words searched for, for highlighting them where a result leads. */
  terms: string[];
  groups: SearchGroup[];
}

export interface SearchGroup {
  courseId: string;
  courseTitle: string;
  results: SearchResult[];
}

export interface SearchResult {
  /** Where the match is: a lesson's title or introduction, a section, a quiz question, an FAQ entry. */
  kind: 'lesson' | 'section' | 'question' | 'faq';
  courseId: string;
  lessonId: string;
  lessonTitle: string;
  /** The section to open, or null for the lesson itself. */
  sectionId: string | null;
  sectionTitle: string | null;
  snippet: SearchSnippet;
}

/** Plain text around the matches; never markup. */
export interface SearchSnippet {
  text: string;
  /** [start, end) of each match in `text`, in UTF-16 code units, in order, not overlapping. */
  highlights: [start: number, end: number][];
}

/** What installing an uploaded pack came to. */
export interface InstallResult {
  /**
   * installed: a new course; updated: another version was replaced (progress kept); unchanged:
   * exactly this content was installed already; needs-confirmation: nothing changed yet (see reason).
   */
  status: 'installed' | 'updated' | 'unchanged' | 'needs-confirmation';
  course: { id: string; title: string; version: string };
  /** The version installed before, or null for a new course. */
  previousVersion: string | null;
  /** Why confirmation is needed: the pack is older, or the same version with other content. */
  reason: 'older' | 'same-version' | null;
  /** One or two sentences for the learner (for needs-confirmation, the question to ask). */
  message: string;
}

export interface RemoveCourseResult {
  courseId: string;
  progressErased: boolean;
}
