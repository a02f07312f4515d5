// The HTML a pack may carry. The page shows a lesson's compiled HTML as it is ({@html}), so a pack
// from anywhere (a USB stick, an e-mail) is held to what the course compiler emits: known tags,
// known attributes, double-quoted values, links to lessons or the web, images only from the
// course's own assets (so an SVG is only ever shown through <img>, never inline). The Content
// Security Policy stops scripts and inline styles as well; this makes a hostile pack fail loudly
// at the door instead of relying on that alone.

const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'a',
  'aside',
  'b',
  'blockquote',
  'br',
  'caption',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'alt',
  'class',
  'colspan',
  'dir',
  'id',
  'lang',
  'rel',
  'reversed',
  'role',
  'rowspan',
  'scope',
  'start',
  'tabindex',
  'title',
]);

// A lesson's address (page-address.ts), `#/…` as courses compiled before addresses were paths
// wrote it, the web or mail.
const LINK = /^(?:\/learn\/|#|https:\/\/|http:\/\/|mailto:)/i;
/** An image's width or height as the compiler writes it: a whole number of pixels. */
const PIXELS = /^[1-9][0-9]{0,9}$/;
const IMAGE_NAME = /^[0-9a-f]{16}\.(?:png|jpg|gif|webp|svg)$/;

/** What `checkLessonHtml` found: a problem for the learner's message, and the images used. */
export interface HtmlCheck {
  problem: string | null;
  /** Asset names the HTML shows with <img>. */
  images: string[];
}

// Character codes the scanner compares against; it walks the text once, without building a tree
// (a course's HTML is checked whole each time a pack is opened: tens of megabytes).
const GT = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const QUOTE = 34; // "

const isLetter = (code: number) => code >= 97 && code <= 122;
const isNameChar = (code: number) =>
  isLetter(code) || (code >= 48 && code <= 57) || code === 45; /* - */
const isSpace = (code: number) =>
  code === 32 || code === 10 || code === 9 || code === 13 || code === 12;

/**
 * Checks compiled lesson HTML of course `courseId` against the allow-list above: tags as the
 * compiler writes them (lowercase names, attributes with double-quoted values). Returns the first
 * problem in words (null when there is none) and the asset names its images use. Pure.
 */
export function checkLessonHtml(html: string, courseId: string): HtmlCheck {
  const images: string[] = [];
  const assetPrefix = `/assets/${courseId}/`;
  const fail = (problem: string): HtmlCheck => ({ problem, images });
  let at = html.indexOf('<');
  while (at !== -1) {
    let index = at + 1;
    const closing = html.charCodeAt(index) === SLASH;
    if (closing) index += 1;
    const nameStart = index;
    if (!isLetter(html.charCodeAt(index))) return fail(`unexpected markup "${excerpt(html, at)}"`);
    while (isNameChar(html.charCodeAt(index))) index += 1;
    const name = html.slice(nameStart, index);
    if (!ALLOWED_TAGS.has(name)) return fail(`a <${name}> element`);
    // Attributes, each after whitespace, up to > or />.
    for (;;) {
      const spaceStart = index;
      while (isSpace(html.charCodeAt(index))) index += 1;
      const code = html.charCodeAt(index);
      if (code === GT) break;
      if (code === SLASH && html.charCodeAt(index + 1) === GT) {
        index += 1;
        break;
      }
      if (index === spaceStart || !isLetter(code))
        return fail(`unexpected markup "${excerpt(html, at)}"`);
      if (closing) return fail(`attributes on the closing tag </${name}>`);
      // The compiler's commonest attribute, checked without building strings.
      if (html.startsWith('class="', index)) {
        const end = html.indexOf('"', index + 7);
        if (end === -1) return fail(`unexpected markup "${excerpt(html, at)}"`);
        index = end + 1;
        continue;
      }
      const attributeStart = index;
      while (isNameChar(html.charCodeAt(index))) index += 1;
      const attribute = html.slice(attributeStart, index);
      let value = '';
      if (html.charCodeAt(index) === EQUALS) {
        if (html.charCodeAt(index + 1) !== QUOTE)
          return fail(`unexpected markup "${excerpt(html, at)}"`);
        const end = html.indexOf('"', index + 2);
        if (end === -1) return fail(`unexpected markup "${excerpt(html, at)}"`);
        value = html.slice(index + 2, end);
        if (value.includes('<')) return fail(`unexpected markup "${excerpt(html, at)}"`);
        index = end + 1;
      }
      const problem = checkAttribute(name, attribute, value, assetPrefix, images);
      if (problem) return fail(problem);
    }
    at = html.indexOf('<', index + 1);
  }
  return { problem: null, images };
}

function checkAttribute(
  tag: string,
  attribute: string,
  value: string,
  assetPrefix: string,
  images: string[],
): string | null {
  if (ALLOWED_ATTRIBUTES.has(attribute)) return null;
  if (attribute.startsWith('aria-') || attribute.startsWith('data-')) return null;
  if (tag === 'a' && attribute === 'href') {
    return LINK.test(value.trim()) ? null : `a link to "${value.slice(0, 60)}"`;
  }
  if (tag === 'img' && (attribute === 'width' || attribute === 'height')) {
    return PIXELS.test(value)
      ? null
      : `an image ${attribute} of "${value.slice(0, 20)}", which is not a number of pixels`;
  }
  if (tag === 'img' && attribute === 'src') {
    const name = value.startsWith(assetPrefix) ? value.slice(assetPrefix.length) : '';
    if (!IMAGE_NAME.test(name)) {
      return `an image from "${value.slice(0, 60)}", which is not one of the course's own images`;
    }
    images.push(name);
    return null;
  }
  return `the attribute ${attribute} on <${tag}>`;
}

function excerpt(html: string, index: number): string {
  return html.slice(index, index + 40).replace(/\s+/g, ' ');
}
