// How long a learner needs for a piece of a lesson, shown as "5 min read" and "2 min left".

/** Prose read at about this many words a minute. */
export const WORDS_PER_MINUTE = 230;

/** Code is read line by line, much more slowly than prose. */
export const SECONDS_PER_CODE_LINE = 4;

// Letters and digits, with the combining marks on them (Devanagari vowel signs, a decomposed
// accent), joined by apostrophes, dots or hyphens inside a word: "learner's", "v2.0", "नमस्ते".
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’._-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** The number of words in `text`. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Whole seconds to read `words` of prose and `codeLines` of code: 0 for nothing, else at least 1. */
export function readingSeconds(words: number, codeLines: number): number {
  if (words === 0 && codeLines === 0) return 0;
  return Math.max(
    1,
    Math.round((words * 60) / WORDS_PER_MINUTE + codeLines * SECONDS_PER_CODE_LINE),
  );
}
