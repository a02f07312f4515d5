// One pass over a lesson's parsed Markdown: checks what can be checked within the text itself,
// gathers the links and images to resolve later, and the text for search and reading time.
import type { Token } from 'markdown-it';
import type { CodeBlock } from './code-highlighter.ts';
import { PLAIN_TEXT, findLanguage, languageNames } from './code-languages.ts';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { parseFenceInfo } from './fence-info.ts';
import type { MarkdownLocator } from './markdown-locator.ts';
import { inlineStartOf, inlineText, unknownAdmonitionKind } from './markdown.ts';

/** A link to resolve once every lesson's sections are known. */
export interface LinkReference {
  readonly open: Token;
  readonly href: string;
  readonly title: string | null;
  readonly position: SourcePosition;
}

/** An image to load from the course folder. */
export interface ImageReference {
  readonly token: Token;
  readonly src: string;
  readonly position: SourcePosition;
}

/** What one pass found in a list of tokens. */
export interface InspectedMarkdown {
  readonly links: LinkReference[];
  readonly images: ImageReference[];
  /** Prose as plain text, blocks separated by newlines. */
  readonly prose: string;
  /** The source of every code block, separated by newlines. */
  readonly code: string;
  readonly codeLines: number;
}

interface Found {
  readonly links: LinkReference[];
  readonly images: ImageReference[];
}

const codeBlocks = new WeakMap<Token, CodeBlock>();

/** The code block a `fence` or `code_block` token became during inspection. */
export function codeBlockOf(token: Token): CodeBlock {
  return (
    codeBlocks.get(token) ?? {
      code: token.content,
      language: PLAIN_TEXT,
      title: null,
      emphasised: new Set(),
    }
  );
}

/** Inspects `tokens` located by `locator`, reporting problems to `sink`. Never throws. */
export function inspectMarkdown(
  tokens: readonly Token[],
  locator: MarkdownLocator,
  sink: DiagnosticList,
): InspectedMarkdown {
  const found: Found = { links: [], images: [] };
  const prose: string[] = [];
  const code: string[] = [];
  let codeLines = 0;
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        if (token.tag === 'h1') {
          sink.warning(
            locator.atBlock(token),
            'a level-1 heading (#) in the lesson: the title comes from `title:` in the front matter; start sections with ##',
          );
        }
        break;
      case 'blockquote_open': {
        const kind = unknownAdmonitionKind(token);
        if (kind !== undefined) {
          sink.warning(
            locator.atBlock(token, `[!${kind}]`),
            `unknown admonition [!${kind}], shown as a plain quote: use [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]`,
          );
        }
        break;
      }
      case 'fence':
      case 'code_block': {
        const block = inspectCodeBlock(token, locator, sink);
        code.push(block.code);
        codeLines += block.code.split('\n').filter((line) => line.trim() !== '').length;
        break;
      }
      case 'inline':
        prose.push(inspectInline(token, locator, sink, found));
        break;
    }
  }
  return { ...found, prose: prose.join('\n'), code: code.join('\n'), codeLines };
}

function inspectCodeBlock(token: Token, locator: MarkdownLocator, sink: DiagnosticList): CodeBlock {
  const content = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
  const info = parseFenceInfo(token.type === 'fence' ? token.info : '', content.split('\n').length);
  const at = locator.atBlock(token, info.language || undefined);
  for (const problem of info.problems) sink.warning(at, problem);
  let language = info.language === '' ? PLAIN_TEXT : findLanguage(info.language);
  if (!language) {
    sink.warning(
      at,
      `unknown code language "${info.language}", shown as plain text: use one of ${languageNames().join(', ')}`,
    );
    language = PLAIN_TEXT;
  }
  const block: CodeBlock = {
    code: content,
    language,
    title: info.title,
    emphasised: info.emphasised,
  };
  codeBlocks.set(token, block);
  return block;
}

function inspectInline(
  inline: Token,
  locator: MarkdownLocator,
  sink: DiagnosticList,
  found: Found,
): string {
  const children = inline.children ?? [];
  const at = (token: Token) => locator.inInline(inline, inlineStartOf(token) ?? 0);
  for (const token of children) {
    switch (token.type) {
      case 'html_inline':
        sink.warning(
          at(token),
          `raw HTML "${abbreviate(token.content)}" is shown as text, not rendered: use Markdown instead`,
        );
        break;
      case 'link_open':
        found.links.push({
          open: token,
          href: attributeText(token, 'href') ?? '',
          title: attributeText(token, 'title'),
          position: at(token),
        });
        break;
      case 'image': {
        const position = at(token);
        if (token.children?.length === 0 || token.content.trim() === '') {
          sink.warning(
            position,
            'image without a description: write one between the brackets, ![like this](file.png), for learners who cannot see it',
          );
        }
        found.images.push({ token, src: attributeText(token, 'src') ?? '', position });
        break;
      }
    }
  }
  return inlineText(inline);
}

function attributeText(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function abbreviate(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
