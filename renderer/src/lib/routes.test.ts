import { describe, expect, it } from 'vitest';
import { addressOf, inAppAddress, lessonHref, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it.each(['', '/', '/index.html', '#/'])('reads %j as the library', (address) => {
    expect(parseRoute(address)).toEqual({ kind: 'library' });
  });

  it('reads a course and a lesson as that lesson from its top', () => {
    expect(parseRoute('/learn/python-backend/deployment')).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: null,
    });
  });

  it('reads a third segment as the section to bring into view', () => {
    expect(parseRoute('/learn/python-backend/deployment/web-servers')).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: 'web-servers',
    });
  });

  it('reads an older `#/…` address as the lesson it names', () => {
    expect(parseRoute('#/python-backend/deployment/web-servers')).toEqual(
      parseRoute('/learn/python-backend/deployment/web-servers'),
    );
  });

  it('forgives one trailing slash', () => {
    expect(parseRoute('/learn/python-backend/deployment/')).toMatchObject({
      kind: 'lesson',
      lessonId: 'deployment',
      sectionId: null,
    });
  });

  it('decodes percent-encoded ids, as browsers report non-ASCII paths', () => {
    expect(parseRoute('/learn/%C3%A9t%C3%A9/le%C3%A7on-1')).toMatchObject({
      courseId: 'été',
      lessonId: 'leçon-1',
    });
  });

  it('reads an id it cannot decode as an unknown address instead of throwing', () => {
    expect(parseRoute('/learn/python-backend/%E0%A4%A')).toEqual({
      kind: 'unknown',
      path: '/learn/python-backend/%E0%A4%A',
    });
  });

  it.each([
    ['a course alone', '/learn/python-backend'],
    ['the lessons’ folder alone', '/learn'],
    ['too many segments', '/learn/python-backend/deployment/web-servers/extra'],
    ['an empty segment', '/learn/python-backend//web-servers'],
    ['a blank segment', '/learn/python-backend/%20'],
    ['a lesson outside /learn', '/python-backend/deployment'],
    ['an in-page anchor', '#web-servers'],
    ['a bare hash', '#'],
  ])('reads %s as an unknown address', (_, address) => {
    expect(parseRoute(address).kind).toBe('unknown');
  });

  it('reads the address a lesson link writes back as the same lesson', () => {
    const href = lessonHref('python-backend', 'deployment', 'web-servers');
    expect(parseRoute(href)).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: 'web-servers',
    });
  });
});

describe('inAppAddress', () => {
  it('keeps the library’s and a lesson’s address as written', () => {
    expect(inAppAddress('/')).toBe('/');
    expect(inAppAddress('/learn/c/l/s?highlight=a')).toBe('/learn/c/l/s?highlight=a');
  });

  it('spells Electron’s start page and the older `#/…` links as the page does', () => {
    expect(inAppAddress('/index.html')).toBe('/');
    expect(inAppAddress('#/')).toBe('/');
    expect(inAppAddress('#/c/l/s?highlight=a')).toBe('/learn/c/l/s?highlight=a');
  });

  it.each([
    null,
    '',
    '#main',
    '/favicon.png',
    '/api/openLesson',
    '/assets/c/code.css',
    'https://x.org/',
  ])('is null for %j, which is not a page of the app', (href) => {
    expect(inAppAddress(href)).toBeNull();
  });
});

describe('addressOf', () => {
  it('reads the path and query of a location', () => {
    expect(addressOf({ pathname: '/learn/c/l', search: '?highlight=x', hash: '' })).toBe(
      '/learn/c/l?highlight=x',
    );
  });

  it('prefers an older `#/…` address in the hash to the path it was opened on', () => {
    expect(addressOf({ pathname: '/learn/c/l', search: '', hash: '#/c/m' })).toBe('/learn/c/m');
    expect(addressOf({ pathname: '/index.html', search: '', hash: '#/c/m/s' })).toBe(
      '/learn/c/m/s',
    );
  });

  it('ignores an in-page anchor, and spells Electron’s start page as the library', () => {
    expect(addressOf({ pathname: '/learn/c/l', search: '', hash: '#main' })).toBe('/learn/c/l');
    expect(addressOf({ pathname: '/index.html', search: '', hash: '' })).toBe('/');
  });

  it('keeps an address that is no page as it is, for the page to say so', () => {
    expect(addressOf({ pathname: '/nothing-here', search: '?a=1', hash: '' })).toBe(
      '/nothing-here?a=1',
    );
  });
});

describe('highlighted words in an address', () => {
  it('reads the words a search result asks to highlight', () => {
    expect(
      parseRoute('/learn/python-backend/deployment/web-servers?highlight=gunicorn+wsgi'),
    ).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: 'web-servers',
      highlight: ['gunicorn', 'wsgi'],
    });
  });

  it('reads highlights on a lesson without a section, and forgives the trailing slash', () => {
    expect(parseRoute('/learn/python-backend/deployment/?highlight=docker')).toMatchObject({
      sectionId: null,
      highlight: ['docker'],
    });
  });

  it('leaves highlight out when the address has none, or only blanks', () => {
    expect(parseRoute('/learn/python-backend/deployment?highlight=+')).not.toHaveProperty(
      'highlight',
    );
    expect(parseRoute('/learn/python-backend/deployment?other=1')).not.toHaveProperty('highlight');
  });

  it('writes and reads back accented, Japanese and punctuated words', () => {
    const href = lessonHref('python-backend', 'deployment', 'web-servers', [
      'déploiement',
      '東京',
      'a&b=c',
    ]);
    expect(href).toBe(
      '/learn/python-backend/deployment/web-servers?highlight=d%C3%A9ploiement+%E6%9D%B1%E4%BA%AC+a%26b%3Dc',
    );
    expect(parseRoute(href)).toMatchObject({ highlight: ['déploiement', '東京', 'a&b=c'] });
  });

  it('keeps a hand-made address cheap: at most 12 words of at most 64 characters, no repeats', () => {
    const words = Array.from({ length: 20 }, (_, index) => `w${index}`);
    const route = parseRoute(`/learn/c/l?highlight=${['x'.repeat(65), 'w0', ...words].join('+')}`);
    expect(route).toMatchObject({ highlight: words.slice(0, 12) });
  });

  it('reads a malformed query as no highlight instead of throwing', () => {
    expect(parseRoute('/learn/c/l?highlight=%E0%A4%A')).toMatchObject({ kind: 'lesson' });
  });
});

describe('lessonHref', () => {
  it('leaves the section out when there is none', () => {
    expect(lessonHref('python-backend', 'deployment')).toBe('/learn/python-backend/deployment');
    expect(lessonHref('python-backend', 'deployment', null)).toBe(
      '/learn/python-backend/deployment',
    );
  });

  it('encodes each id so that no id can add a segment', () => {
    expect(lessonHref('été', 'a/b')).toBe('/learn/%C3%A9t%C3%A9/a%2Fb');
  });
});
