import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseYml, fixture, writeCourse } from '../../tests/support/courses.ts';
import { checkCourses, compileCourse } from './compile.ts';

describe('checkCourses', () => {
  it('returns the courses without errors and every problem of all of them, in file order', async () => {
    const { courses, diagnostics, checked } = await checkCourses([
      fixture('complete'),
      fixture('bad-links'),
      fixture('code-warnings'),
    ]);
    expect(courses.map((course) => course.id)).toEqual(['complete', 'code-warnings']);
    expect(checked).toEqual({ courses: 3, lessons: 5 });
    const order = diagnostics.map((d) => [d.file, d.line, d.column]);
    expect(order).toEqual(
      [...order].sort(
        (a, b) =>
          String(a[0]).localeCompare(String(b[0])) ||
          Number(a[1]) - Number(b[1]) ||
          Number(a[2]) - Number(b[2]),
      ),
    );
  });

  it('reports two folders that claim the same course id', async () => {
    const files = {
      'course.yml': courseYml(['a.md'], 'same'),
      'a.md': '---\ntitle: A\n---\nText.\n',
    };
    const first = writeCourse(files);
    const second = writeCourse(files);
    const { courses, diagnostics } = await checkCourses([first, second]);
    expect(courses.map((course) => course.id)).toEqual(['same']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: path.join(second, 'course.yml'),
        line: 1,
        column: 5,
        severity: 'error',
        message: `course id "same" is also the id of ${path.join(first, 'course.yml')}: each course needs its own id`,
      }),
    ]);
  });

  it('checks a folder given twice once', async () => {
    const { checked } = await checkCourses([fixture('complete'), `${fixture('complete')}/.`]);
    expect(checked.courses).toBe(1);
  });
});

describe('compileCourse', () => {
  it('returns no course when the course has an error, with the diagnostics saying why', async () => {
    const { course, diagnostics } = await compileCourse(fixture('empty-section'));
    expect(course).toBeNull();
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('compiles a course with warnings only', async () => {
    const { course, diagnostics } = await compileCourse(fixture('code-warnings'));
    expect(course?.id).toBe('code-warnings');
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('is deterministic and leaves the course folder untouched', async () => {
    const before = readdirSync(fixture('complete'), { recursive: true });
    const first = await compileCourse(fixture('complete'));
    const second = await compileCourse(fixture('complete'));
    expect(second).toEqual(first);
    expect(readdirSync(fixture('complete'), { recursive: true })).toEqual(before);
  });
});
