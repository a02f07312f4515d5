import { describe, expect, it } from 'vitest';
import type { Handlers } from '../dispatch.ts';
import type { FirstLesson } from '../page-address.ts';
import { firstLessonElement, pageParts } from './page-html.ts';

const INDEX =
  '<!doctype html><head><meta name="studybook-token" content="">' +
  '<script type="module" src="/_app/index.js"></script></head><body><div id="app"></div></body></html>';

// Pages that name no lesson never call a handler: any call here is a failure of the test.
const noCalls = new Proxy({} as Handlers, {
  get: (_, name) => () => {
    throw new Error(`pageParts called ${String(name)} for a page that names no lesson`);
  },
});

describe('pageParts', () => {
  it('fills in the token and ends the library’s page as built', async () => {
    const parts = pageParts(INDEX, '/', { token: 'abc_123-XY', handlers: noCalls });
    expect(parts.start).toContain('<meta name="studybook-token" content="abc_123-XY">');
    expect(parts.start.endsWith('<div id="app"></div>')).toBe(true);
    expect(await parts.end()).toBe('</body></html>');
  });

  it('escapes a token as an attribute value', () => {
    const parts = pageParts(INDEX, '/', { token: '"><script>', handlers: noCalls });
    expect(parts.start).toContain('content="&#34;&#62;&#60;script&#62;"');
  });

  it('carries no lesson for an address that names none', async () => {
    for (const pathname of ['/index.html', '/learn', '/learn/course-only', '/learn/a/b/c/d']) {
      const parts = pageParts(INDEX, pathname, { token: '', handlers: noCalls });
      expect(parts.start + (await parts.end()), pathname).toBe(INDEX);
    }
  });
});

describe('firstLessonElement', () => {
  const first = (title: string): FirstLesson => ({
    courseId: 'c',
    lessonId: 'l',
    outcome: { ok: false, error: { code: 'not-found', message: title } },
  });

  it('writes JSON that no lesson text can break out of', () => {
    const hostile = '</script><script>alert(1)</script><!-- ';
    const element = firstLessonElement(first(hostile));
    expect(element.match(/<\/script>/g), 'only its own end tag').toHaveLength(1);
    expect(element).not.toContain('<!--');
    const json = element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual(first(hostile));
  });

  it('is data, never run: a JSON script element with the id the page looks for', () => {
    expect(firstLessonElement(first('x'))).toMatch(
      /^<script type="application\/json" id="studybook-first-lesson">/,
    );
  });
});
