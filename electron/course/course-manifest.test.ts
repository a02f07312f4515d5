import { describe, expect, it } from 'vitest';
import { checkLines, courseYml, fixture, writeCourse } from '../../tests/support/courses.ts';
import { checkCourses } from './compile.ts';

const lesson = '---\ntitle: Introduction\n---\nText.\n';

describe('course.yml', () => {
  it('is required: a folder without one is reported at <folder>/course.yml:1:1', async () => {
    expect(await checkLines([fixture('missing-course-yml')])).toEqual([
      'missing-course-yml/course.yml:1:1: error: no course.yml in this folder: a course folder holds a course.yml with id, title, description, version and lessons',
    ]);
  });

  it('reports invalid YAML where the unclosed bracket opens, not where the parser gave up', async () => {
    expect(await checkLines([fixture('broken-course-yml')])).toEqual([
      'broken-course-yml/course.yml:3:10: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports every invalid field at its value, a missing one at the top, and a misspelt key as a warning', async () => {
    expect(await checkLines([fixture('invalid-course-fields')])).toEqual([
      'invalid-course-fields/course.yml:1:1: error: missing "title": add a line such as `title: Python Backend`',
      'invalid-course-fields/course.yml:1:5: error: "id" must be lowercase words joined by hyphens: write "invalid-fields"',
      'invalid-course-fields/course.yml:2:14: error: "description" is empty: write it, such as `description: From a script on your laptop to production.`',
      'invalid-course-fields/course.yml:3:10: error: "version" must be a semantic version MAJOR.MINOR.PATCH, such as 1.0.0',
      'invalid-course-fields/course.yml:4:1: warning: unknown key "lesons" in course.yml, ignored: did you mean "lessons"?',
      'invalid-course-fields/course.yml:7:5: error: "notes.txt" is not a Markdown file: lessons are .md files',
      'invalid-course-fields/course.yml:8:5: error: "intro.md" is listed twice: each lesson appears once in "lessons"',
    ]);
  });

  it('reports a listed lesson file that does not exist at its list item, and warns about an unlisted one', async () => {
    expect(await checkLines([fixture('missing-lesson')])).toEqual([
      'missing-lesson/course.yml:7:5: error: lesson file "setup.md" not found next to course.yml: check the name, or create the file',
      'missing-lesson/draft.md:1:1: warning: "draft.md" is not listed under "lessons" in course.yml, so it is not part of the course: list it, or remove the file',
    ]);
  });

  it('does not count README.md as an unlisted lesson', async () => {
    const dir = writeCourse({
      'course.yml': courseYml(['intro.md']),
      'intro.md': lesson,
      'README.md': '# Notes\n',
    });
    expect(await checkLines([dir], dir)).toEqual([]);
  });

  it('must be a mapping', async () => {
    const dir = writeCourse({ 'course.yml': '- just\n- a list\n', 'intro.md': lesson });
    expect(await checkLines([dir], dir)).toEqual([
      'course.yml:1:1: error: course.yml must be a mapping of keys and values, such as `title: …`',
    ]);
  });

  it('needs at least one lesson', async () => {
    const dir = writeCourse({ 'course.yml': courseYml([]) });
    expect(await checkLines([dir], dir)).toEqual([
      'course.yml:5:10: error: a course needs at least one lesson: list its .md files under "lessons"',
    ]);
  });

  it('keeps version strings as written, so 1.10.0 is not read as a number', async () => {
    const dir = writeCourse({
      'course.yml': courseYml(['intro.md']).replace('1.0.0', '1.10.0'),
      'intro.md': lesson,
    });
    const { courses } = await checkCourses([dir]);
    expect(courses[0]?.version).toBe('1.10.0');
  });

  it('stores an optional contact, and none as null', async () => {
    const withContact = writeCourse({
      'course.yml': `${courseYml(['intro.md'])}contact: Ada, ada@example.com\n`,
      'intro.md': lesson,
    });
    const without = writeCourse({
      'course.yml': courseYml(['intro.md'], 'other-course'),
      'intro.md': lesson,
    });
    const { courses } = await checkCourses([withContact, without]);
    expect(courses.map((course) => course.contact)).toEqual(['Ada, ada@example.com', null]);
  });

  it('accepts files written on Windows, with CRLF line ends and a byte-order mark', async () => {
    const dir = writeCourse({
      'course.yml': `\uFEFF${courseYml(['intro.md']).replaceAll('\n', '\r\n')}`,
      'intro.md': lesson.replaceAll('\n', '\r\n').replace('Text.', '## Section\r\n[Broken](#nope)'),
    });
    expect(await checkLines([dir], dir)).toEqual([
      'intro.md:5:1: error: this lesson has no section "nope": its sections are "section"',
    ]);
  });
});
