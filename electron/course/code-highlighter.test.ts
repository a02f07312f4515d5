import { describe, expect, it } from 'vitest';
import { checkLines, fixture, singleLessonCourse } from '../../tests/support/courses.ts';
import { loadCodeHighlighter } from './code-highlighter.ts';
import { PLAIN_TEXT, findLanguage } from './code-languages.ts';
import { compileCourse } from './compile.ts';

const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCMD ["gunicorn", "main:app"]';

function textContent(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

function codeOf(html: string): string {
  return /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? '';
}

async function renderBlock(
  code: string,
  language: string,
  emphasised: number[] = [],
  title: string | null = null,
) {
  const highlighter = await loadCodeHighlighter();
  const styles = highlighter.createStyleSheet();
  const found = findLanguage(language);
  if (!found) throw new Error(`no language ${language}`);
  const html = highlighter.render(
    { code, language: found, title, emphasised: new Set(emphasised) },
    styles,
  );
  return { html, css: styles.toCss() };
}

describe('highlighted code blocks', () => {
  it('have a header with the language label and title, and one span per line', async () => {
    const { html } = await renderBlock(DOCKERFILE, 'dockerfile', [2], 'app/Dockerfile');
    expect(html).toMatch(
      /^<figure class="code-block" data-language="dockerfile"><figcaption class="code-block-header"><span class="code-block-language">Dockerfile<\/span><span class="code-block-title">app\/Dockerfile<\/span><\/figcaption><pre class="code-block-body"><code><span class="line">.*<\/span>\n<span class="line emphasised">.*<\/span>\n<span class="line">.*<\/span><\/code><\/pre><\/figure>\n$/,
    );
  });

  it('keep the source exactly as the text of <code>, so that copying copies the code', async () => {
    const source = 'if a < b && c > "d":\n\n    print(\'&amp;\')  # comment';
    const { html } = await renderBlock(source, 'python');
    expect(textContent(codeOf(html))).toBe(source);
  });

  it('colour tokens with classes only, every class defined in the course stylesheet for both themes', async () => {
    const { html, css } = await renderBlock(DOCKERFILE, 'dockerfile');
    expect(html).not.toContain('style=');
    const classes = new Set(
      [...html.matchAll(/class="([^"]+)"/g)].flatMap((match) => match[1]?.split(' ') ?? []),
    );
    const highlightClasses = [...classes].filter((name) => name.startsWith('hl-'));
    expect(highlightClasses.length).toBeGreaterThan(0);
    for (const name of highlightClasses) {
      expect(css, name).toMatch(new RegExp(`\\.${name}\\{`));
    }
    expect(css).toMatch(/^\.hl-[0-9a-f]{6}\{color:#[0-9a-f]{6}\}$/m);
    expect(css).toMatch(/^:root\[data-theme='dark'\] \.hl-d-[0-9a-f]{6}\{color:#[0-9a-f]{6}\}$/m);
  });

  it('generate a stylesheet with only the classes the course uses', async () => {
    const { css } = await renderBlock('plain words', 'text');
    expect(css).toBe(
      ".code-block-body{color:#24292e}\n:root[data-theme='dark'] .code-block-body{color:#e1e4e8}\n",
    );
  });

  it('add font-style classes where a theme uses italics', async () => {
    const { html, css } = await renderBlock('*emphasis* and **strong**', 'markdown');
    expect(html).toContain('hl-i');
    expect(css).toContain('.hl-i{font-style:italic}');
  });

  it('render plain text escaped, without highlighting', async () => {
    const { html } = await renderBlock('<b> & "x"', 'text');
    expect(codeOf(html)).toBe('<span class="line">&lt;b&gt; &amp; &quot;x&quot;</span>');
    expect(html).toContain('<span class="code-block-language">Plain text</span>');
  });

  it('share one highlighter between compilations', async () => {
    expect(await loadCodeHighlighter()).toBe(await loadCodeHighlighter());
  });
});

describe('code languages', () => {
  it('have readable labels and accept common aliases', () => {
    expect(findLanguage('py')).toMatchObject({ id: 'python', label: 'Python' });
    expect(findLanguage('sh')).toMatchObject({ id: 'shell', label: 'Shell' });
    expect(findLanguage('Dockerfile')).toMatchObject({ id: 'dockerfile', label: 'Dockerfile' });
    expect(findLanguage('plaintext')).toEqual(PLAIN_TEXT);
    expect(findLanguage('cobol')).toBeUndefined();
  });
});

describe('code blocks in a lesson', () => {
  it('warn about an unknown language, emphasised lines out of range and unknown info words', async () => {
    expect(await checkLines([fixture('code-warnings')])).toEqual([
      'code-warnings/code.md:5:4: warning: unknown code language "cobol", shown as plain text: use one of python, dockerfile, bash, shell, yaml, json, toml, ini, javascript, typescript, sql, html, css, nginx, markdown, diff, go, rust, java, c, cpp, text',
      'code-warnings/code.md:9:4: warning: emphasised lines: "9" goes beyond the code block, which has 2 lines',
      'code-warnings/code.md:14:4: warning: "titel="x.sh"" in the code block\'s first line is not understood: write it as ```python title="app/main.py" {1,4-6}',
      'code-warnings/code.md:18:1: warning: a level-1 heading (#) in the lesson: the title comes from `title:` in the front matter; start sections with ##',
    ]);
  });

  it('render an unknown language and an indented block as plain text', async () => {
    const { course } = await compileCourse(
      singleLessonCourse(
        '---\ntitle: Code\n---\n## Code\n```cobol\nDISPLAY.\n```\n\n    indented\n',
      ),
    );
    const html = course?.lessons[0]?.sections[0]?.html ?? '';
    expect(html.match(/data-language="text"/g)).toHaveLength(2);
    expect(html).toContain('<span class="line">DISPLAY.</span>');
    expect(html).toContain('<span class="line">indented</span>');
  });

  it('store the classes of every lesson’s code in the course stylesheet', async () => {
    const { course } = await compileCourse(
      singleLessonCourse('---\ntitle: Code\n---\n## Code\n```python\nimport os\n```\n'),
    );
    const html = course?.lessons[0]?.sections[0]?.html ?? '';
    const used = [...html.matchAll(/hl-(?:d-)?[0-9a-f]{6}/g)].map((match) => match[0]);
    for (const name of used) expect(course?.codeCss).toContain(`.${name}{`);
  });
});
