// course.yml: a course's identity and the order of its lessons.
import path from 'node:path';
import type { DiagnosticList } from './diagnostics.ts';
import { optionalText, requiredText, slugText, textList } from './schema-fields.ts';
import { YamlSource } from './yaml-source.ts';

/** The validated content of a course.yml. */
export interface CourseManifest {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly version: string;
  readonly contact: string | null;
  readonly lessons: readonly string[];
}

/** The result of reading a course.yml: the manifest when valid, and whatever lesson list it has. */
export interface ParsedManifest {
  readonly manifest: CourseManifest | null;
  /** Lesson files as listed (relative to the course folder), even when other fields are invalid; null when the list itself is. */
  readonly lessonFiles: readonly string[] | null;
  readonly source: YamlSource;
}

const KNOWN_KEYS = ['id', 'title', 'description', 'version', 'lessons', 'contact'];

// semver.org's grammar: MAJOR.MINOR.PATCH, optional -prerelease and +build.
const SEMVER =
  /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

const lessonList = textList('lessons', '[introduction.md, setup.md]')
  .min(1, { error: 'a course needs at least one lesson: list its .md files under "lessons"' })
  .superRefine((files, ctx) => {
    const seen = new Set<string>();
    files.forEach((file, index) => {
      const normalised = path.posix.normalize(file);
      if (!file.endsWith('.md')) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `"${file}" is not a Markdown file: lessons are .md files`,
        });
      } else if (path.posix.isAbsolute(file) || normalised.startsWith('../')) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `"${file}" is outside the course folder: lessons live in the folder of course.yml`,
        });
      } else if (seen.has(normalised)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `"${file}" is listed twice: each lesson appears once in "lessons"`,
        });
      }
      seen.add(normalised);
    });
  });

const manifestFields = {
  id: slugText('id', 'python-backend'),
  title: requiredText('title', 'Python Backend'),
  description: requiredText('description', 'From a script on your laptop to production.'),
  version: requiredText('version', '1.0.0').regex(SEMVER, {
    error: '"version" must be a semantic version MAJOR.MINOR.PATCH, such as 1.0.0',
  }),
  lessons: lessonList,
  contact: optionalText('contact'),
};

/** Parses and validates course.yml text, reporting each problem at its position. Never throws. */
export function parseCourseManifest(
  text: string,
  file: string,
  sink: DiagnosticList,
): ParsedManifest {
  const source = new YamlSource(text, { file, line: 1, indent: 0 }, sink);
  const fields = source.validateFields(manifestFields, 'course.yml', sink);
  if (!fields) return { manifest: null, lessonFiles: null, source };
  source.warnUnknownKeys([], KNOWN_KEYS, 'course.yml', sink);
  const { id, title, description, version, lessons, contact } = fields.values;
  const complete =
    fields.valid &&
    id !== undefined &&
    title !== undefined &&
    description !== undefined &&
    version !== undefined &&
    lessons !== undefined;
  return {
    manifest: complete
      ? { id, title, description, version, lessons, contact: contact || null }
      : null,
    lessonFiles: lessons ?? null,
    source,
  };
}
