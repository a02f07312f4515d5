import { describe, expect, it } from 'vitest';
import type { Handlers } from '../dispatch.ts';
import type { FirstView, RenderPage } from '../page-address.ts';
import { firstViewElement, pageParts } from './page-html.ts';

const INDEX =
  '<!doctype html><head><meta name="studybook-token" content="">' +
  '<script type="module" src="/_app/index.js"></script></head><body><div id="app"></div></body></html>';
const LEARN = { pathname: '/learn', search: '' };
const LESSON = { pathname: '/learn/c/l', search: '?highlight=x' };

// Addresses that name neither a lesson nor the library never call a handler: any call here is a
// failure of the test. (The calls themselves: app-protocol.test.ts and preview-server.test.ts.)
const noCalls = new Proxy({} as Handlers, {
  get: (_, name) => () => {
    throw new Error(`pageParts called ${String(name)} for an address that names nothing`);
  },
});

describe('pageParts', () => {
  it('fills in the token, and sends the head but for its end first', async () => {
    const parts = pageParts(INDEX, LEARN, { token: 'abc_123-XY', handlers: noCalls });
    expect(parts.start).toContain('<meta name="studybook-token" content="abc_123-XY">');
    expect(parts.start.endsWith('<script type="module" src="/_app/index.js"></script>')).toBe(true);
    expect(await parts.end()).toBe('</head><body><div id="app"></div></body></html>');
  });

  it('escapes a token as an attribute value', () => {
    const parts = pageParts(INDEX, LEARN, { token: '"><script>', handlers: noCalls });
    expect(parts.start).toContain('content="&#34;&#62;&#60;script&#62;"');
  });

  it('carries nothing for an address that names neither a lesson nor the library', async () => {
    for (const pathname of ['/learn', '/learn/course-only', '/learn/a/b/c/d']) {
      const parts = pageParts(INDEX, { pathname, search: '' }, { token: '', handlers: noCalls });
      expect(parts.start + (await parts.end()), pathname).toBe(INDEX);
    }
  });

  it('refuses a built page with no empty app element after its head', () => {
    for (const page of [
      INDEX.replace('</head>', ''),
      INDEX.replace('<div id="app"></div>', '<main></main>'),
      INDEX.replace('<div id="app"></div>', '<div id="app">x</div>'),
    ]) {
      expect(() => pageParts(page, LEARN, { token: '', handlers: noCalls })).toThrow(
        'The built page has no </head> followed by an empty <div id="app">.',
      );
    }
  });
});

describe('pageParts with the page’s server build', () => {
  // The host's one call here: the lesson (its view does not matter to the page's HTML).
  const lessonHandlers = {
    openLesson: async () => ({ lesson: { title: 'L' } }),
  } as unknown as Handlers;
  const first: FirstView = {
    kind: 'lesson',
    courseId: 'c',
    lessonId: 'l',
    outcome: { ok: true, value: { lesson: { title: 'L' } } as never },
  };

  it('puts the rendering into the head’s end and the app’s element, and the data after it', async () => {
    const seen: unknown[] = [];
    const render: RenderPage = (address, view) => {
      seen.push([address, view]);
      return { head: '<title>L</title>', body: '<main>L</main>' };
    };
    const parts = pageParts(INDEX, LESSON, { token: '', handlers: lessonHandlers, render });
    expect(await parts.end()).toBe(
      '<title>L</title></head><body><div id="app"><main>L</main></div>' +
        firstViewElement(first) +
        '</body></html>',
    );
    expect(seen, 'the address with its query, and what the host read for it').toEqual([
      ['/learn/c/l?highlight=x', first],
    ]);
  });

  it('leaves the app’s element empty when the server build declines', async () => {
    const parts = pageParts(INDEX, LESSON, {
      token: '',
      handlers: lessonHandlers,
      render: () => null,
    });
    expect(await parts.end()).toBe(
      `</head><body><div id="app"></div>${firstViewElement(first)}</body></html>`,
    );
  });

  it('sends the page whole, for the browser to build, when rendering fails, and says why', async () => {
    const logged: unknown[] = [];
    const parts = pageParts(INDEX, LESSON, {
      token: '',
      handlers: lessonHandlers,
      render: () => {
        throw new Error('a component broke');
      },
      log: (message, error) => logged.push([message, (error as Error).message]),
    });
    expect(await parts.end()).toBe(
      `</head><body><div id="app"></div>${firstViewElement(first)}</body></html>`,
    );
    expect(logged).toEqual([
      [
        'The page for /learn/c/l?highlight=x could not be rendered on the host:',
        'a component broke',
      ],
    ]);
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
