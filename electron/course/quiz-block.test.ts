import { describe, expect, it } from 'vitest';
import { checkLines, fixture, singleLessonCourse } from '../../tests/support/courses.ts';
import { compileCourse } from './compile.ts';

const quizLesson = (...lines: string[]) => `---\ntitle: Quiz\n---\nText.\n\n${lines.join('\n')}\n`;

describe('quiz blocks', () => {
  it('report each broken question at the offending YAML node, and keep checking the others', async () => {
    expect(await checkLines([fixture('bad-quiz')])).toEqual([
      'bad-quiz/quiz.md:7:3: error: missing "prompt": add a line such as `prompt: Which tool sits in front of Gunicorn?`',
      'bad-quiz/quiz.md:13:11: error: answer "nginx" is not one of the choices ("Flask", "Nginx"): copy it exactly from "choices"',
      'bad-quiz/quiz.md:16:12: error: a question with choices needs at least two, this one has 1',
      'bad-quiz/quiz.md:21:21: error: answer "Gunicorn" is not one of the choices ("Uvicorn", "Hypercorn", "Pip"): copy it exactly from "choices"',
      'bad-quiz/quiz.md:22:7: error: "id" must be lowercase words joined by hyphens: write "bad-id"',
      'bad-quiz/quiz.md:25:3: warning: unknown key "hint" in a quiz question, ignored: known keys are id, prompt, choices, answer, accept, explain',
      'bad-quiz/yaml.md:8:11: error: invalid YAML: Missing closing "quote',
      'bad-quiz/yaml.md:13:3: error: missing "a": add a line such as `a: Because it buffers slow clients.`',
    ]);
  });

  it('make single-choice, select-all and short-answer questions from the shape of the answer', async () => {
    const dir = singleLessonCourse(
      quizLesson(
        '```quiz',
        '- id: proxy',
        '  prompt: Which sits in front?',
        '  choices: [Flask, Nginx]',
        '  answer: Nginx',
        '  explain: It **buffers** slow clients.',
        '- id: asgi',
        '  prompt: Which are ASGI servers?',
        '  choices: [Uvicorn, Hypercorn, Waitress]',
        '  answer: [Uvicorn, Hypercorn]',
        '- id: migrate',
        '  prompt: Which command applies migrations?',
        '  answer: python manage.py migrate',
        '  accept: [manage.py migrate]',
        '```',
      ),
    );
    const { course, diagnostics } = await compileCourse(dir);
    expect(diagnostics).toEqual([]);
    expect(course?.lessons[0]?.questions).toEqual([
      {
        id: 'proxy',
        kind: 'single',
        prompt: 'Which sits in front?',
        choices: ['Flask', 'Nginx'],
        answer: 'Nginx',
        explainHtml: '<p>It <strong>buffers</strong> slow clients.</p>\n',
      },
      {
        id: 'asgi',
        kind: 'multiple',
        prompt: 'Which are ASGI servers?',
        choices: ['Uvicorn', 'Hypercorn', 'Waitress'],
        answer: ['Uvicorn', 'Hypercorn'],
        explainHtml: '',
      },
      {
        id: 'migrate',
        kind: 'text',
        prompt: 'Which command applies migrations?',
        answer: 'python manage.py migrate',
        accept: ['manage.py migrate'],
        explainHtml: '',
      },
    ]);
  });

  it('keep answers as written: 3.10 stays "3.10" and yes stays "yes"', async () => {
    const { course } = await compileCourse(
      singleLessonCourse(
        quizLesson(
          '```quiz',
          '- id: version',
          '  prompt: Which Python?',
          '  choices: [3.9, 3.10]',
          '  answer: 3.10',
          '- id: sure',
          '  prompt: Sure?',
          '  choices: [yes, no]',
          '  answer: yes',
          '```',
        ),
      ),
    );
    expect(course?.lessons[0]?.questions.map((question) => question.answer)).toEqual([
      '3.10',
      'yes',
    ]);
  });

  it('concatenate in order when a lesson has several, and render nothing in the sections', async () => {
    const dir = singleLessonCourse(
      `---\ntitle: Quiz\n---\n## One\nText.\n\n\`\`\`quiz\n- id: a\n  prompt: A?\n  answer: a\n\`\`\`\n\n## Two\nMore.\n\n\`\`\`quiz\n- id: b\n  prompt: B?\n  answer: b\n\`\`\`\n`,
    );
    const { course } = await compileCourse(dir);
    const lesson = course?.lessons[0];
    expect(lesson?.questions.map((question) => question.id)).toEqual(['a', 'b']);
    expect(lesson?.sections.map((section) => section.html)).toEqual([
      '<p>Text.</p>\n',
      '<p>More.</p>\n',
    ]);
  });

  it('report a duplicate question id, even across blocks', async () => {
    expect(await checkLines([fixture('duplicate-ids')])).toContain(
      'duplicate-ids/first.md:21:7: error: duplicate question id "q1" (line 15 has it too): each question of a lesson needs its own id, progress is saved under it',
    );
  });

  it('report a list of answers without choices, and warn that accept only applies to short answers', async () => {
    const dir = singleLessonCourse(
      quizLesson(
        '```quiz',
        '- id: a',
        '  prompt: A?',
        '  answer: [x, y]',
        '- id: b',
        '  prompt: B?',
        '  choices: [x, y]',
        '  answer: x',
        '  accept: [z]',
        '```',
      ),
    );
    expect(await checkLines([dir], dir)).toEqual([
      'lesson.md:9:11: error: a list of answers needs "choices" to choose from',
      'lesson.md:14:11: warning: "accept" only applies to short-answer questions (without "choices"), ignored',
    ]);
  });

  it('must hold a list of questions', async () => {
    const dir = singleLessonCourse(quizLesson('```quiz', 'id: a', 'prompt: A?', '```'));
    expect(await checkLines([dir], dir)).toEqual([
      'lesson.md:7:1: error: a quiz block holds a list of questions, each starting with `- id: …`',
    ]);
  });

  it('belong to the whole lesson, so one inside a list is an error', async () => {
    const dir = singleLessonCourse(quizLesson('- item', '', '  ```quiz', '  - id: a', '  ```'));
    expect(await checkLines([dir], dir)).toEqual([
      'lesson.md:8:3: error: a ```quiz block belongs to the whole lesson: start it at the beginning of a line, not inside a list or quote',
    ]);
  });
});

describe('faq blocks', () => {
  it('become FAQ entries whose answers are rendered Markdown', async () => {
    const dir = singleLessonCourse(
      quizLesson('```faq', '- q: Why Nginx?', '  a: |', '    It serves `static` files.', '```'),
    );
    const { course } = await compileCourse(dir);
    expect(course?.lessons[0]?.faq).toEqual([
      { question: 'Why Nginx?', answerHtml: '<p>It serves <code>static</code> files.</p>\n' },
    ]);
  });

  it('report problems in an answer’s Markdown at the answer', async () => {
    const dir = singleLessonCourse(
      quizLesson('```faq', '- q: Where?', '  a: See [nowhere](missing.md).', '```'),
    );
    expect(await checkLines([dir], dir)).toEqual([
      'lesson.md:8:6: error: "missing.md" is not a lesson of this course: check the file name, or list it under "lessons" in course.yml',
    ]);
  });
});
