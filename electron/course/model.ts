// The compiled course in memory. It mirrors the pack's tables (pack-format.ts), so writing a pack
// is a plain copy, and the preview host can serve a course without writing one.
import type { ImageAsset } from './images.ts';

/** A course ready to be written as a pack; only courses without errors are compiled. */
export interface CompiledCourse {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly version: string;
  readonly contact: string | null;
  /** sha256 hex over the sources and the pack format version. */
  readonly contentHash: string;
  /** Stylesheet for the highlighted code of every lesson. */
  readonly codeCss: string;
  /** In course order. */
  readonly lessons: readonly CompiledLesson[];
  /** Sorted by name. */
  readonly assets: readonly ImageAsset[];
}

export interface CompiledLesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** Path inside the course folder, with forward slashes. */
  readonly sourceFile: string;
  readonly introHtml: string;
  /** Intro plus every section. */
  readonly readingSeconds: number;
  readonly sections: readonly CompiledSection[];
  readonly questions: readonly CompiledQuestion[];
  readonly faq: readonly CompiledFaqEntry[];
  readonly related: readonly CompiledRelatedLesson[];
}

export interface CompiledSection {
  readonly id: string;
  readonly title: string;
  /** The body without its heading. */
  readonly html: string;
  /** Heading and body as plain text, for search. */
  readonly text: string;
  readonly readingSeconds: number;
}

interface QuestionBase {
  readonly id: string;
  readonly prompt: string;
  readonly explainHtml: string;
}

/** What a question asks for: one answer among choices, several, or a short text answer. */
export type QuestionAnswer =
  | { readonly kind: 'single'; readonly choices: readonly string[]; readonly answer: string }
  | {
      readonly kind: 'multiple';
      readonly choices: readonly string[];
      readonly answer: readonly string[];
    }
  | { readonly kind: 'text'; readonly answer: string; readonly accept: readonly string[] };

/** A compiled quiz question. */
export type CompiledQuestion = QuestionBase & QuestionAnswer;

export interface CompiledFaqEntry {
  readonly question: string;
  readonly answerHtml: string;
}

export interface CompiledRelatedLesson {
  /** The course of the related lesson: this course's id when it is local. */
  readonly courseId: string;
  readonly lessonId: string;
}
