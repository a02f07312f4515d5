import { describe, expect, it } from 'vitest';
import { checkLines, fixture, singleLessonCourse } from '../../tests/support/courses.ts';
import { compileCourse } from './compile.ts';

async function renderSection(markdown: string): Promise<string> {
  const { course, diagnostics } = await compileCourse(
    singleLessonCourse(`---\ntitle: Lesson\n---\n## Section\n${markdown}`),
  );
  const html = course?.lessons[0]?.sections[0]?.html;
  if (html === undefined) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return html;
}

describe('rendered Markdown', () => {
  it('renders paragraphs, nested lists, emphasis and inline code', async () => {
    expect(await renderSection('- **Bold** and *italic*\n  - nested `code`\n')).toBe(
      '<ul>\n<li><strong>Bold</strong> and <em>italic</em>\n<ul>\n<li>nested <code>code</code></li>\n</ul>\n</li>\n</ul>\n',
    );
  });

  it('escapes raw HTML as text and warns at each tag', async () => {
    expect(await renderSection('A <b onclick="x()">bold</b> move.\n')).toBe(
      '<p>A &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt; move.</p>\n',
    );
    expect(await checkLines([fixture('raw-html')])).toEqual([
      'raw-html/html.md:5:6: warning: raw HTML "<span class="x">" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:5:28: warning: raw HTML "</span>" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:7:1: warning: raw HTML "<div>" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:9:1: warning: raw HTML "</div>" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:11:1: warning: raw HTML "<!-- a comment -->" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:13:1: warning: raw HTML "<script>" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:13:17: warning: raw HTML "</script>" is shown as text, not rendered: use Markdown instead',
      'raw-html/html.md:17:3: warning: unknown admonition [!DANGER], shown as a plain quote: use [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]',
    ]);
  });

  it('never lets a script or an event handler through', async () => {
    const html = await renderSection(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n',
    );
    expect(html).not.toMatch(/<script|<img/);
  });

  it('turns > [!NOTE] and its kin into titled asides', async () => {
    expect(await renderSection('> [!WARNING]\n> Back up **first**.\n')).toBe(
      '<aside class="admonition admonition-warning" role="note">\n<p class="admonition-title">Warning</p>\n<p>Back up <strong>first</strong>.</p>\n</aside>\n',
    );
    for (const kind of ['NOTE', 'TIP', 'IMPORTANT', 'CAUTION']) {
      expect(await renderSection(`> [!${kind}]\n> Text.\n`)).toContain(
        `class="admonition admonition-${kind.toLowerCase()}"`,
      );
    }
  });

  it('leaves a plain quote a blockquote', async () => {
    expect(await renderSection('> Quoted.\n')).toBe(
      '<blockquote>\n<p>Quoted.</p>\n</blockquote>\n',
    );
  });

  it('wraps tables in a labelled region that scrolls, with alignment as classes, not styles', async () => {
    expect(await renderSection('| Type | Best for |\n|:--|--:|\n| PaaS | Prototypes |\n')).toBe(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table: Type">\n<table>\n<thead>\n<tr>\n<th class="align-left">Type</th>\n<th class="align-right">Best for</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class="align-left">PaaS</td>\n<td class="align-right">Prototypes</td>\n</tr>\n</tbody>\n</table>\n</div>\n',
    );
  });

  it('reports positions inside table cells, lists and quotes', async () => {
    const dir = singleLessonCourse(
      '---\ntitle: Lesson\n---\n## Section\n| A | B |\n|---|---|\n| x | [y](#nope) |\n\n- item [z](#nope)\n\n> quote [w](#nope)\n',
    );
    expect((await checkLines([dir], dir)).map((line) => line.split(': error')[0])).toEqual([
      'lesson.md:7:7',
      'lesson.md:9:8',
      'lesson.md:11:9',
    ]);
  });
});
