// Ids that instructors and learners see in URLs and that progress is keyed on.

// Only the combining marks Latin, Greek and Cyrillic use for accents: folding them turns "Café"
// into "cafe", while marks that change a letter's meaning elsewhere (Japanese dakuten) survive.
const ACCENT_MARKS = /[\u0300-\u036f]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const EDGE_HYPHENS = /^-+|-+$/g;

/** The slug of `text`: lowercase, accents folded, every other run of non-letters/digits one `-`. Never throws; may return ''. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(ACCENT_MARKS, '')
    .normalize('NFC')
    .replace(NOT_LETTER_OR_DIGIT, '-')
    .replace(EDGE_HYPHENS, '');
}

/** True when `text` is a non-empty slug, i.e. `slugify(text) === text`. */
export function isSlug(text: string): boolean {
  return text !== '' && slugify(text) === text;
}
