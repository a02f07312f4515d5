// The one markdown-it instance the compiler uses, extended with what courses need: heading ids,
// admonitions, scrollable tables, escaped raw HTML, and the source positions diagnostics report.
import markdownIt from 'markdown-it';
import type { Env, MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';

/** The admonition kinds of GitHub's `> [!NOTE]` syntax, with their titles. */
const ADMONITION_TITLES: ReadonlyMap<string, string> = new Map([
  ['note', 'Note'],
  ['tip', 'Tip'],
  ['important', 'Important'],
  ['warning', 'Warning'],
  ['caution', 'Caution'],
]);

/** Renders code blocks; supplied for each render so that highlighting styles stay per course. */
export interface CodeBlockRenderer {
  render(token: Token): string;
}

/** Where an explicit `{#id}` at the end of a heading was, before it was removed from the text. */
export interface ExplicitHeadingId {
  readonly id: string;
  /** Offset of the `{` in the heading's inline content as written. */
  readonly offset: number;
}

const inlineStarts = new WeakMap<Token, number>();
const explicitIds = new WeakMap<Token, ExplicitHeadingId>();
/** The kind of admonition a `blockquote_open` or `blockquote_close` token opens or closes. */
const admonitions = new WeakMap<Token, string>();
const unknownAdmonitions = new WeakMap<Token, string>();
const dropped = new WeakSet<Token>();
const linkSlots = new WeakMap<Token, number>();

// markdown-it turns NUL into U+FFFD while normalising its input, so no rendered text contains
// one: NUL-delimited numbers in the output can only be link placeholders.
const LINK_PLACEHOLDER = /\0(\d+)\0/g;

const CODE_RENDERER = Symbol('code block renderer');

const markdown = createMarkdown();

/** Parses a Markdown document into block tokens (inline tokens carry children). Never throws. */
export function parseMarkdown(text: string): Token[] {
  return markdown.parse(text, {});
}

/** Renders tokens to HTML, code blocks through `code`. Never throws unless `code` does. */
export function renderMarkdown(tokens: Token[], code: CodeBlockRenderer): string {
  const env: Env = { [CODE_RENDERER]: code };
  return markdown.renderer.render(tokens, markdown.options, env);
}

/** The plain text of an `inline` token: markup removed, inline code and image descriptions kept. */
export function inlineText(inline: Token): string {
  return textOf(inline.children ?? []);
}

function textOf(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline' || token.type === 'html_inline') {
      text += token.content;
    } else if (token.type === 'image') {
      text += textOf(token.children ?? []);
    } else if (token.type === 'softbreak' || token.type === 'hardbreak') {
      text += ' ';
    }
  }
  return text;
}

/**
 * The offset in its inline content where a `link_open`, `image` or raw-HTML token starts
 * (the `[`, `!` or `<`), or undefined for tokens the parser did not position.
 */
export function inlineStartOf(token: Token): number | undefined {
  const recorded = inlineStarts.get(token);
  // The link rule pushes `link_open` with the position just inside the `[`; autolinks at their `<`.
  if (recorded !== undefined && token.type === 'link_open' && token.markup !== 'autolink') {
    return recorded - 1;
  }
  return recorded;
}

/** The `{#id}` written at the end of a heading, if any. */
export function explicitHeadingId(headingOpen: Token): ExplicitHeadingId | undefined {
  return explicitIds.get(headingOpen);
}

/** The kind written in a `> [!KIND]` marker that is not a known admonition kind, if any. */
export function unknownAdmonitionKind(blockquoteOpen: Token): string | undefined {
  return unknownAdmonitions.get(blockquoteOpen);
}

/** Renders this image token as nothing. */
export function dropImage(image: Token): void {
  dropped.add(image);
}

/**
 * Renders this `link_open` token as placeholder number `slot`, to be replaced by the opening tag
 * once the link's target is known (see `fillLinkPlaceholders`).
 */
export function deferLink(linkOpen: Token, slot: number): void {
  linkSlots.set(linkOpen, slot);
}

/** `html` with each link placeholder replaced by `openingTag(slot)`. */
export function fillLinkPlaceholders(html: string, openingTag: (slot: number) => string): string {
  if (!html.includes('\0')) return html;
  return html.replace(LINK_PLACEHOLDER, (_placeholder, slot: string) => openingTag(Number(slot)));
}

function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  // markdown-it silently turns `javascript:` links into text; the compiler must see every link to
  // report the forbidden ones, so it validates links itself (see links.ts).
  md.validateLink = () => true;
  recordInlinePositions(md);
  md.inline.ruler.before('html_inline', 'escaped_html', escapedHtmlRule);
  md.core.ruler.after('block', 'inline_source_maps', inlineSourceMapsRule);
  md.core.ruler.after('inline_source_maps', 'table_alignment', tableAlignmentRule);
  md.core.ruler.after('table_alignment', 'explicit_heading_ids', explicitHeadingIdsRule);
  md.core.ruler.after('explicit_heading_ids', 'admonitions', admonitionsRule);
  installRenderRules(md);
  return md;
}

// Inline tokens carry no positions; the state's cursor is recorded when a link or image token is
// pushed, so a broken link is reported at its own column rather than at its paragraph.
function recordInlinePositions(md: MarkdownIt): void {
  const BaseState = md.inline.State;
  md.inline.State = class PositionedState extends BaseState {
    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      const token = super.push(type, tag, nesting);
      if (type === 'link_open' || type === 'image') inlineStarts.set(token, this.pos);
      return token;
    }
  };
}

// CommonMark's raw HTML forms: open and closing tags, comments, processing instructions,
// declarations and CDATA.
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^"'=<>\x60\x00-\x20]+|'[^']*'|"[^"]*"))?`;
const RAW_HTML = new RegExp(
  String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>` +
    String.raw`|<!---?>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>`,
  'y',
);

// With `html: false` markdown-it would already print raw HTML as text; recognising it as a token
// lets the compiler warn the instructor where it is, and the renderer escapes it all the same.
function escapedHtmlRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
  RAW_HTML.lastIndex = state.pos;
  const match = RAW_HTML.exec(state.src);
  if (!match) return false;
  if (!silent) {
    const token = state.push('html_inline', '', 0);
    token.content = match[0];
    inlineStarts.set(token, state.pos);
  }
  state.pos += match[0].length;
  return true;
}

// Table cells' inline tokens have no line map; they inherit their row's.
function inlineSourceMapsRule(state: StateCore): void {
  let lastMap: [number, number] | null = null;
  for (const token of state.tokens) {
    if (token.map) lastMap = token.map;
    else if (token.type === 'inline' && lastMap) token.map = [lastMap[0], lastMap[0] + 1];
  }
}

// The app's Content Security Policy forbids inline styles, so column alignment becomes a class.
function tableAlignmentRule(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    if (typeof style !== 'string') continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    token.attrSet('class', `align-${style.replace('text-align:', '')}`);
  }
}

const EXPLICIT_ID = /(^|[ \t]+)\{#([^{}]*)\}[ \t]*$/;

function explicitHeadingIdsRule(state: StateCore): void {
  const tokens = state.tokens;
  for (const [i, heading] of tokens.entries()) {
    const inline = tokens[i + 1];
    if (heading.type !== 'heading_open' || inline?.type !== 'inline') continue;
    if (!inline.content.includes('{#')) continue;
    const match = EXPLICIT_ID.exec(inline.content);
    if (!match) continue;
    const [, space = '', id = ''] = match;
    explicitIds.set(heading, { id, offset: match.index + space.length });
    inline.content = inline.content.slice(0, match.index);
  }
}

const ADMONITION_MARKER = /^\[!([A-Za-z]+)\][ \t]*(\n)?/;

function admonitionsRule(state: StateCore): void {
  const tokens = state.tokens;
  for (const [i, quote] of tokens.entries()) {
    const inline = tokens[i + 2];
    if (quote.type !== 'blockquote_open' || tokens[i + 1]?.type !== 'paragraph_open') continue;
    if (inline?.type !== 'inline') continue;
    const match = ADMONITION_MARKER.exec(inline.content);
    if (!match) continue;
    const [marker, written = '', newline] = match;
    const kind = written.toLowerCase();
    const close = tokens.find(
      (token, j) => j > i && token.type === 'blockquote_close' && token.level === quote.level,
    );
    if (!ADMONITION_TITLES.has(kind) || !close) {
      unknownAdmonitions.set(quote, written);
      continue;
    }
    admonitions.set(quote, kind);
    admonitions.set(close, kind);
    inline.content = inline.content.slice(marker.length);
    if (inline.content === '') {
      tokens.splice(i + 1, 3); // the paragraph held only the marker
    } else if (newline && inline.map) {
      inline.map = [inline.map[0] + 1, inline.map[1]];
    }
  }
}

function installRenderRules(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  const escapeHtml = md.utils.escapeHtml;
  const renderImage = rules.image;
  if (!renderImage) throw new Error('markdown-it has no image rule to extend');

  // `html: false` already keeps markdown-it from emitting raw HTML blocks; escaping in both rules
  // keeps raw HTML out of a course even if that option is ever changed.
  rules.html_inline = (tokens, idx) => escapeHtml(tokenAt(tokens, idx).content);
  rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokenAt(tokens, idx).content)}</p>\n`;

  rules.link_open = (tokens, idx, options, _env, self) => {
    const slot = linkSlots.get(tokenAt(tokens, idx));
    return slot === undefined ? self.renderToken(tokens, idx, options) : `\0${slot}\0`;
  };
  rules.image = (tokens, idx, options, env, self) =>
    dropped.has(tokenAt(tokens, idx)) ? '' : renderImage(tokens, idx, options, env, self);

  const renderCode: RendererRule = (tokens, idx, _options, env) => {
    const renderer = env?.[CODE_RENDERER] as CodeBlockRenderer;
    return renderer.render(tokenAt(tokens, idx));
  };
  rules.fence = renderCode;
  rules.code_block = renderCode;

  // Wide tables scroll inside their own focusable region instead of widening the page.
  rules.table_open = (tokens, idx) => {
    const header = tokens.find((token, i) => i > idx && token.type === 'inline');
    const label = (header ? inlineText(header).trim() : '') || 'table';
    return `<div class="table-scroll" tabindex="0" role="region" aria-label="Table: ${escapeHtml(label)}">\n<table>\n`;
  };
  rules.table_close = () => '</table>\n</div>\n';

  rules.blockquote_open = (tokens, idx, options, _env, self) => {
    const kind = admonitions.get(tokenAt(tokens, idx));
    if (kind === undefined) return self.renderToken(tokens, idx, options);
    return (
      `<aside class="admonition admonition-${kind}" role="note">\n` +
      `<p class="admonition-title">${ADMONITION_TITLES.get(kind)}</p>\n`
    );
  };
  rules.blockquote_close = (tokens, idx, options, _env, self) =>
    admonitions.has(tokenAt(tokens, idx)) ? '</aside>\n' : self.renderToken(tokens, idx, options);
}

function tokenAt(tokens: readonly Token[], index: number): Token {
  const token = tokens[index];
  if (!token) throw new RangeError(`no token at ${index}`);
  return token;
}
