// Code blocks highlighted at build time, light and dark in one pass, as classes plus a stylesheet:
// the app's Content Security Policy forbids inline styles, and the renderer ships no highlighter.
import { createHighlighter } from 'shiki';
import type { Highlighter, TokenStyles } from 'shiki';
import type { CodeLanguage } from './code-languages.ts';
import { GRAMMARS } from './code-languages.ts';
import { escapeHtml } from './html.ts';

/** The shiki themes code is coloured with, for light and for dark mode. */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;
const DARK = ":root[data-theme='dark']";

// The themes' colours that fall short of WCAG AA (4.5:1 for normal text) on the page's code
// blocks (renderer/src/styles: --surface, #ffffff and #1b1e23; an emphasised dark line sits on
// --accent-soft, #1c302b), each replaced by a shade of the same hue that reaches it:
// code-highlighter-contrast.test.ts checks every colour against that CSS. The last two of each
// theme are foregrounds shiki pairs with a background of their own (carriage returns, untracked
// markup), which this stylesheet does not carry: they take that background's colour instead.
const READABLE: Record<keyof typeof CODE_THEMES, ReadonlyMap<string, string>> = {
  light: new Map([
    ['e36209', 'c24e00'], // variables (3.5:1): GitHub's darker orange, 4.8:1
    ['fafbfc', 'd73a49'],
    ['f6f8fa', '005cc5'],
  ]),
  dark: new Map([
    ['6a737d', '8b949e'], // comments (3.5:1): the grey of GitHub's later dark theme, 5.4:1
    ['24292e', 'f97583'],
    ['2f363d', '79b8ff'],
  ]),
};

// shiki's FontStyle bit flags.
const FONT_STYLES = [
  { bit: 1, name: 'i', css: 'font-style:italic' },
  { bit: 2, name: 'b', css: 'font-weight:bold' },
  { bit: 4, name: 'u', css: 'text-decoration:underline' },
  { bit: 8, name: 's', css: 'text-decoration:line-through' },
] as const;

/** A code block to render. */
export interface CodeBlock {
  /** The source, without the newline that ends its last line. */
  readonly code: string;
  readonly language: CodeLanguage;
  readonly title: string | null;
  /** 1-based line numbers. */
  readonly emphasised: ReadonlySet<number>;
}

let loading: Promise<CodeHighlighter> | undefined;

/** The shared highlighter, created on first call (about 0.4 s) and reused. Rejects if shiki cannot load. */
export function loadCodeHighlighter(): Promise<CodeHighlighter> {
  loading ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [...GRAMMARS] }).then(
    (shiki) => new CodeHighlighter(shiki),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Turns code into the app's code-block markup; styles used go into a course's `CodeStyleSheet`. */
export class CodeHighlighter {
  private readonly shiki: Highlighter;

  constructor(shiki: Highlighter) {
    this.shiki = shiki;
  }

  /** A style sheet for one course, starting from the themes' default text colours. */
  createStyleSheet(): CodeStyleSheet {
    return new CodeStyleSheet(
      themeColour('light', this.shiki.getTheme(CODE_THEMES.light).fg),
      themeColour('dark', this.shiki.getTheme(CODE_THEMES.dark).fg),
    );
  }

  /** The `<figure class="code-block">` for `block`, its token classes recorded in `styles`. */
  render(block: CodeBlock, styles: CodeStyleSheet): string {
    const code = block.code;
    const grammar = block.language.grammar;
    const lines = grammar
      ? this.shiki
          .codeToTokensWithThemes(code, { lang: grammar, themes: CODE_THEMES })
          .map((tokens) => renderTokens(tokens, styles))
      : code.split('\n').map(escapeHtml);
    const title = block.title
      ? `<span class="code-block-title">${escapeHtml(block.title)}</span>`
      : '';
    // Newlines between the line spans make `code.textContent` exactly the source, so copying
    // works; line numbers come from CSS counters and are never part of the text.
    const body = lines
      .map((html, index) => {
        const emphasised = block.emphasised.has(index + 1) ? ' emphasised' : '';
        return `<span class="line${emphasised}">${html}</span>`;
      })
      .join('\n');
    return (
      `<figure class="code-block" data-language="${block.language.id}">` +
      `<figcaption class="code-block-header"><span class="code-block-language">${escapeHtml(block.language.label)}</span>${title}</figcaption>` +
      `<pre class="code-block-body"><code>${body}</code></pre></figure>\n`
    );
  }
}

function renderTokens(
  tokens: readonly { content: string; variants: Record<string, TokenStyles> }[],
  styles: CodeStyleSheet,
): string {
  let html = '';
  let openClass = '';
  let text = '';
  const flush = () => {
    if (text === '') return;
    html += openClass ? `<span class="${openClass}">${escapeHtml(text)}</span>` : escapeHtml(text);
    text = '';
  };
  for (const token of tokens) {
    const className = styles.classFor(token.variants.light, token.variants.dark);
    // Neighbouring tokens of the same style share one span: smaller HTML, same rendering.
    if (className !== openClass) {
      flush();
      openClass = className;
    }
    text += token.content;
  }
  flush();
  return html;
}

/**
 * The classes a course's code uses, and the stylesheet defining them: `.hl-<hex>` for light
 * colours, `.hl-d-<hex>` under `:root[data-theme='dark']` for dark ones, and font styles.
 */
export class CodeStyleSheet {
  private readonly lightDefault: string;
  private readonly darkDefault: string;
  private readonly classes = new Map<string, string>();
  private readonly lightColours = new Set<string>();
  private readonly darkColours = new Set<string>();
  private readonly fontStyles = new Set<number>();
  private readonly darkFontStyles = new Set<number>();

  constructor(lightDefault: string, darkDefault: string) {
    this.lightDefault = lightDefault;
    this.darkDefault = darkDefault;
  }

  /** The class attribute value for a token styled `light` and `dark`; '' for default text. */
  classFor(light: TokenStyles | undefined, dark: TokenStyles | undefined): string {
    const lightColour = light?.color ? themeColour('light', light.color) : this.lightDefault;
    const darkColour = dark?.color ? themeColour('dark', dark.color) : this.darkDefault;
    const lightFont = Math.max(0, light?.fontStyle ?? 0);
    const darkFont = Math.max(0, dark?.fontStyle ?? 0);
    const key = `${lightColour} ${darkColour} ${lightFont} ${darkFont}`;
    const cached = this.classes.get(key);
    if (cached !== undefined) return cached;

    const names: string[] = [];
    // Both colours or neither: a light class alone would leak its colour into the dark theme.
    if (lightColour !== this.lightDefault || darkColour !== this.darkDefault) {
      names.push(`hl-${lightColour}`, `hl-d-${darkColour}`);
      this.lightColours.add(lightColour);
      this.darkColours.add(darkColour);
    }
    for (const style of FONT_STYLES) if (lightFont & style.bit) names.push(`hl-${style.name}`);
    if (lightFont) this.fontStyles.add(lightFont);
    if (darkFont !== lightFont) {
      names.push(`hl-d-fs${darkFont}`);
      this.darkFontStyles.add(darkFont);
    }
    const className = names.join(' ');
    this.classes.set(key, className);
    return className;
  }

  /** The stylesheet for every class handed out so far, in a stable order. */
  toCss(): string {
    const rules = [
      `.code-block-body{color:#${this.lightDefault}}`,
      `${DARK} .code-block-body{color:#${this.darkDefault}}`,
    ];
    for (const colour of [...this.lightColours].sort())
      rules.push(`.hl-${colour}{color:#${colour}}`);
    for (const colour of [...this.darkColours].sort()) {
      rules.push(`${DARK} .hl-d-${colour}{color:#${colour}}`);
    }
    const usedFlags = new Set<number>();
    for (const fontStyle of this.fontStyles) {
      for (const style of FONT_STYLES) if (fontStyle & style.bit) usedFlags.add(style.bit);
    }
    for (const style of FONT_STYLES) {
      if (usedFlags.has(style.bit)) rules.push(`.hl-${style.name}{${style.css}}`);
    }
    // A token styled differently in the dark theme resets every font property there.
    for (const fontStyle of [...this.darkFontStyles].sort((a, b) => a - b)) {
      const declarations = [
        fontStyle & 1 ? 'font-style:italic' : 'font-style:normal',
        fontStyle & 2 ? 'font-weight:bold' : 'font-weight:normal',
        `text-decoration:${[fontStyle & 4 ? 'underline' : '', fontStyle & 8 ? 'line-through' : ''].join(' ').trim() || 'none'}`,
      ];
      rules.push(`${DARK} .hl-d-fs${fontStyle}{${declarations.join(';')}}`);
    }
    return rules.join('\n') + '\n';
  }
}

/** A theme's colour as the stylesheet writes it: lowercase hex without `#`, made readable. */
function themeColour(theme: keyof typeof CODE_THEMES, colour: string | undefined): string {
  const hex = (colour ?? '').replace('#', '').toLowerCase();
  return READABLE[theme].get(hex) ?? hex;
}
