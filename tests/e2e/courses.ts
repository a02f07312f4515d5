// What the sample courses say about themselves, read from their sources, so that the tests
// follow the content instead of copying its titles.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { sampleCourseDirs } from './fixtures.ts';

export interface SampleCourse {
  id: string;
  title: string;
  /** Lesson titles in course order. */
  lessonTitles: string[];
}

/** Every course under content/, with its lessons' titles from their front matter. */
export async function sampleCourses(): Promise<SampleCourse[]> {
  const dirs = await sampleCourseDirs();
  return Promise.all(
    dirs.map(async (dir) => {
      const manifest = parse(await readFile(path.join(dir, 'course.yml'), 'utf8')) as {
        id: string;
        title: string;
        lessons: string[];
      };
      const lessonTitles = await Promise.all(
        manifest.lessons.map(async (file) => {
          const source = await readFile(path.join(dir, file), 'utf8');
          const frontMatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
          return (parse(frontMatter) as { title: string }).title;
        }),
      );
      return { id: manifest.id, title: manifest.title, lessonTitles };
    }),
  );
}
