// Test data for the course compiler: fixture courses on disk and courses written to temp folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { checkCourses, formatDiagnostic } from '../../electron/course/index.ts';

/** The folder holding the fixture courses. */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/courses');

/** The absolute path of fixture course `name`. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** A temp folder removed when the current test finishes. */
export function temporaryFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'studybook-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (relative path → content) into a new temp folder and returns its path. */
export function writeCourse(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = temporaryFolder();
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** A course.yml listing `lessons`. */
export function courseYml(lessons: readonly string[], id = 'test-course'): string {
  return [
    `id: ${id}`,
    'title: Test course',
    'description: A course written by a test.',
    'version: 1.0.0',
    `lessons: [${lessons.join(', ')}]`,
    '',
  ].join('\n');
}

/** A one-lesson course whose lesson file `lesson.md` is `markdown`. */
export function singleLessonCourse(markdown: string): string {
  return writeCourse({ 'course.yml': courseYml(['lesson.md']), 'lesson.md': markdown });
}

/** Checks `dirs` together and returns each diagnostic formatted relative to `cwd`. */
export async function checkLines(dirs: readonly string[], cwd = FIXTURES): Promise<string[]> {
  const { diagnostics } = await checkCourses(dirs);
  return diagnostics.map((d) => formatDiagnostic(d, cwd));
}

/** A 1×1 PNG image. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0f01f0005fe02fea7d6a4a00000000049454e44ae426082',
  'hex',
);
