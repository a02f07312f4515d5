import { describe, expect, it } from 'vitest';
import { checkLines, fixture, singleLessonCourse } from '../../tests/support/courses.ts';
import { compileCourse } from './compile.ts';
import { SECONDS_PER_CODE_LINE } from './reading-time.ts';

async function compileLesson(body: string) {
  const { course, diagnostics } = await compileCourse(
    singleLessonCourse(`---\ntitle: Lesson\n---\n${body}`),
  );
  const lesson = course?.lessons[0];
  if (!lesson)
    throw new Error(`the lesson did not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { lesson, diagnostics };
}

describe('lesson sections', () => {
  it('start at each ## heading, with the text before the first one as the intro', async () => {
    const { lesson } = await compileLesson('Welcome.\n\n## First steps\nOne.\n\n## Next\nTwo.\n');
    expect(lesson.introHtml).toBe('<p>Welcome.</p>\n');
    expect(lesson.sections).toMatchObject([
      { id: 'first-steps', title: 'First steps', html: '<p>One.</p>\n' },
      { id: 'next', title: 'Next', html: '<p>Two.</p>\n' },
    ]);
  });

  it('take an explicit {#id} over the slug of the heading, and keep it out of the title', async () => {
    const { lesson } = await compileLesson('## WSGI vs. ASGI {#web-servers}\nText.\n');
    expect(lesson.sections[0]).toMatchObject({ id: 'web-servers', title: 'WSGI vs. ASGI' });
  });

  it('keep inline code in titles and ids', async () => {
    const { lesson } = await compileLesson('## Avoid `app.run()` in production\nText.\n');
    expect(lesson.sections[0]).toMatchObject({
      id: 'avoid-app-run-in-production',
      title: 'Avoid app.run() in production',
    });
  });

  it('give ### sub-headings ids scoped by their section, numbered when repeated', async () => {
    const { lesson } = await compileLesson(
      '## Docker\n### Build\nA.\n### Build\nB.\n#### Cache {#layers}\nC.\n',
    );
    expect(lesson.sections[0]?.html).toBe(
      '<h3 id="docker--build">Build</h3>\n<p>A.</p>\n<h3 id="docker--build-2">Build</h3>\n<p>B.</p>\n<h4 id="docker--layers">Cache</h4>\n<p>C.</p>\n',
    );
  });

  it('store the plain text of heading, prose and code for search', async () => {
    const { lesson } = await compileLesson(
      '## Run it\nUse **Gunicorn** and `uvicorn`.\n\n```bash\ngunicorn main:app\n```\n',
    );
    expect(lesson.sections[0]?.text).toBe('Run it\nUse Gunicorn and uvicorn.\ngunicorn main:app');
  });

  it('report an empty section, and a section holding only a quiz, at the heading', async () => {
    expect(await checkLines([fixture('empty-section')])).toEqual([
      'empty-section/lesson.md:7:1: error: section "Empty" is empty: write its content, or remove the heading (quiz and faq blocks appear at the end of the lesson under their own headings)',
      'empty-section/lesson.md:9:1: error: section "Test your knowledge" is empty: write its content, or remove the heading (quiz and faq blocks appear at the end of the lesson under their own headings)',
    ]);
  });

  it('report duplicate section ids and duplicate lesson ids', async () => {
    expect(await checkLines([fixture('duplicate-ids')])).toEqual([
      'duplicate-ids/first.md:8:1: error: duplicate section id "setup" (the heading on line 5 has it too): give one of them its own id, like ## Setup {#setup-2}',
      'duplicate-ids/first.md:11:1: error: duplicate section id "setup" (the heading on line 5 has it too): give one of them its own id, like ## Other {#setup-2}',
      'duplicate-ids/first.md:21:7: error: duplicate question id "q1" (line 15 has it too): each question of a lesson needs its own id, progress is saved under it',
      'duplicate-ids/second.md:3:5: error: duplicate lesson id "same" (first.md has it too): give one of them another `id:` in its front matter',
    ]);
  });

  it('report an explicit id that is not a slug at the id, and a heading that yields no id', async () => {
    const dir = singleLessonCourse(
      '---\ntitle: Lesson\n---\n## Setup {#Set Up}\nText.\n\n## ???\nText.\n',
    );
    expect(await checkLines([dir], dir)).toEqual([
      'lesson.md:4:10: error: section id "Set Up" must be lowercase words joined by hyphens: write "set-up"',
      'lesson.md:7:1: error: cannot make a section id from this heading: end it with an id, like ## Heading {#heading-id}',
    ]);
  });

  it('warn about a level-1 heading in the body, since the title comes from the front matter', async () => {
    const { diagnostics } = await compileLesson('# Lesson\nText.\n');
    expect(diagnostics.map((d) => [d.line, d.column, d.severity])).toEqual([[4, 1, 'warning']]);
  });
});

describe('reading time', () => {
  it('is stored per section and per lesson, the lesson counting its intro and every section', async () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    const { lesson } = await compileLesson(
      `${words(115)}\n\n## Prose\n${words(229)}\n\n## Code\n\`\`\`python\na = 1\n\nb = 2\n\`\`\`\n`,
    );
    // 230 words in "Prose" (its title counts); "Code" has two code lines and a one-word title.
    expect(lesson.sections.map((section) => section.readingSeconds)).toEqual([
      60,
      2 * SECONDS_PER_CODE_LINE,
    ]);
    expect(lesson.readingSeconds).toBe(30 + 60 + 2 * SECONDS_PER_CODE_LINE);
  });
});
