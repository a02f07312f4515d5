import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLines, courseYml, fixture, writeCourse } from '../../tests/support/courses.ts';
import { checkCourses, compileCourse } from './compile.ts';

describe('links in lessons', () => {
  it('report broken lesson and section targets and forbidden schemes at the link', async () => {
    expect(await checkLines([fixture('bad-links')])).toEqual([
      'bad-links/links.md:5:3: error: "missing.md" is not a lesson of this course: check the file name, or list it under "lessons" in course.yml',
      'bad-links/links.md:5:38: error: lesson "target" (target.md) has no section "nowhere": its sections are "section"',
      'bad-links/links.md:6:3: error: lesson "target" (target.md) has no section "secton": did you mean "section"?',
      'bad-links/links.md:6:32: error: this lesson has no section "nope": its sections are "lessons", "schemes"',
      'bad-links/links.md:9:1: error: "javascript:" links are not allowed: link to a lesson (other.md), a section (#section-id), or an https: page',
      'bad-links/links.md:9:32: error: "file:" links are not allowed: link to a lesson (other.md), a section (#section-id), or an https: page',
      'bad-links/links.md:9:63: error: "data:" links are not allowed: link to a lesson (other.md), a section (#section-id), or an https: page',
      'bad-links/links.md:10:4: warning: "http://example.com" is not encrypted: use https: if the site supports it',
      'bad-links/links.md:11:3: error: "notes.txt" is not a lesson: link to a lesson (other.md), a section (#section-id), or an https: page; to show an image, write ![description](notes.txt)',
      'bad-links/links.md:11:30: warning: "../other-course/intro.md" is in a course not checked with this one, so the link cannot be verified: check both courses together (studybook check <this-course> <other-course>)',
      'bad-links/links.md:13:14: error: lesson "target" (target.md) has no section "missing": its sections are "section"',
      'bad-links/links.md:15:11: error: "vbscript:" links are not allowed: link to a lesson (other.md), a section (#section-id), or an https: page',
    ]);
  });

  it('become app routes, and external pages links the app asks about before opening', async () => {
    const { course } = await compileCourse(fixture('complete'));
    const deployment = course?.lessons[0];
    expect(deployment?.sections[0]?.html).toContain(
      'see <a href="/learn/complete/logging">logging</a> and <a href="/learn/complete/logging/handlers">its handlers</a>.',
    );
    expect(deployment?.sections[1]?.html).toContain(
      '<a href="https://nginx.org/en/docs/" class="external-link" rel="noopener noreferrer">read why</a>',
    );
    expect(deployment?.questions[0]?.explainHtml).toContain(
      '<a href="/learn/complete/deployment/web-servers">',
    );
    expect(deployment?.faq[1]?.answerHtml).toContain(
      '<a href="/learn/complete/deployment/the-deployment-pipeline">',
    );
  });

  it('keep a link title, escaped', async () => {
    const dir = writeCourse({
      'course.yml': courseYml(['a.md']),
      'a.md': '---\ntitle: A\n---\n## One\n[docs](https://example.com "Say \\"hi\\" & go")\n',
    });
    const { course } = await compileCourse(dir);
    expect(course?.lessons[0]?.sections[0]?.html).toBe(
      '<p><a href="https://example.com" title="Say &quot;hi&quot; &amp; go" class="external-link" rel="noopener noreferrer">docs</a></p>\n',
    );
  });

  it('resolve between courses checked together, without warnings', async () => {
    const { courses, diagnostics } = await checkCourses([
      fixture('complete'),
      fixture('companion'),
    ]);
    expect(diagnostics).toEqual([]);
    expect(courses[1]?.lessons[0]?.sections[0]?.html).toContain(
      '<a href="/learn/complete/deployment/containers">deployment</a>',
    );
  });

  it('warn, when the other course is not checked too, that a cross-course link cannot be verified', async () => {
    expect(await checkLines([fixture('companion')])).toEqual([
      'companion/first-steps.md:3:11: warning: related lesson "complete/logging" is in a course not checked with this one, so it cannot be verified: check both courses together',
      'companion/first-steps.md:6:19: warning: "../complete/deployment.md" is in a course not checked with this one, so the link cannot be verified: check both courses together (studybook check <this-course> <other-course>)',
    ]);
  });

  it('report a link to a lesson another checked course does not have', async () => {
    const other = writeCourse({
      'course.yml': courseYml(['b.md'], 'other'),
      'b.md': '---\ntitle: B\n---\nText.\n',
    });
    const target = `../${path.basename(other)}/missing.md`;
    const dir = writeCourse({
      'course.yml': courseYml(['a.md']),
      'a.md': `---\ntitle: A\n---\n[b](${target})\n`,
    });
    expect(await checkLines([dir, other], dir)).toEqual([
      `a.md:4:1: error: "${target}" is not a lesson of course "other"`,
    ]);
  });
});

describe('related lessons', () => {
  it('report a missing lesson with a suggestion, and one of an unchecked course as unverifiable', async () => {
    expect(await checkLines([fixture('bad-related')])).toEqual([
      'bad-related/lesson.md:5:5: error: related lesson "othr" is not a lesson of this course: did you mean "other"?',
      'bad-related/lesson.md:6:5: warning: related lesson "elsewhere/somewhere" is in a course not checked with this one, so it cannot be verified: check both courses together',
      'bad-related/lesson.md:7:5: error: related lesson "Not/Valid/Entry" must be a lesson id such as "deployment", or "course-id/lesson-id" for another course',
    ]);
  });

  it('are stored with their course, this course’s id for local ones', async () => {
    const { courses } = await checkCourses([fixture('complete'), fixture('companion')]);
    expect(courses[0]?.lessons[0]?.related).toEqual([
      { courseId: 'complete', lessonId: 'logging' },
      { courseId: 'companion', lessonId: 'first-steps' },
    ]);
  });
});
