// Factories for compiled courses, to write as packs without going through Markdown: tests and
// benchmarks that need many courses, or courses with exactly this text. No vitest import here, so
// that the benchmarks can use it too.
import { createHash } from 'node:crypto';
import type {
  CompiledCourse,
  CompiledFaqEntry,
  CompiledLesson,
  CompiledQuestion,
  CompiledSection,
} from '../../electron/course/model.ts';

export interface SectionSpec {
  id: string;
  title?: string;
  /** The body's plain text; the section's `text` is its title and this. */
  body?: string;
}

export interface LessonSpec {
  id: string;
  title?: string;
  summary?: string;
  introHtml?: string;
  /** Sections, or how many plain ones to make. */
  sections?: readonly SectionSpec[] | number;
  /** Quiz prompts (single-choice questions). */
  questions?: readonly string[];
  faq?: readonly CompiledFaqEntry[];
}

export interface CourseSpec {
  id: string;
  title?: string;
  description?: string;
  /** Defaults to 1.0.0; a changed course needs a newer one to replace an installed version. */
  version?: string;
  lessons: readonly LessonSpec[];
}

/** A section whose text is its title and `body`, as the compiler makes it. */
export function makeSection({
  id,
  title = `Section ${id}`,
  body = '',
}: SectionSpec): CompiledSection {
  return {
    id,
    title,
    html: `<p>${body.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    text: body ? `${title}\n${body}` : title,
    readingSeconds: Math.max(10, Math.round(body.split(/\s+/).length / 4)),
  };
}

/** A lesson; sections default to two plain ones. */
export function makeLesson(spec: LessonSpec): CompiledLesson {
  const sectionSpecs =
    typeof spec.sections === 'number' || spec.sections === undefined
      ? Array.from({ length: spec.sections ?? 2 }, (_, index) => ({ id: `part-${index + 1}` }))
      : spec.sections;
  const sections = sectionSpecs.map(makeSection);
  const questions: CompiledQuestion[] = (spec.questions ?? []).map((prompt, index) => ({
    id: `q${index + 1}`,
    kind: 'single',
    prompt,
    choices: ['Yes', 'No'],
    answer: 'Yes',
    explainHtml: '',
  }));
  return {
    id: spec.id,
    title: spec.title ?? `Lesson ${spec.id}`,
    summary: spec.summary ?? '',
    sourceFile: `${spec.id}.md`,
    introHtml: spec.introHtml ?? '',
    readingSeconds: sections.reduce((total, section) => total + section.readingSeconds, 0),
    sections,
    questions,
    faq: spec.faq ?? [],
    related: [],
  };
}

/** A course; its content hash follows its content, so a changed spec is a new version. */
export function makeCourse(spec: CourseSpec): CompiledCourse {
  const lessons = spec.lessons.map(makeLesson);
  const course = {
    id: spec.id,
    title: spec.title ?? `Course ${spec.id}`,
    description: spec.description ?? 'A course made by a factory.',
    version: spec.version ?? '1.0.0',
    contact: null,
    codeCss: '',
    lessons,
    assets: [],
  };
  return {
    ...course,
    contentHash: createHash('sha256').update(JSON.stringify(course)).digest('hex'),
  };
}
