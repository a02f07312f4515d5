import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkIndex, LinkableLesson } from './links.ts';
import { resolveLink } from './links.ts';

const root = path.resolve('/courses');
const courseDir = path.join(root, 'python-backend');

function makeLesson(
  lessonId: string,
  sectionIds: string[],
  courseId = 'python-backend',
): LinkableLesson {
  return { courseId, lessonId, sectionIds };
}

const deployment = makeLesson('deployment', ['pipeline', 'web-servers']);
const logging = makeLesson('python-logging', ['handlers', 'levels']);
const basics = makeLesson('basics', ['variables'], 'python-basics');

const index: LinkIndex = {
  lessonAt: (file) =>
    new Map([
      [path.join(courseDir, 'deployment.md'), deployment],
      [path.join(courseDir, 'logging.md'), logging],
      [path.join(root, 'basics-course', 'basics.md'), basics],
    ]).get(file),
  courseAt: (dir) =>
    new Map([
      [courseDir, 'python-backend'],
      [path.join(root, 'basics-course'), 'python-basics'],
    ]).get(dir),
};

const origin = { file: path.join(courseDir, 'deployment.md'), courseDir, lesson: deployment };
const resolve = (href: string) => resolveLink(href, origin, index);

describe('resolveLink', () => {
  it('turns a link to another lesson into its app route, by lesson id rather than file name', () => {
    expect(resolve('logging.md')).toEqual({
      kind: 'internal',
      href: '/learn/python-backend/python-logging',
    });
    expect(resolve('./logging.md')).toEqual({
      kind: 'internal',
      href: '/learn/python-backend/python-logging',
    });
  });

  it('turns a link to a section of another lesson into the section route', () => {
    expect(resolve('logging.md#handlers')).toEqual({
      kind: 'internal',
      href: '/learn/python-backend/python-logging/handlers',
    });
  });

  it('turns #section into the route of a section of the same lesson', () => {
    expect(resolve('#web-servers')).toEqual({
      kind: 'internal',
      href: '/learn/python-backend/deployment/web-servers',
    });
  });

  it('resolves a lesson of another course checked in the same run by its course and lesson ids', () => {
    expect(resolve('../basics-course/basics.md#variables')).toEqual({
      kind: 'internal',
      href: '/learn/python-basics/basics/variables',
    });
  });

  it('warns that a link into a course outside the run cannot be verified, and guesses its route', () => {
    const resolved = resolve('../data-science/pandas.md#dataframes');
    expect(resolved).toMatchObject({
      kind: 'internal',
      href: '/learn/data-science/pandas/dataframes',
    });
    expect(resolved).toHaveProperty('warning', expect.stringContaining('cannot be verified'));
  });

  it('rejects a lesson file that is not part of the course', () => {
    expect(resolve('setup.md')).toEqual({
      kind: 'invalid',
      error:
        '"setup.md" is not a lesson of this course: check the file name, or list it under "lessons" in course.yml',
    });
    expect(resolve('../basics-course/missing.md')).toEqual({
      kind: 'invalid',
      error: '"../basics-course/missing.md" is not a lesson of course "python-basics"',
    });
  });

  it('rejects a section the target lesson does not have, suggesting the closest', () => {
    expect(resolve('logging.md#handler')).toEqual({
      kind: 'invalid',
      error:
        'lesson "python-logging" (logging.md) has no section "handler": did you mean "handlers"?',
    });
    expect(resolve('#nowhere')).toEqual({
      kind: 'invalid',
      error: 'this lesson has no section "nowhere": its sections are "pipeline", "web-servers"',
    });
  });

  it('keeps https links external', () => {
    expect(resolve('https://docs.python.org/3/')).toEqual({
      kind: 'external',
      href: 'https://docs.python.org/3/',
    });
  });

  it('keeps http links external but suggests https', () => {
    expect(resolve('http://example.com')).toEqual({
      kind: 'external',
      href: 'http://example.com',
      warning: '"http://example.com" is not encrypted: use https: if the site supports it',
    });
  });

  it('allows mailto links', () => {
    expect(resolve('mailto:teacher@example.com')).toEqual({
      kind: 'external',
      href: 'mailto:teacher@example.com',
    });
  });

  it('rejects every other scheme, whatever its case', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'vbscript:x',
      'ftp://x',
    ]) {
      expect(resolve(href).kind, href).toBe('invalid');
    }
  });

  it('rejects links to files that are not lessons, absolute paths and scheme-less addresses', () => {
    expect(resolve('images/diagram.png')).toMatchObject({
      kind: 'invalid',
      error: expect.stringContaining('to show an image'),
    });
    expect(resolve('/etc/hosts')).toMatchObject({ kind: 'invalid' });
    expect(resolve('//example.com')).toMatchObject({ kind: 'invalid' });
    expect(resolve('')).toMatchObject({ kind: 'invalid' });
    expect(resolve('#')).toMatchObject({ kind: 'invalid' });
  });

  it('decodes percent-encoded paths and sections, as markdown-it encodes them', () => {
    const spaced = {
      ...index,
      lessonAt: (file: string) =>
        file === path.join(courseDir, 'my lesson.md') ? deployment : undefined,
    };
    expect(resolveLink('my%20lesson.md#pipeline', origin, spaced)).toEqual({
      kind: 'internal',
      href: '/learn/python-backend/deployment/pipeline',
    });
  });
});
