import { describe, expect, it } from 'vitest';
import { checkLines, fixture, singleLessonCourse } from '../../tests/support/courses.ts';
import { compileCourse } from './compile.ts';

describe('lesson front matter', () => {
  it('reports each kind of broken front matter at its line and column', async () => {
    expect(await checkLines([fixture('bad-front-matter')])).toEqual([
      'bad-front-matter/bad-id.md:3:5: error: "id" must be lowercase words joined by hyphens: write "bad-id"',
      'bad-front-matter/invalid-yaml.md:3:10: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'bad-front-matter/no-front-matter.md:1:1: error: the lesson has no front matter: start the file with a line "---", then `title: …`, then another "---"',
      'bad-front-matter/no-front-matter.md:1:1: warning: a level-1 heading (#) in the lesson: the title comes from `title:` in the front matter; start sections with ##',
      'bad-front-matter/no-title.md:2:1: error: missing "title": add a line such as `title: Python logging`',
      'bad-front-matter/typo.md:2:1: warning: unknown key "titel" in the front matter, ignored: did you mean "title"?',
      'bad-front-matter/typo.md:4:1: warning: unknown key "sumary" in the front matter, ignored: did you mean "summary"?',
      'bad-front-matter/unclosed.md:1:1: error: the front matter is not closed: end it with a line "---"',
    ]);
  });

  it('gives a lesson the slug of its file name as id when it has none', async () => {
    const { course } = await compileCourse(
      singleLessonCourse('---\ntitle: Deployment\n---\nText.\n'),
    );
    expect(course?.lessons[0]?.id).toBe('lesson');
  });

  it('uses the id, title and summary written in the front matter', async () => {
    const { course } = await compileCourse(
      singleLessonCourse(
        '---\ntitle: Deployment\nid: python-deployment\nsummary: To production.\n---\nText.\n',
      ),
    );
    expect(course?.lessons[0]).toMatchObject({
      id: 'python-deployment',
      title: 'Deployment',
      summary: 'To production.',
      sourceFile: 'lesson.md',
    });
  });

  it('reports a title that is not text at its value', async () => {
    const dir = singleLessonCourse('---\ntitle: [a, b]\n---\nText.\n');
    expect(await checkLines([dir], dir)).toEqual([
      'lesson.md:2:8: error: "title" must be text, such as `title: Python logging`',
    ]);
  });
});
