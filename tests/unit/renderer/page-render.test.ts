// The page as the host renders it (renderer/src/server.ts), from the real sample course: what the
// browser paints before the page's script runs, so it must be the page a learner would see.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutcome, LessonView, LibraryView } from '../../../electron/api.ts';
import type { FirstView } from '../../../electron/page-address.ts';
import { firstViewElement, pageParts } from '../../../electron/serve/page-html.ts';
import { renderPage } from '../../../renderer/src/server.ts';
import { useSampleHost } from './sample-host.ts';

const REPOSITORY = path.resolve(import.meta.dirname, '../../..');
type LessonFirstView = Extract<FirstView, { kind: 'lesson' }>;

const host = useSampleHost();
const key = { courseId: 'python-backend', lessonId: 'deployment' };
const address = '/learn/python-backend/deployment';

async function lessonFirst(lessonId = key.lessonId): Promise<LessonFirstView> {
  const outcome = await host.call('openLesson', { ...key, lessonId });
  return { kind: 'lesson', ...key, lessonId, outcome: outcome as CallOutcome<LessonView> };
}

async function libraryFirst(): Promise<FirstView> {
  const outcome = await host.call('listCourses', {});
  return { kind: 'library', outcome: outcome as CallOutcome<LibraryView> };
}

/** The text of an element's markup, tags dropped and entities that matter here read. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

describe('renderPage', () => {
  it('renders a lesson as the learner sees it: header, sections, every part of the lesson', async () => {
    const first = await lessonFirst();
    const rendered = renderPage(address, first, host.call);
    if (!rendered || !first.outcome.ok) throw new Error('the lesson was not rendered');
    const { lesson, course } = first.outcome.value;

    const headings = [...rendered.body.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)];
    expect(
      headings.map((match) => textOf(match[1] ?? '').trim()),
      'one h1: the lesson’s title',
    ).toEqual([lesson.title]);
    expect(rendered.body).toContain('aria-label="Breadcrumb"');
    expect(rendered.body).toContain('aria-label="Sections"');
    expect(rendered.body).toMatch(/role="progressbar"[^>]*aria-valuenow="0"/);
    for (const section of lesson.sections) {
      expect(textOf(rendered.body), section.title).toContain(section.title);
    }
    expect(rendered.body, 'the quiz').toContain('Test your knowledge');

    // In the page's head: its title, and the course's code colours, so code paints in colour.
    expect(rendered.head).toContain(`<title>${lesson.title} · ${course.title} · Studybook</title>`);
    expect(rendered.head).toContain(`<link rel="stylesheet" href="${course.codeStylesheet}"`);
  });

  it('renders the library with its courses', async () => {
    const first = await libraryFirst();
    const rendered = renderPage('/', first, host.call);
    expect(rendered?.body).toContain('Python Backend');
    expect(rendered?.head).toContain('<title>Library · Studybook</title>');
    // Electron's window opens the library at /index.html.
    expect(renderPage('/index.html', first, host.call)?.body).toBe(rendered?.body);
  });

  it('writes nothing the page’s content security policy would refuse', async () => {
    for (const [at, first] of [
      [address, await lessonFirst()],
      ['/', await libraryFirst()],
    ] as const) {
      const rendered = renderPage(at, first, host.call);
      const markup = `${rendered?.head}${rendered?.body}`;
      expect(markup.length, at).toBeGreaterThan(1000);
      expect(markup, `${at}: a style attribute (style-src 'self')`).not.toMatch(/\sstyle=/);
      expect(markup, `${at}: an inline script`).not.toMatch(
        /<script(?![^>]*type="application\/json")/,
      );
      expect(markup, `${at}: an inline event handler`).not.toMatch(/\son[a-z]+=/);
    }
  });

  it('leaves to the page a lesson that opens at a saved place', async () => {
    await host.client.recordProgress({
      courseId: key.courseId,
      lessonId: 'logging',
      position: { sectionId: 'levels', offset: 0.5 },
    });
    const first = await lessonFirst('logging');
    expect(first.outcome.ok && first.outcome.value.progress.position).toBeTruthy();
    expect(renderPage('/learn/python-backend/logging', first, host.call)).toBeNull();
  });

  it('leaves to the page an address naming a section, and a lesson that does not exist', async () => {
    expect(renderPage(`${address}/containers`, await lessonFirst(), host.call)).toBeNull();
    const missing = await lessonFirst('no-such-lesson');
    expect(missing.outcome.ok).toBe(false);
    expect(renderPage('/learn/python-backend/no-such-lesson', missing, host.call)).toBeNull();
  });

  it('is what the host sends in the page: head, then the app’s markup, then its data', async () => {
    const index = readFileSync(path.join(REPOSITORY, 'renderer/index.html'), 'utf8');
    const parts = pageParts(
      index,
      { pathname: '/learn/python-backend/background-tasks', search: '' },
      { token: '', handlers: host.handlers, render: renderPage },
    );
    const html = parts.start + (await parts.end());
    const rendered = renderPage(
      '/learn/python-backend/background-tasks',
      await lessonFirst('background-tasks'),
      host.call,
    );
    if (!rendered) throw new Error('the lesson was not rendered');
    const headEnd = html.indexOf('</head>');
    expect(html.slice(headEnd - rendered.head.length, headEnd)).toBe(rendered.head);
    const app = html.indexOf('<div id="app">') + '<div id="app">'.length;
    expect(html.slice(app, app + rendered.body.length)).toBe(rendered.body);
    const data = html.slice(app + rendered.body.length);
    expect(
      data.startsWith(`</div><script type="application/json" id="studybook-first-view">`),
    ).toBe(true);
  });

  it('names, in the page’s head, the element whose parsing lets the page paint', () => {
    // Chromium holds the first paint until that element is parsed (rel="expect"): a name the host
    // does not write would hold it until the whole page is parsed, as if there were none.
    const index = readFileSync(path.join(REPOSITORY, 'renderer/index.html'), 'utf8');
    const element = firstViewElement({
      kind: 'library',
      outcome: { ok: true, value: {} as never },
    });
    const id = /id="([^"]+)"/.exec(element)?.[1];
    expect(index).toContain(`<link rel="expect" href="#${id}" blocking="render" />`);
  });
});
