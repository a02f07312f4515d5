// A lesson file read into its parts: front matter, intro, sections, quiz and FAQ. Everything that
// can be checked within the file is checked here; links wait until every lesson is parsed.
import type { Token } from 'markdown-it';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { startOf } from './diagnostics.ts';
import { parseFaqBlock } from './faq-block.ts';
import type { FrontMatterSplit } from './front-matter.ts';
import { splitFrontMatter } from './front-matter.ts';
import type { LessonFrontMatter, RelatedReference } from './lesson-front-matter.ts';
import { parseLessonFrontMatter } from './lesson-front-matter.ts';
import type { ImageReference, InspectedMarkdown, LinkReference } from './markdown-inspector.ts';
import { inspectMarkdown } from './markdown-inspector.ts';
import type { MarkdownLocator } from './markdown-locator.ts';
import { FileLocator, fixedLocator } from './markdown-locator.ts';
import { explicitHeadingId, inlineText, parseMarkdown } from './markdown.ts';
import type { EmbeddedMarkdown, QuizQuestion } from './quiz-block.ts';
import { parseQuizBlock } from './quiz-block.ts';
import { countWords, readingSeconds } from './reading-time.ts';
import { slugAdvice, slugify } from './slug.ts';

/** A `## Heading` and the content up to the next one. */
export interface ParsedSection {
  readonly id: string;
  /** Whether the id was written as `{#id}` (else it follows the heading's text). */
  readonly explicitId: boolean;
  readonly title: string;
  readonly position: SourcePosition;
  readonly tokens: Token[];
  /** Heading and body as plain text, for search. */
  readonly text: string;
  readonly readingSeconds: number;
}

/** A quiz question with its explanation parsed. */
export type ParsedQuestion = QuizQuestion & { readonly explainTokens: Token[] };

/** An FAQ entry with its answer parsed. */
export interface ParsedFaqEntry {
  readonly question: string;
  readonly answerTokens: Token[];
}

/** A lesson file, parsed and checked on its own. */
export interface ParsedLesson {
  readonly file: string;
  /** Path relative to the course folder, with forward slashes. */
  readonly sourceFile: string;
  readonly id: string;
  readonly idPosition: SourcePosition;
  readonly title: string;
  readonly summary: string;
  readonly related: readonly RelatedReference[];
  readonly introTokens: Token[];
  readonly introSeconds: number;
  readonly sections: readonly ParsedSection[];
  readonly questions: readonly ParsedQuestion[];
  readonly faq: readonly ParsedFaqEntry[];
  readonly links: readonly LinkReference[];
  readonly images: readonly ImageReference[];
}

/** A lesson file to parse. */
export interface LessonInput {
  readonly file: string;
  readonly sourceFile: string;
  /** The file's text, newlines normalised to \n. */
  readonly text: string;
  /** Where course.yml lists the file: problems with an id derived from its name are shown there. */
  readonly listedAt: SourcePosition;
}

interface SectionDraft {
  readonly heading: Token;
  readonly inline: Token;
  readonly tokens: Token[];
}

/** A lesson body cut at its `##` headings, with the quiz and faq blocks taken out. */
interface SplitBody {
  readonly intro: Token[];
  readonly sections: SectionDraft[];
  readonly quizBlocks: Token[];
  readonly faqBlocks: Token[];
}

/** Parses and checks one lesson, reporting problems to `sink`. Never throws. */
export function parseLesson(input: LessonInput, sink: DiagnosticList): ParsedLesson {
  const { file } = input;
  const split = splitFrontMatter(input.text);
  const front = readFrontMatter(split, file, sink);
  const fileStem = input.sourceFile.replace(/^.*\//, '').replace(/\.md$/, '');
  const id = front.id ?? slugify(fileStem);
  if (id === '') {
    sink.error(
      input.listedAt,
      `cannot make a lesson id from the file name "${fileStem}.md": add \`id: …\` to its front matter`,
    );
  }

  const locator = new FileLocator(file, split.body);
  const body = splitBody(parseMarkdown(split.body), locator, sink);
  const links: LinkReference[] = [];
  const images: ImageReference[] = [];
  const inspect = (tokens: readonly Token[], at: MarkdownLocator): InspectedMarkdown => {
    const found = inspectMarkdown(tokens, at, sink);
    links.push(...found.links);
    images.push(...found.images);
    return found;
  };
  const parseEmbedded = (embedded: EmbeddedMarkdown): Token[] => {
    const tokens = parseMarkdown(embedded.markdown);
    inspect(tokens, fixedLocator(embedded.position));
    return tokens;
  };

  const questions = body.quizBlocks.flatMap((fence) =>
    parseQuizBlock(fence.content, yamlOrigin(fence, locator), sink).map((question) => ({
      ...question,
      explainTokens: question.explain ? parseEmbedded(question.explain) : [],
    })),
  );
  checkUniqueQuestionIds(questions, sink);
  const faq = body.faqBlocks.flatMap((fence) =>
    parseFaqBlock(fence.content, yamlOrigin(fence, locator), sink).map((entry) => ({
      question: entry.question,
      answerTokens: parseEmbedded(entry.answer),
    })),
  );

  const subheadingIds = new Set<string>();
  assignSubheadingIds(body.intro, 'intro', subheadingIds, locator, sink);
  const intro = inspect(body.intro, locator);
  const sections = body.sections.flatMap((draft) => {
    const section = toSection(draft, locator, sink);
    if (!section) return [];
    assignSubheadingIds(draft.tokens, section.id, subheadingIds, locator, sink);
    const found = inspect(draft.tokens, locator);
    const prose = `${section.title}\n${found.prose}`;
    return [
      {
        ...section,
        tokens: draft.tokens,
        text: found.code ? `${prose}\n${found.code}` : prose,
        readingSeconds: readingSeconds(countWords(prose), found.codeLines),
      },
    ];
  });
  checkUniqueSectionIds(sections, sink);

  return {
    file,
    sourceFile: input.sourceFile,
    id,
    idPosition: front.idPosition ?? input.listedAt,
    title: front.title,
    summary: front.summary,
    related: front.related,
    introTokens: body.intro,
    introSeconds: readingSeconds(countWords(intro.prose), intro.codeLines),
    sections,
    questions,
    faq,
    links,
    images,
  };
}

function readFrontMatter(
  split: FrontMatterSplit,
  file: string,
  sink: DiagnosticList,
): LessonFrontMatter {
  if (split.kind === 'found') return parseLessonFrontMatter(split.yaml, file, 2, sink);
  sink.error(
    startOf(file),
    split.kind === 'missing'
      ? 'the lesson has no front matter: start the file with a line "---", then `title: …`, then another "---"'
      : 'the front matter is not closed: end it with a line "---"',
  );
  return { title: '', id: null, idPosition: null, summary: '', related: [] };
}

function splitBody(
  tokens: readonly Token[],
  locator: MarkdownLocator,
  sink: DiagnosticList,
): SplitBody {
  const body: SplitBody = { intro: [], sections: [], quizBlocks: [], faqBlocks: [] };
  let sectionHeading: Token | null = null;
  for (const token of tokens) {
    if (token.type === 'heading_open' && token.tag === 'h2' && token.level === 0) {
      sectionHeading = token;
      continue;
    }
    if (sectionHeading) {
      if (token.type === 'inline')
        body.sections.push({ heading: sectionHeading, inline: token, tokens: [] });
      if (token.type === 'heading_close') sectionHeading = null;
      continue;
    }
    const block = token.type === 'fence' ? token.info.trim().split(/\s/, 1)[0] : undefined;
    if (block === 'quiz' || block === 'faq') {
      if (token.level > 0) {
        sink.error(
          locator.atBlock(token),
          `a \`\`\`${block} block belongs to the whole lesson: start it at the beginning of a line, not inside a list or quote`,
        );
      } else {
        (block === 'quiz' ? body.quizBlocks : body.faqBlocks).push(token);
      }
      continue;
    }
    (body.sections.at(-1)?.tokens ?? body.intro).push(token);
  }
  return body;
}

function yamlOrigin(fence: Token, locator: MarkdownLocator) {
  const opening = locator.atBlock(fence);
  // The block's first YAML line is the one after the opening fence; markdown-it strips the
  // fence's own indentation from every line of its content.
  return { file: opening.file, line: opening.line + 1, indent: opening.column - 1 };
}

function toSection(
  draft: SectionDraft,
  locator: MarkdownLocator,
  sink: DiagnosticList,
): Pick<ParsedSection, 'id' | 'explicitId' | 'title' | 'position'> | null {
  const position = locator.atBlock(draft.heading);
  const title = inlineText(draft.inline).trim();
  const explicit = explicitHeadingId(draft.heading);
  if (draft.tokens.length === 0) {
    sink.error(
      position,
      `section "${title}" is empty: write its content, or remove the heading (quiz and faq blocks appear at the end of the lesson under their own headings)`,
    );
  }
  if (explicit) {
    const advice = slugAdvice(explicit.id);
    if (advice !== undefined) {
      sink.error(
        locator.inInline(draft.inline, explicit.offset),
        `section id "${explicit.id}" must ${advice}`,
      );
      return null;
    }
    return { id: explicit.id, explicitId: true, title, position };
  }
  const id = slugify(title);
  if (id === '') {
    sink.error(
      position,
      'cannot make a section id from this heading: end it with an id, like ## Heading {#heading-id}',
    );
    return null;
  }
  return { id, explicitId: false, title, position };
}

function checkUniqueSectionIds(sections: readonly ParsedSection[], sink: DiagnosticList): void {
  const seen = new Map<string, ParsedSection>();
  for (const section of sections) {
    const first = seen.get(section.id);
    if (first) {
      sink.error(
        section.position,
        `duplicate section id "${section.id}" (the heading on line ${first.position.line} has it too): give one of them its own id, like ## ${section.title} {#${section.id}-2}`,
      );
    } else {
      seen.set(section.id, section);
    }
  }
}

function checkUniqueQuestionIds(questions: readonly ParsedQuestion[], sink: DiagnosticList): void {
  const seen = new Map<string, ParsedQuestion>();
  for (const question of questions) {
    const first = seen.get(question.id);
    if (first) {
      sink.error(
        question.idPosition,
        `duplicate question id "${question.id}" (line ${first.idPosition.line} has it too): each question of a lesson needs its own id, progress is saved under it`,
      );
    } else {
      seen.set(question.id, question);
    }
  }
}

// Sub-headings get ids scoped by their section (`deployment--docker`) so that in-page anchors
// never collide with section ids; repeats within a lesson are numbered.
function assignSubheadingIds(
  tokens: readonly Token[],
  scope: string,
  used: Set<string>,
  locator: MarkdownLocator,
  sink: DiagnosticList,
): void {
  for (const [i, heading] of tokens.entries()) {
    const inline = tokens[i + 1];
    if (heading.type !== 'heading_open' || inline?.type !== 'inline') continue;
    const explicit = explicitHeadingId(heading);
    const advice = explicit ? slugAdvice(explicit.id) : undefined;
    if (explicit && advice) {
      sink.error(
        locator.inInline(inline, explicit.offset),
        `heading id "${explicit.id}" must ${advice}`,
      );
    }
    const slug = (explicit && !advice ? explicit.id : slugify(inlineText(inline))) || 'heading';
    const base = `${scope}--${slug}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    heading.attrSet('id', id);
  }
}
