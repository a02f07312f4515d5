// What a learner types, turned into an FTS5 MATCH expression in which every character is text:
// no quote, star, minus, colon, parenthesis, caret, plus or keyword (NEAR, AND, OR, NOT) the
// learner types can ever be read as FTS5 syntax. Pure: no database here.
//
// Each whitespace-separated word becomes one double-quoted FTS5 string (a phrase), so FTS5 parses
// no operator inside it; a `"` inside is doubled, the only escape FTS5 strings have. The tokenizer
// then splits the phrase where the word has punctuation, so `os.environ` finds "os" directly
// followed by "environ", as it appears in code. The words are ANDed; the last one is a prefix
// (`"deploy"*`) while the learner is still typing it.

/** The longest query the contract accepts, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** Words past this many are ignored: more narrows nothing and only costs time. */
export const MAX_QUERY_WORDS = 12;

/** Characters FTS5's unicode61 tokenizer keeps inside tokens (categories L*, N* and Co). */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const TRAILING_TOKEN = /[\p{L}\p{N}\p{Co}]+$/u;
/** A word without the punctuation around it (`"quoted` → `quoted`, `os.environ` stays whole). */
const TRIMMED = /[\p{L}\p{N}\p{Co}](?:.*[\p{L}\p{N}\p{Co}\p{M}])?/u;

/**
 * Characters of scripts written without spaces between words (Chinese, Japanese). unicode61 would
 * read a whole sentence of them as one token, so both the index and the query cut them into one
 * token per character (see segmentSpaceless); a word of them is then searched as a phrase of
 * adjacent characters, which finds it anywhere in a sentence, whatever its length.
 */
const SPACELESS_RUN = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]+/gu;
const ENDS_SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]$/u;

/**
 * The separator put around each spaceless-script character: a zero-width space is a separator to
 * unicode61 (category Cf) and invisible, and snippets drop it again (see search-library.ts).
 */
export const SEGMENT_MARK = '\u200B';

/** A prefix shorter than this would expand to a large part of the vocabulary, so it is exact. */
const MIN_PREFIX_LENGTH = 2;

export interface SearchQuery {
  /** The FTS5 MATCH expression, or null when the text holds nothing to search for. */
  readonly match: string | null;
  /** Each word's own expression (`match` is all of them ANDed): each matches at least as much. */
  readonly phrases: readonly string[];
  /** The words searched for, as typed, without surrounding punctuation or repeats: to highlight. */
  readonly terms: readonly string[];
}

/** The FTS5 expression and the highlight words for `text`. Never throws; pure. */
export function buildSearchQuery(text: string): SearchQuery {
  const normalized = normalizeText(text.slice(0, MAX_QUERY_LENGTH));
  const words = normalized
    .split(/\s+/u)
    .filter((word) => TOKEN_CHAR.test(word))
    .slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return { match: null, phrases: [], terms: [] };

  const stillTyping = !/\s$/u.test(normalized);
  const phrases = words.map((word, index) => {
    const phrase = `"${segmentSpaceless(word).replaceAll('"', '""')}"`;
    const isLast = index === words.length - 1;
    return isLast && stillTyping && isPrefixable(word) ? `${phrase}*` : phrase;
  });
  const terms = [...new Set(words.flatMap((word) => TRIMMED.exec(word)?.[0] ?? []))];
  return { match: phrases.join(' '), phrases, terms };
}

/**
 * Text as the index stores it: NFC (so that a decomposed "é" folds like a precomposed one), with
 * control characters blanked (two of them mark snippet highlights). Pure.
 */
export function normalizeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed.
  return text.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, ' ');
}

/** `text` with each Chinese or Japanese character set apart as its own token. Pure. */
export function segmentSpaceless(text: string): string {
  // A run at a time (a sentence of them, often): a mark either side of each of its characters.
  return text.replace(
    SPACELESS_RUN,
    (run) => SEGMENT_MARK + [...run].join(SEGMENT_MARK + SEGMENT_MARK) + SEGMENT_MARK,
  );
}

function isPrefixable(word: string): boolean {
  const last = TRAILING_TOKEN.exec(word)?.[0];
  // A word ending in punctuation ("docker.") is finished; a spaceless character is a whole token.
  return last !== undefined && [...last].length >= MIN_PREFIX_LENGTH && !ENDS_SPACELESS.test(last);
}
