// Every colour a course's code stylesheet uses reaches WCAG AA for normal text (4.5:1) against
// the background the page actually draws code on, read from the renderer's own CSS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../tests/support/contrast.ts';
import { singleLessonCourse } from '../../tests/support/courses.ts';
import { CODE_THEMES, loadCodeHighlighter } from './code-highlighter.ts';
import { compileCourse } from './compile.ts';

type Theme = keyof typeof CODE_THEMES;
const AA_NORMAL_TEXT = 4.5;

const STYLES = path.resolve(import.meta.dirname, '../../renderer/src/styles');
const baseCss = readFileSync(path.join(STYLES, 'base.css'), 'utf8');
const proseCss = readFileSync(path.join(STYLES, 'prose.css'), 'utf8');

/** The declarations of the rule whose selector is exactly `selector`. */
function declarationsOf(css: string, selector: string): string {
  const at = css.indexOf(`\n${selector} {`);
  if (at === -1) throw new Error(`no rule "${selector}" in the renderer's CSS`);
  const open = css.indexOf('{', at);
  return css.slice(open + 1, css.indexOf('}', open));
}

function propertyOf(declarations: string, property: string): string | null {
  const match = new RegExp(`(?:^|;|\\s)${property}\\s*:\\s*([^;]+);`).exec(declarations);
  return match?.[1]?.trim() ?? null;
}

/** A CSS colour value in `theme`: a hex colour, or null for none or transparent. */
function resolveColour(value: string, theme: Theme): string | null {
  const lightDark = /^light-dark\((.*)\)$/s.exec(value);
  if (lightDark) {
    const [light, dark] = splitTopLevel(lightDark[1] ?? '');
    return resolveColour((theme === 'light' ? light : dark) ?? '', theme);
  }
  const variable = /^var\((--[\w-]+)\)$/.exec(value);
  if (variable) {
    const root = declarationsOf(baseCss, ':root');
    const defined = propertyOf(root, variable[1] ?? '');
    if (defined === null) throw new Error(`${variable[1]} is not defined in base.css`);
    return resolveColour(defined, theme);
  }
  if (value === 'none' || value === 'transparent') return null;
  if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) return value.toLowerCase();
  throw new Error(`cannot resolve the colour "${value}"`);
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (const [index, char] of [...list].entries()) {
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

function backgroundOf(selector: string, theme: Theme): string | null {
  const value = propertyOf(declarationsOf(proseCss, selector), 'background');
  return value === null ? null : resolveColour(value, theme);
}

/** What code text is drawn on in `theme`: a plain line and an emphasised one. */
function codeBackgrounds(theme: Theme): string[] {
  const block = backgroundOf('.prose .code-block', theme);
  if (block === null) throw new Error('the code block has no background of its own');
  const line = backgroundOf('.prose .code-block-body', theme) ?? block;
  const emphasised = backgroundOf('.prose .code-block-body .line.emphasised', theme) ?? line;
  return [...new Set([line, emphasised])];
}

/** The text colours a course's code stylesheet sets, per theme. */
function coloursOf(css: string): Record<Theme, Set<string>> {
  const colours = { light: new Set<string>(), dark: new Set<string>() };
  for (const [, dark, colour] of css.matchAll(
    /^(:root\[data-theme='dark'\] )?[^{\n]+\{color:(#[0-9a-f]{6})\}$/gm,
  )) {
    colours[dark ? 'dark' : 'light'].add(colour ?? '');
  }
  return colours;
}

/** Each colour that misses AA against one of `backgrounds`, with its ratio. */
function unreadable(colours: Iterable<string>, backgrounds: readonly string[]): string[] {
  return [...colours].flatMap((colour) =>
    backgrounds
      .map((background) => ({ background, ratio: contrastRatio(colour, background) }))
      .filter(({ ratio }) => ratio < AA_NORMAL_TEXT)
      .map(({ background, ratio }) => `${colour} on ${background}: ${ratio.toFixed(2)}:1`),
  );
}

const SAMPLES: Record<string, string> = {
  python: [
    '# Start the app server.',
    'import os',
    '',
    '@app.get("/items/{item_id}")',
    'async def read_item(item_id: int, q: str | None = None) -> dict:',
    '    """Return one item."""',
    '    return {"id": item_id, "debug": os.environ.get("DEBUG", False), "n": 3.5}',
  ].join('\n'),
  js: [
    '// Fetch with a timeout.',
    'export async function load(url, { timeout = 5000 } = {}) {',
    '  const controller = new AbortController();',
    '  setTimeout(() => controller.abort(), timeout);',
    '  return /^https:/.test(url) ? await fetch(url, { signal: controller.signal }) : null;',
    '}',
  ].join('\n'),
  bash: [
    '#!/usr/bin/env bash',
    '# Deploy the current branch.',
    'set -euo pipefail',
    'for host in "$@"; do',
    '  rsync -az ./dist/ "deploy@${host}:/srv/app" && echo "done: $host" > /dev/null',
    'done',
  ].join('\n'),
  dockerfile: [
    '# syntax=docker/dockerfile:1',
    'FROM python:3.12-slim AS base',
    'ENV PYTHONUNBUFFERED=1',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "main:app"]',
  ].join('\n'),
  yaml: [
    '# CI pipeline',
    'name: test',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: npm test # all of it',
    '        env: { CI: true, RETRIES: null }',
  ].join('\n'),
  json: '{\n  "name": "studybook",\n  "private": true,\n  "version": 1.5,\n  "files": ["dist", null]\n}',
};

function lessonWithSamples(): string {
  const blocks = Object.entries(SAMPLES).map(
    ([language, code]) => `\`\`\`${language} {1-2}\n${code}\n\`\`\`\n`,
  );
  return `---\ntitle: Code\n---\n\n## Samples\n\n${blocks.join('\n')}`;
}

describe('code colours', () => {
  it('are measured with the WCAG 2.x contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });

  it('are checked against the code block background the renderer draws', () => {
    expect(codeBackgrounds('light')).toEqual(['#ffffff']);
    expect(codeBackgrounds('dark')).toEqual(['#1b1e23', '#1c302b']);
    // The unreadable comment grey of shiki's github-dark is caught by this check.
    expect(unreadable(['#6a737d'], codeBackgrounds('dark'))).toHaveLength(2);
  });

  it('reach 4.5:1 in every theme for code compiled in python, js, bash, dockerfile, yaml and json', async () => {
    const { course, diagnostics } = await compileCourse(singleLessonCourse(lessonWithSamples()));
    expect(diagnostics).toEqual([]);
    const html = course?.lessons[0]?.sections[0]?.html ?? '';
    for (const language of ['python', 'javascript', 'bash', 'dockerfile', 'yaml', 'json']) {
      expect(html).toContain(`data-language="${language}"`);
    }
    const colours = coloursOf(course?.codeCss ?? '');
    // Enough colours that the check means something: keywords, strings, comments, numbers…
    expect(colours.light.size).toBeGreaterThanOrEqual(6);
    expect(colours.dark.size).toBeGreaterThanOrEqual(6);
    expect({
      light: unreadable(colours.light, codeBackgrounds('light')),
      dark: unreadable(colours.dark, codeBackgrounds('dark')),
    }).toEqual({ light: [], dark: [] });
  });

  it('reach 4.5:1 for every foreground either theme defines, whatever the language', async () => {
    const themes = await createHighlighter({ themes: Object.values(CODE_THEMES), langs: [] });
    const styles = (await loadCodeHighlighter()).createStyleSheet();
    for (const theme of ['light', 'dark'] as const) {
      for (const { settings } of themes.getTheme(CODE_THEMES[theme]).settings) {
        const color = settings.foreground;
        if (!color) continue;
        styles.classFor(
          theme === 'light' ? { color } : undefined,
          theme === 'dark' ? { color } : undefined,
        );
      }
    }
    themes.dispose();
    const colours = coloursOf(styles.toCss());
    expect({
      light: unreadable(colours.light, codeBackgrounds('light')),
      dark: unreadable(colours.dark, codeBackgrounds('dark')),
    }).toEqual({ light: [], dark: [] });
  });

  it('line numbers reach 4.5:1 too: lessons refer to lines by number', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colourOf = (selector: string) => {
        const value = propertyOf(declarationsOf(proseCss, selector), 'color');
        if (value === null) throw new Error(`${selector} sets no colour`);
        return resolveColour(value, theme);
      };
      const plain = colourOf('.prose .code-block-body .line::before');
      const emphasised = colourOf('.prose .code-block-body .line.emphasised::before');
      expect(
        unreadable(
          [plain, emphasised].filter((colour) => colour !== null),
          codeBackgrounds(theme),
        ),
        theme,
      ).toEqual([]);
    }
    // The faint grey the numbers had before is caught by this check.
    expect(unreadable(['#8a9099'], codeBackgrounds('light'))).toHaveLength(1);
  });
});
