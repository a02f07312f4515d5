// Ids that instructors and learners see in URLs and that progress is keyed on.
import { ID_PATTERN, ID_WORD_SOURCE, MAX_ID_LENGTH } from '../ids.ts';

// Only the combining marks Latin, Greek and Cyrillic use for accents: folding them turns "Café"
// into "cafe", while marks that change a letter's meaning elsewhere (Japanese dakuten, the vowel
// signs of Devanagari or Thai) survive, inside their words.
const ACCENT_MARKS = /[\u0300-\u036f]/g;
// Exactly the words ID_PATTERN allows between hyphens, so every slug is a valid id: a combining
// mark with no letter or digit before it belongs to no word and is dropped.
const ID_WORDS = new RegExp(ID_WORD_SOURCE, 'gu');
// Compatibility decomposition splits Thai and Lao SARA AM into NIKHAHIT + SARA AA, which NFC
// does not join again: put them back, so a slug keeps the letter as it is typed.
const SPLIT_SARA_AM = /\u0e4d\u0e32|\u0ecd\u0eb2/g;
const EDGE_HYPHENS = /^-+|-+$/g;

/**
 * The slug of `text`: lowercase, accents folded, its words (letters or digits, with the combining
 * marks that follow them) joined by single `-`, cut at a hyphen to at most MAX_ID_LENGTH. Never
 * throws; may return ''.
 */
export function slugify(text: string): string {
  // Decomposed before lowercased: "𝐁" (mathematical bold B) has no lowercase of its own, "B" has.
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(ACCENT_MARKS, '')
    .normalize('NFC')
    .replace(SPLIT_SARA_AM, (pair) => (pair === '\u0e4d\u0e32' ? '\u0e33' : '\u0eb3'));
  const slug = (folded.match(ID_WORDS) ?? []).join('-');
  return slug.length <= MAX_ID_LENGTH ? slug : shorten(slug);
}

/** True when `text` is a valid id that slugify leaves unchanged. */
export function isSlug(text: string): boolean {
  return ID_PATTERN.test(text) && slugify(text) === text;
}

/**
 * What is wrong with `text` as an id and what to write instead, completing "<the id> must …";
 * undefined when it is a slug.
 */
export function slugAdvice(text: string): string | undefined {
  if (isSlug(text)) return undefined;
  const suggestion = slugify(text);
  const rule =
    text.length > MAX_ID_LENGTH
      ? `have at most ${MAX_ID_LENGTH} characters`
      : 'be lowercase words joined by hyphens';
  return suggestion ? `${rule}: write "${suggestion}"` : `${rule}, such as "web-servers"`;
}

function shorten(slug: string): string {
  let cut = slug.slice(0, MAX_ID_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  cut = lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_ID_LENGTH);
  // Never leave half of a character outside the Basic Multilingual Plane.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(EDGE_HYPHENS, '');
}
