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
  'height',
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
  'width',
]);

// A tag as the compiler writes it: lowercase name, attributes with double-quoted values.
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"<]*")?)*)\s*\/?>/y;
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;
const LINK = /^(?:#|https:\/\/|http:\/\/|mailto:)/i;

/** What `checkLessonHtml` found: a problem for the learner's message, and the images used. */
export interface HtmlCheck {
  problem: string | null;
  /** Asset names the HTML shows with <img>. */
  images: string[];
}

/**
 * Checks compiled lesson HTML of course `courseId` against the allow-list above. Returns the
 * first problem in words (null when there is none) and the asset names its images use. Pure.
 */
export function checkLessonHtml(html: string, courseId: string): HtmlCheck {
  const images: string[] = [];
  const assetPrefix = `/assets/${courseId}/`;
  let index = html.indexOf('<');
  while (index !== -1) {
    TAG.lastIndex = index;
    const match = TAG.exec(html);
    if (!match) {
      return { problem: `unexpected markup "${excerpt(html, index)}"`, images };
    }
    const [whole, closing, name = '', attributes = ''] = match;
    if (!ALLOWED_TAGS.has(name)) return { problem: `a <${name}> element`, images };
    if (!closing && attributes) {
      for (const [, attribute = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
        const problem = checkAttribute(name, attribute, value, assetPrefix, images);
        if (problem) return { problem, images };
      }
    } else if (closing && attributes) {
      return { problem: `attributes on the closing tag </${name}>`, images };
    }
    index = html.indexOf('<', index + whole.length);
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
  if (tag === 'img' && attribute === 'src') {
    const name = value.startsWith(assetPrefix) ? value.slice(assetPrefix.length) : '';
    if (!/^[0-9a-f]{16}\.(?:png|jpg|gif|webp|svg)$/.test(name)) {
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
