// A parsed lesson turned into the HTML the app shows, once every lesson of the run is known:
// links become app routes, images become pack assets, code becomes highlighted markup.
import type { Token } from 'markdown-it';
import type { CodeHighlighter, CodeStyleSheet } from './code-highlighter.ts';
import type { CourseIndex } from './course-index.ts';
import type { LoadedImage } from './course-loader.ts';
import type { DiagnosticList } from './diagnostics.ts';
import { closestMatch } from './did-you-mean.ts';
import type { ImageAsset } from './images.ts';
import { classifyImageSource } from './images.ts';
import type { ParsedLesson, ParsedQuestion } from './lesson-parser.ts';
import { resolveLink } from './links.ts';
import { codeBlockOf } from './markdown-inspector.ts';
import type { CodeBlockRenderer } from './markdown.ts';
import { dropToken, renderMarkdown } from './markdown.ts';
import type { CompiledLesson, CompiledQuestion, CompiledRelatedLesson } from './model.ts';

/** What rendering the lessons of one course shares. */
export interface RenderContext {
  readonly courseId: string;
  readonly courseDir: string;
  readonly index: CourseIndex;
  readonly images: ReadonlyMap<string, LoadedImage>;
  /** Filled with every image the course's lessons show, by asset name. */
  readonly assets: Map<string, ImageAsset>;
  readonly highlighter: CodeHighlighter;
  readonly styles: CodeStyleSheet;
}

/** Renders `lesson`, reporting unresolvable links, images and related lessons. Never throws. */
export function renderLesson(
  lesson: ParsedLesson,
  context: RenderContext,
  sink: DiagnosticList,
): CompiledLesson {
  resolveLinks(lesson, context, sink);
  resolveImages(lesson, context, sink);
  const code: CodeBlockRenderer = {
    render: (token) => context.highlighter.render(codeBlockOf(token), context.styles),
  };
  const render = (tokens: Token[]) => renderMarkdown(tokens, code);
  const sections = lesson.sections.map((section) => ({
    id: section.id,
    title: section.title,
    html: render(section.tokens),
    text: section.text,
    readingSeconds: section.readingSeconds,
  }));
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    sourceFile: lesson.sourceFile,
    introHtml: render(lesson.introTokens),
    readingSeconds: sections.reduce(
      (sum, section) => sum + section.readingSeconds,
      lesson.introSeconds,
    ),
    sections,
    questions: lesson.questions.map((question) =>
      toQuestion(question, render(question.explainTokens)),
    ),
    faq: lesson.faq.map((entry) => ({
      question: entry.question,
      answerHtml: render(entry.answerTokens),
    })),
    related: resolveRelated(lesson, context, sink),
  };
}

function resolveLinks(lesson: ParsedLesson, context: RenderContext, sink: DiagnosticList): void {
  const self = context.index.lessonAt(lesson.file);
  if (!self) return; // not indexed: its course failed before its lessons could be linked
  const origin = { file: lesson.file, courseDir: context.courseDir, lesson: self };
  for (const link of lesson.links) {
    const resolved = resolveLink(link.href, origin, context.index);
    if (resolved.kind === 'invalid') {
      sink.error(link.position, resolved.error);
      dropToken(link.open);
      if (link.close) dropToken(link.close);
      continue;
    }
    if (resolved.warning) sink.warning(link.position, resolved.warning);
    const title = link.open.attrGet('title');
    link.open.attrs = [['href', resolved.href]];
    if (title !== null) link.open.attrSet('title', title);
    if (resolved.kind === 'external') {
      link.open.attrSet('class', 'external-link');
      link.open.attrSet('rel', 'noopener noreferrer');
    }
  }
}

function resolveImages(lesson: ParsedLesson, context: RenderContext, sink: DiagnosticList): void {
  for (const image of lesson.images) {
    const source = classifyImageSource(image.src, lesson.file);
    const loaded = source.kind === 'invalid' ? source : context.images.get(source.file);
    if (loaded === undefined)
      throw new Error(`image ${image.src} of ${lesson.file} was never loaded`);
    if ('error' in loaded) {
      sink.error(image.position, loaded.error);
      dropToken(image.token);
      continue;
    }
    context.assets.set(loaded.name, loaded);
    // An absolute path serves the same from app:// and from the preview's http origin.
    image.token.attrSet('src', `/assets/${context.courseId}/${loaded.name}`);
  }
}

function resolveRelated(
  lesson: ParsedLesson,
  context: RenderContext,
  sink: DiagnosticList,
): CompiledRelatedLesson[] {
  const related: CompiledRelatedLesson[] = [];
  for (const entry of lesson.related) {
    const courseId = entry.courseId ?? context.courseId;
    const lessons = context.index.lessonsOf(courseId);
    if (!lessons) {
      sink.warning(
        entry.position,
        `related lesson "${courseId}/${entry.lessonId}" is in a course not checked with this one, so it cannot be verified: check both courses together`,
      );
    } else if (!lessons.has(entry.lessonId)) {
      const suggestion = closestMatch(entry.lessonId, [...lessons.keys()]);
      const where = courseId === context.courseId ? 'this course' : `course "${courseId}"`;
      sink.error(
        entry.position,
        `related lesson "${entry.lessonId}" is not a lesson of ${where}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
      );
      continue;
    }
    related.push({ courseId, lessonId: entry.lessonId });
  }
  return related;
}

function toQuestion(question: ParsedQuestion, explainHtml: string): CompiledQuestion {
  const base = { id: question.id, prompt: question.prompt, explainHtml };
  switch (question.kind) {
    case 'single':
      return { ...base, kind: 'single', choices: question.choices, answer: question.answer };
    case 'multiple':
      return { ...base, kind: 'multiple', choices: question.choices, answer: question.answer };
    case 'text':
      return { ...base, kind: 'text', answer: question.answer, accept: question.accept };
  }
}
