// The YAML block between `---` lines at the top of a lesson.

/** A lesson split into its front matter and its Markdown body. */
export type FrontMatterSplit =
  | {
      readonly kind: 'found';
      /** The YAML text between the fences; its first line is line 2 of the file. */
      readonly yaml: string;
      /**
       * The Markdown after the front matter, preceded by one empty line per front-matter line so
       * that line numbers in the body are line numbers in the file.
       */
      readonly body: string;
    }
  | { readonly kind: 'missing' | 'unclosed'; readonly body: string };

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits `text` (newlines already normalised to \n) into front matter and body. Never throws. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  if (!OPENING.test(lines[0] ?? '')) return { kind: 'missing', body: text };
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
  if (closing === -1) return { kind: 'unclosed', body: text };
  return {
    kind: 'found',
    yaml: lines.slice(1, closing).join('\n'),
    body: '\n'.repeat(closing + 1) + lines.slice(closing + 1).join('\n'),
  };
}
