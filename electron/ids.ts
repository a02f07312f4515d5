// The one rule for course, lesson, section and question ids, shared by the compiler that makes
// them, the contract that receives them and the progress store that keys on them: refusing an id
// the compiler made would mean silently losing the learner's progress on it.

/** The longest id, in UTF-16 code units. */
export const MAX_ID_LENGTH = 128;

// A word starts with a lowercase letter, a letter without case or a digit, and may go on with
// combining marks (Mn, Mc) as well: the vowel signs of Devanagari, Bengali or Thai and any accent
// that does not fold away. A mark never starts a word, so it always sits on a letter or digit.
/** The source of a regular expression for one word of an id (use with the `u` flag). */
export const ID_WORD_SOURCE = String.raw`[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{N}\p{Mn}\p{Mc}]*`;

/**
 * What `slugify` produces: words of letters of any script, digits and their combining marks,
 * joined by single `-`, neither starting nor ending with one; `_` is kept for explicit ids
 * written by hand.
 */
export const ID_PATTERN = new RegExp(
  String.raw`^(?=.{1,128}$)${ID_WORD_SOURCE}(?:[-_]${ID_WORD_SOURCE})*$`,
  'u',
);

/** The rule in words, for error messages. */
export const ID_RULE =
  'must be an id of at most 128 lowercase letters (with their accents or vowel signs) and digits joined by "-" (like "web-servers")';
