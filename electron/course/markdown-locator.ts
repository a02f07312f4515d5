// Maps markdown-it tokens back to line and column in the lesson file.
import type { Token } from 'markdown-it';
import type { SourcePosition } from './diagnostics.ts';

/** Finds where tokens of one Markdown text were written. */
export interface MarkdownLocator {
  /** The position of character `offset` of a block-level `inline` token's content. */
  inInline(inline: Token, offset: number): SourcePosition;
  /** The position of a block token's first line: at `needle` if that line holds it, else its first non-blank character. */
  atBlock(block: Token, needle?: string): SourcePosition;
}

/** Locates tokens parsed from the whole text of `file` (front matter blanked, lines kept). */
export class FileLocator implements MarkdownLocator {
  private readonly file: string;
  private readonly lines: readonly string[];

  constructor(file: string, text: string) {
    this.file = file;
    this.lines = text.split('\n');
  }

  inInline(inline: Token, offset: number): SourcePosition {
    const content = inline.content;
    const lineStart = content.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = content.indexOf('\n', offset);
    if (lineEnd === -1) lineEnd = content.length;
    const lineIndex = content.slice(0, lineStart).split('\n').length - 1;
    const line = (inline.map?.[0] ?? 0) + lineIndex;
    // Block parsing strips indentation, list markers and `>` from each line; the rest of the line
    // is as written, so finding it in the source line recovers the column.
    const written = content.slice(lineStart, lineEnd).trimStart();
    const found = written === '' ? -1 : (this.lines[line] ?? '').indexOf(written);
    const leading = lineEnd - lineStart - written.length;
    const column = found === -1 ? offset - lineStart : found - leading + offset - lineStart;
    return { file: this.file, line: line + 1, column: column + 1 };
  }

  atBlock(block: Token, needle?: string): SourcePosition {
    const line = block.map?.[0] ?? 0;
    const text = this.lines[line] ?? '';
    const at = needle === undefined ? -1 : text.indexOf(needle);
    const column = at === -1 ? text.length - text.trimStart().length : at;
    return { file: this.file, line: line + 1, column: column + 1 };
  }
}

/** Locates every token of a Markdown text embedded in YAML at the YAML value's position. */
export function fixedLocator(position: SourcePosition): MarkdownLocator {
  return { inInline: () => position, atBlock: () => position };
}
