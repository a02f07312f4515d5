// Ids that instructors and learners see in URLs and that progress is keyed on.
import { ID_PATTERN, MAX_ID_LENGTH } from '../ids.ts';

// Only the combining marks Latin, Greek and Cyrillic use for accents: folding them turns "Café"
// into "cafe", while marks that change a letter's meaning elsewhere (Japanese dakuten) survive.
const ACCENT_MARKS = /[\u0300-\u036f]/g;
// Exactly the characters ID_PATTERN allows between hyphens, so every slug is a valid id.
const NOT_ID_CHARACTER = /[^\p{Ll}\p{Lo}\p{Lm}\p{N}]+/gu;
const EDGE_HYPHENS = /^-+|-+$/g;

/**
 * The slug of `text`: lowercase, accents folded, every other run of characters that are not
 * letters or digits one `-`, cut at a hyphen to at most MAX_ID_LENGTH. Never throws; may return ''.
 */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(ACCENT_MARKS, '')
    .normalize('NFC')
    .replace(NOT_ID_CHARACTER, '-')
    .replace(EDGE_HYPHENS, '');
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
