import { describe, expect, it } from 'vitest';
import { lessonHref, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it.each(['', '#', '#/', '/'])('reads %j as the library', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'library' });
  });

  it('reads a course and a lesson as that lesson from its top', () => {
    expect(parseRoute('#/python-backend/deployment')).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: null,
    });
  });

  it('reads a third segment as the section to bring into view', () => {
    expect(parseRoute('#/python-backend/deployment/web-servers')).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: 'web-servers',
    });
  });

  it('forgives one trailing slash', () => {
    expect(parseRoute('#/python-backend/deployment/')).toMatchObject({
      kind: 'lesson',
      lessonId: 'deployment',
      sectionId: null,
    });
  });

  it('decodes percent-encoded ids, as browsers report non-ASCII hashes', () => {
    expect(parseRoute('#/%C3%A9t%C3%A9/le%C3%A7on-1')).toMatchObject({
      courseId: 'été',
      lessonId: 'leçon-1',
    });
  });

  it('reads an id it cannot decode as an unknown address instead of throwing', () => {
    expect(parseRoute('#/python-backend/%E0%A4%A')).toEqual({
      kind: 'unknown',
      path: '/python-backend/%E0%A4%A',
    });
  });

  it.each([
    ['a course alone', '#/python-backend'],
    ['too many segments', '#/python-backend/deployment/web-servers/extra'],
    ['an empty segment', '#/python-backend//web-servers'],
    ['a blank segment', '#/python-backend/%20'],
    ['an old-style anchor', '#web-servers'],
  ])('reads %s as an unknown address', (_, hash) => {
    expect(parseRoute(hash).kind).toBe('unknown');
  });

  it('reads the hash a lesson link writes back as the same lesson', () => {
    const href = lessonHref('python-backend', 'deployment', 'web-servers');
    expect(parseRoute(href)).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: 'web-servers',
    });
  });
});

describe('highlighted words in an address', () => {
  it('reads the words a search result asks to highlight', () => {
    expect(parseRoute('#/python-backend/deployment/web-servers?highlight=gunicorn+wsgi')).toEqual({
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      sectionId: 'web-servers',
      highlight: ['gunicorn', 'wsgi'],
    });
  });

  it('reads highlights on a lesson without a section, and forgives the trailing slash', () => {
    expect(parseRoute('#/python-backend/deployment/?highlight=docker')).toMatchObject({
      sectionId: null,
      highlight: ['docker'],
    });
  });

  it('leaves highlight out when the address has none, or only blanks', () => {
    expect(parseRoute('#/python-backend/deployment?highlight=+')).not.toHaveProperty('highlight');
    expect(parseRoute('#/python-backend/deployment?other=1')).not.toHaveProperty('highlight');
  });

  it('writes and reads back accented, Japanese and punctuated words', () => {
    const href = lessonHref('python-backend', 'deployment', 'web-servers', [
      'déploiement',
      '東京',
      'a&b=c',
    ]);
    expect(href).toBe(
      '#/python-backend/deployment/web-servers?highlight=d%C3%A9ploiement+%E6%9D%B1%E4%BA%AC+a%26b%3Dc',
    );
    expect(parseRoute(href)).toMatchObject({ highlight: ['déploiement', '東京', 'a&b=c'] });
  });

  it('keeps a hand-made address cheap: at most 12 words of at most 64 characters, no repeats', () => {
    const words = Array.from({ length: 20 }, (_, index) => `w${index}`);
    const route = parseRoute(`#/c/l?highlight=${['x'.repeat(65), 'w0', ...words].join('+')}`);
    expect(route).toMatchObject({ highlight: words.slice(0, 12) });
  });

  it('reads a malformed query as no highlight instead of throwing', () => {
    expect(parseRoute('#/c/l?highlight=%E0%A4%A')).toMatchObject({ kind: 'lesson' });
  });
});

describe('lessonHref', () => {
  it('leaves the section out when there is none', () => {
    expect(lessonHref('python-backend', 'deployment')).toBe('#/python-backend/deployment');
    expect(lessonHref('python-backend', 'deployment', null)).toBe('#/python-backend/deployment');
  });

  it('encodes each id so that no id can add a segment', () => {
    expect(lessonHref('été', 'a/b')).toBe('#/%C3%A9t%C3%A9/a%2Fb');
  });
});
