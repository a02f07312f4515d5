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

describe('lessonHref', () => {
  it('leaves the section out when there is none', () => {
    expect(lessonHref('python-backend', 'deployment')).toBe('#/python-backend/deployment');
    expect(lessonHref('python-backend', 'deployment', null)).toBe('#/python-backend/deployment');
  });

  it('encodes each id so that no id can add a segment', () => {
    expect(lessonHref('été', 'a/b')).toBe('#/%C3%A9t%C3%A9/a%2Fb');
  });
});
