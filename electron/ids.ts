// The one rule for course, lesson, section and question ids, shared by the compiler that makes
// them, the contract that receives them and the progress store that keys on them: refusing an id
// the compiler made would mean silently losing the learner's progress on it.

/** The longest id, in UTF-16 code units. */
export const MAX_ID_LENGTH = 128;

/**
 * What `slugify` produces: letters of any script and digits, joined by single `-`, neither
 * starting nor ending with one; `_` is kept for explicit ids written by hand.
 */
export const ID_PATTERN =
  /^(?=.{1,128}$)[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(?:[-_][\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u;

/** The rule in words, for error messages. */
export const ID_RULE =
  'must be an id of at most 128 lowercase letters and digits joined by "-" (like "web-servers")';
