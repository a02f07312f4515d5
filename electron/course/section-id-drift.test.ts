import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseYml, temporaryFolder, writeCourse } from '../../tests/support/courses.ts';
import { checkCourses, compileCourse } from './compile.ts';
import { writePack } from './pack-writer.ts';
import { PackError } from './previous-pack.ts';

const lesson = (sections: string) => `---\ntitle: Deployment\n---\n${sections}`;

async function packOf(files: Record<string, string>): Promise<string> {
  const { course } = await compileCourse(writeCourse(files));
  if (!course) throw new Error('the previous version did not compile');
  const file = path.join(temporaryFolder(), 'previous.studypack');
  writePack(course, file);
  return file;
}

async function warningsAgainst(previous: string, files: Record<string, string>): Promise<string[]> {
  const { diagnostics } = await checkCourses([writeCourse(files)], { previousPacks: [previous] });
  return diagnostics.map(
    (d) => `${path.basename(d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`,
  );
}

describe('section ids against the previous pack', () => {
  const yml = courseYml(['deployment.md']);
  const before = {
    'course.yml': yml,
    'deployment.md': lesson('## Web servers\nA.\n\n## Docker\nB.\n'),
  };

  it('warn when a reworded heading changes a derived id, suggesting the old id', async () => {
    const previous = await packOf(before);
    expect(
      await warningsAgainst(previous, {
        'course.yml': yml,
        'deployment.md': lesson('## Web servers: WSGI and ASGI\nA.\n\n## Docker\nB.\n'),
      }),
    ).toEqual([
      'deployment.md:4:1: warning: section id "web-servers-wsgi-and-asgi" comes from this heading and was "web-servers" in the previous pack: learners\' progress on it would be lost; to keep it, end the heading with {#web-servers}',
    ]);
  });

  it('say nothing when the reworded heading keeps its id with {#id}', async () => {
    const previous = await packOf(before);
    expect(
      await warningsAgainst(previous, {
        'course.yml': yml,
        'deployment.md': lesson(
          '## Web servers: WSGI and ASGI {#web-servers}\nA.\n\n## Docker\nB.\n',
        ),
      }),
    ).toEqual([]);
  });

  it('say nothing about a new section when no old id disappeared', async () => {
    const previous = await packOf(before);
    expect(
      await warningsAgainst(previous, {
        'course.yml': yml,
        'deployment.md': lesson('## Web servers\nA.\n\n## Nginx\nN.\n\n## Docker\nB.\n'),
      }),
    ).toEqual([]);
  });

  it('refuse a file that is not a Studybook pack, or the pack of a course not being checked', async () => {
    const notAPack = path.join(temporaryFolder(), 'notes.studypack');
    writeFileSync(notAPack, 'just text');
    await expect(
      checkCourses([writeCourse(before)], { previousPacks: [notAPack] }),
    ).rejects.toThrow(PackError);

    const otherCourse = await packOf({
      ...before,
      'course.yml': courseYml(['deployment.md'], 'other-course'),
    });
    await expect(
      checkCourses([writeCourse(before)], { previousPacks: [otherCourse] }),
    ).rejects.toThrow(/holds course "other-course", which is not among the courses checked/);
  });
});
