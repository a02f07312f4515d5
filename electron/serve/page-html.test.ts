import { describe, expect, it } from 'vitest';
import type { Handlers } from '../dispatch.ts';
import type { FirstView } from '../page-address.ts';
import { firstViewElement, pageParts } from './page-html.ts';

const INDEX =
  '<!doctype html><head><meta name="studybook-token" content="">' +
  '<script type="module" src="/_app/index.js"></script></head><body><div id="app"></div></body></html>';

// Addresses that name neither a lesson nor the library never call a handler: any call here is a
// failure of the test. (The calls themselves: app-protocol.test.ts and preview-server.test.ts.)
const noCalls = new Proxy({} as Handlers, {
  get: (_, name) => () => {
    throw new Error(`pageParts called ${String(name)} for an address that names nothing`);
  },
});

describe('pageParts', () => {
  it('fills in the token, and sends the body’s end after the rest', async () => {
    const parts = pageParts(INDEX, '/learn', { token: 'abc_123-XY', handlers: noCalls });
    expect(parts.start).toContain('<meta name="studybook-token" content="abc_123-XY">');
    expect(parts.start.endsWith('<div id="app"></div>')).toBe(true);
    expect(await parts.end()).toBe('</body></html>');
  });

  it('escapes a token as an attribute value', () => {
    const parts = pageParts(INDEX, '/learn', { token: '"><script>', handlers: noCalls });
    expect(parts.start).toContain('content="&#34;&#62;&#60;script&#62;"');
  });

  it('carries nothing for an address that names neither a lesson nor the library', async () => {
    for (const pathname of ['/learn', '/learn/course-only', '/learn/a/b/c/d']) {
      const parts = pageParts(INDEX, pathname, { token: '', handlers: noCalls });
      expect(parts.start + (await parts.end()), pathname).toBe(INDEX);
    }
  });
});

describe('firstViewElement', () => {
  const first = (title: string): FirstView => ({
    kind: 'lesson',
    courseId: 'c',
    lessonId: 'l',
    outcome: { ok: false, error: { code: 'not-found', message: title } },
  });

  it('writes JSON that no lesson text can break out of', () => {
    const hostile = '</script><script>alert(1)</script><!-- ';
    const element = firstViewElement(first(hostile));
    expect(element.match(/<\/script>/g), 'only its own end tag').toHaveLength(1);
    expect(element).not.toContain('<!--');
    const json = element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual(first(hostile));
  });

  it('is data, never run: a JSON script element with the id the page looks for', () => {
    expect(firstViewElement(first('x'))).toMatch(
      /^<script type="application\/json" id="studybook-first-view">/,
    );
  });
});
