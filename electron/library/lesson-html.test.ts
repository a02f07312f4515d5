import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/support/courses.ts';
import { checkCourses } from '../course/index.ts';
import { checkLessonHtml } from './lesson-html.ts';

describe('the HTML a pack may carry', () => {
  it('accepts everything the compiler writes for the sample and fixture courses', async () => {
    const { courses } = await checkCourses([
      'content/python-backend',
      'content/git-essentials',
      fixture('complete'),
      fixture('raw-html'),
    ]);
    expect(courses.length).toBeGreaterThanOrEqual(3);
    for (const course of courses) {
      for (const lesson of course.lessons) {
        const pieces = [
          lesson.introHtml,
          ...lesson.sections.map((section) => section.html),
          ...lesson.questions.map((question) => question.explainHtml),
          ...lesson.faq.map((entry) => entry.answerHtml),
        ];
        for (const html of pieces) {
          expect(checkLessonHtml(html, course.id).problem, `${course.id}/${lesson.id}`).toBeNull();
        }
      }
    }
  });

  it('lists the course images a lesson shows', () => {
    const html =
      '<p><img src="/assets/git/0123456789abcdef.png" alt="A"><img src="/assets/git/fedcba9876543210.svg" alt="B" /></p>';
    expect(checkLessonHtml(html, 'git')).toEqual({
      problem: null,
      images: ['0123456789abcdef.png', 'fedcba9876543210.svg'],
    });
  });

  it.each([
    ['<script>alert(1)</script>', 'a <script> element'],
    ['<p onclick="alert(1)">x</p>', 'the attribute onclick on <p>'],
    ['<p style="color:red">x</p>', 'the attribute style on <p>'],
    ['<iframe src="https://example.com"></iframe>', 'a <iframe> element'],
    ['<svg><script>alert(1)</script></svg>', 'a <svg> element'],
    ['<a href="javascript:alert(1)">x</a>', 'a link to "javascript:alert(1)"'],
    ['<a href="data:text/html,x">x</a>', 'a link to "data:text/html,x"'],
    ['<a href="/api/removeCourse">x</a>', 'a link to "/api/removeCourse"'],
    ['<img src="/assets/other/0123456789abcdef.png" alt="">', 'an image from "/assets/other/'],
    ['<img src="https://example.com/x.png">', 'an image from "https://example.com/x.png"'],
    ["<p class='x'>single quotes</p>", 'unexpected markup'],
    ['<p class=x>unquoted</p>', 'unexpected markup'],
    ['<!-- a comment -->', 'unexpected markup'],
    ['<P>upper case</P>', 'unexpected markup'],
    ['<p>a stray < sign</p>', 'unexpected markup'],
    ['</p class="x">', 'attributes on the closing tag </p>'],
    ['<p', 'unexpected markup'],
    ['<a href="#x" formaction="https://evil.example">x</a>', 'the attribute formaction on <a>'],
    ['<img src="/assets/git/0123456789abcdef.png" width="100%;x">', 'an image width of "100%;x"'],
    ['<img src="/assets/git/0123456789abcdef.png" height="0">', 'an image height of "0"'],
    ['<table width="600"></table>', 'the attribute width on <table>'],
  ])('refuses %s', (html, problem) => {
    expect(checkLessonHtml(html, 'git').problem).toContain(problem);
  });

  it('allows an image its size in pixels', () => {
    const html = '<img src="/assets/git/0123456789abcdef.png" alt="" width="720" height="200">';
    expect(checkLessonHtml(html, 'git').problem).toBeNull();
  });

  it('allows links to lessons, the web and mail, and ARIA and data attributes', () => {
    const html =
      '<a href="/learn/git/commits">x</a><a href="#/git/commits">older</a>' +
      '<a href="https://git-scm.com/">y</a><a href="mailto:a@b.c">z</a>' +
      '<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><figure data-language="sh"></figure></div>';
    expect(checkLessonHtml(html, 'git').problem).toBeNull();
  });
});
