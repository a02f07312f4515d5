import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourses, formatDiagnostic } from '../../electron/course/index.ts';
import { courseYml, writeCourse } from '../support/courses.ts';

const README = path.resolve(import.meta.dirname, '../../README.md');

describe('the README', () => {
  it('shows instructors a complete example lesson that compiles without a problem', async () => {
    const example = /````markdown\n([\s\S]*?)\n````\n/.exec(readFileSync(README, 'utf8'))?.[1];
    expect(example, 'README.md has a ````markdown example lesson').toBeDefined();
    const dir = writeCourse({
      'course.yml': courseYml(['deployment.md', 'logging.md'], 'python-backend'),
      'deployment.md': example ?? '',
      'logging.md': '---\ntitle: Logging\n---\n\n## Levels\n\nFrom DEBUG to CRITICAL.\n',
    });
    mkdirSync(path.join(dir, 'images'));
    copyFileSync(
      'content/python-backend/images/request-flow.svg',
      path.join(dir, 'images/request-flow.svg'),
    );
    const result = await checkCourses([dir, 'content/git-essentials']);
    const problems = result.diagnostics
      .map((diagnostic) => formatDiagnostic(diagnostic, dir))
      .filter((line) => !line.startsWith('..'));
    expect(problems).toEqual([]);
    const lesson = result.courses[0]?.lessons[0];
    expect(lesson?.sections.map((section) => section.id)).toEqual(['web-servers', 'containers']);
  });
});
