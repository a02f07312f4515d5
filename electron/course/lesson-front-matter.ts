// A lesson's front matter: its title, id, summary and related lessons.
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { optionalText, requiredText, slugText, textList } from './schema-fields.ts';
import { isSlug } from './slug.ts';
import { YamlSource } from './yaml-source.ts';

/** A `related:` entry: a lesson of this course, or `course-id/lesson-id` of another. */
export interface RelatedReference {
  readonly courseId: string | null;
  readonly lessonId: string;
  readonly position: SourcePosition;
}

/** Validated front matter; `title` is '' and `id` null when they are missing or invalid. */
export interface LessonFrontMatter {
  readonly title: string;
  readonly id: string | null;
  readonly idPosition: SourcePosition | null;
  readonly summary: string;
  readonly related: readonly RelatedReference[];
}

const KNOWN_KEYS = ['title', 'id', 'summary', 'related'];

const RELATED_ENTRY = /^(?:([^/]+)\/)?([^/]+)$/;

const frontMatterFields = {
  title: requiredText('title', 'Python logging'),
  id: slugText('id', 'python-logging').optional(),
  summary: optionalText('summary'),
  related: textList('related', '[deployment, other-course/some-lesson]').optional(),
};

/**
 * Parses front matter whose first line is line `line` of `file`, reporting problems to `sink`.
 * Never throws; returns what could be read.
 */
export function parseLessonFrontMatter(
  yaml: string,
  file: string,
  line: number,
  sink: DiagnosticList,
): LessonFrontMatter {
  const source = new YamlSource(yaml, { file, line, indent: 0 }, sink);
  const fields = source.validateFields(frontMatterFields, 'the front matter', sink);
  if (!fields) return { title: '', id: null, idPosition: null, summary: '', related: [] };
  source.warnUnknownKeys([], KNOWN_KEYS, 'the front matter', sink);
  const { title, id, summary, related } = fields.values;
  return {
    title: title ?? '',
    id: id ?? null,
    idPosition: id === undefined ? null : source.positionOf(['id']),
    summary: summary ?? '',
    related: (related ?? []).flatMap((entry, index) => {
      const position = source.positionOf(['related', index]);
      const match = RELATED_ENTRY.exec(entry);
      const courseId = match?.[1];
      const lessonId = match?.[2];
      if (!lessonId || !isSlug(lessonId) || (courseId !== undefined && !isSlug(courseId))) {
        sink.error(
          position,
          `related lesson "${entry}" must be a lesson id such as "deployment", or "course-id/lesson-id" for another course`,
        );
        return [];
      }
      return [{ courseId: courseId ?? null, lessonId, position }];
    }),
  };
}
