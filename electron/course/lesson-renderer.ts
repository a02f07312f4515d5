// A parsed lesson turned into the HTML the app shows, right after parsing so that its tokens can
// be let go: images become pack assets and code becomes highlighted markup. Links are left as
// placeholders until every lesson's sections are known (see lesson-linker.ts).
import type { Token } from 'markdown-it';
import type { CodeHighlighter, CodeStyleSheet } from './code-highlighter.ts';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { imageSize } from './image-size.ts';
import type { ImageAsset } from './images.ts';
import { classifyImageSource } from './images.ts';
import type { RelatedReference } from './lesson-front-matter.ts';
import type { ParsedLesson, ParsedQuestion, ParsedSection } from './lesson-parser.ts';
import { codeBlockOf } from './markdown-inspector.ts';
import type { CodeBlockRenderer } from './markdown.ts';
import { deferLink, dropImage, renderMarkdown } from './markdown.ts';
import type { CompiledFaqEntry, CompiledQuestion, CompiledSection } from './model.ts';

/** An image file as loaded: its asset, or why it cannot be one. */
export type LoadedImage = ImageAsset | { readonly error: string };

/** A link whose opening tag waits, as the placeholder numbered by its index in `links`, for its target. */
export interface PendingLink {
  readonly href: string;
  readonly title: string | null;
  readonly position: SourcePosition;
}

/** A section rendered, still knowing where its heading is for later diagnostics. */
export type RenderedSection = CompiledSection & Pick<ParsedSection, 'explicitId' | 'position'>;

/** A lesson rendered except for its links; HTML holds placeholders for `links[slot]`. */
export interface RenderedLesson {
  readonly file: string;
  readonly sourceFile: string;
  readonly id: string;
  readonly idPosition: SourcePosition;
  readonly title: string;
  readonly summary: string;
  readonly related: readonly RelatedReference[];
  readonly introHtml: string;
  readonly introSeconds: number;
  readonly sections: readonly RenderedSection[];
  readonly questions: readonly CompiledQuestion[];
  readonly faq: readonly CompiledFaqEntry[];
  readonly links: readonly PendingLink[];
  /** The images the lesson shows. */
  readonly assets: readonly ImageAsset[];
}

/** What rendering the lessons of one course shares. */
export interface RenderContext {
  readonly courseId: string;
  /** Every image the lessons show, by absolute path, loaded beforehand. */
  readonly images: ReadonlyMap<string, LoadedImage>;
  readonly highlighter: CodeHighlighter;
  /** Collects the highlighting classes of the whole course. */
  readonly styles: CodeStyleSheet;
}

/**
 * Renders `lesson`, reporting images that cannot be shown. Throws only when an image it shows is
 * missing from `context.images`, which the caller must have loaded.
 */
export function renderLesson(
  lesson: ParsedLesson,
  context: RenderContext,
  sink: DiagnosticList,
): RenderedLesson {
  const assets = resolveImages(lesson, context, sink);
  lesson.links.forEach((link, slot) => deferLink(link.open, slot));
  const code: CodeBlockRenderer = {
    render: (token) => context.highlighter.render(codeBlockOf(token), context.styles),
  };
  const render = (tokens: Token[]) => renderMarkdown(tokens, code);
  const sections = lesson.sections.map((section) => ({
    id: section.id,
    explicitId: section.explicitId,
    position: section.position,
    title: section.title,
    html: render(section.tokens),
    text: section.text,
    readingSeconds: section.readingSeconds,
  }));
  return {
    file: lesson.file,
    sourceFile: lesson.sourceFile,
    id: lesson.id,
    idPosition: lesson.idPosition,
    title: lesson.title,
    summary: lesson.summary,
    related: lesson.related,
    introHtml: render(lesson.introTokens),
    introSeconds: lesson.introSeconds,
    sections,
    questions: lesson.questions.map((question) =>
      toQuestion(question, render(question.explainTokens)),
    ),
    faq: lesson.faq.map((entry) => ({
      question: entry.question,
      answerHtml: render(entry.answerTokens),
    })),
    links: lesson.links.map((link) => ({
      href: link.href,
      title: link.title,
      position: link.position,
    })),
    assets,
  };
}

function resolveImages(
  lesson: ParsedLesson,
  context: RenderContext,
  sink: DiagnosticList,
): ImageAsset[] {
  const assets: ImageAsset[] = [];
  for (const image of lesson.images) {
    const source = classifyImageSource(image.src, lesson.file);
    const loaded = source.kind === 'invalid' ? source : context.images.get(source.file);
    if (loaded === undefined)
      throw new Error(`image ${image.src} of ${lesson.file} was never loaded`);
    if ('error' in loaded) {
      sink.error(image.position, loaded.error);
      dropImage(image.token);
      continue;
    }
    assets.push(loaded);
    // An absolute path serves the same from app:// and from the preview's http origin.
    image.token.attrSet('src', `/assets/${context.courseId}/${loaded.name}`);
    // The page keeps the image's room while it loads (prose CSS scales it: max-width, height auto).
    const size = imageSize(loaded.data);
    if (size) {
      image.token.attrSet('width', String(size.width));
      image.token.attrSet('height', String(size.height));
    }
  }
  return assets;
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
