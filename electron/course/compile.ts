// The compiler's entry points: course folders in, compiled courses and diagnostics out.
import path from 'node:path';
import { loadCodeHighlighter } from './code-highlighter.ts';
import { contentHash } from './content-hash.ts';
import { CourseIndex } from './course-index.ts';
import type { CourseDraft } from './course-reader.ts';
import { readCourse } from './course-reader.ts';
import type { Diagnostic } from './diagnostics.ts';
import { DiagnosticList, compareDiagnostics } from './diagnostics.ts';
import type { ImageAsset } from './images.ts';
import { linkLesson } from './lesson-linker.ts';
import type { CompiledCourse } from './model.ts';
import { PackError, readPreviousSections } from './previous-pack.ts';
import { checkSectionIdDrift } from './section-id-drift.ts';

export interface CheckOptions {
  /** Packs built from earlier versions of the checked courses, matched by course id. */
  readonly previousPacks?: readonly string[];
}

export interface CheckResult {
  /** The courses that compiled without errors, in the order of their folders. */
  readonly courses: CompiledCourse[];
  /** Every problem found, by file and position. */
  readonly diagnostics: Diagnostic[];
  /** How much was checked, for summaries. */
  readonly checked: { readonly courses: number; readonly lessons: number };
}

/**
 * Compiles the courses in `dirs` together (links between them are checked) and collects every
 * problem. Reads files only; cheap enough to rerun on every change. Throws `PackError` when a
 * previous pack cannot be read or matches none of the courses; rejects if shiki cannot load.
 */
export async function checkCourses(
  dirs: readonly string[],
  options: CheckOptions = {},
): Promise<CheckResult> {
  const highlighter = await loadCodeHighlighter();
  const runs = await Promise.all(
    [...new Set(dirs.map((dir) => path.resolve(dir)))].map(async (dir) => {
      const sink = new DiagnosticList();
      return { sink, draft: await readCourse(dir, highlighter, sink) };
    }),
  );

  const index = new CourseIndex();
  const firstById = new Map<string, CourseDraft>();
  for (const { draft, sink } of runs) {
    if (!draft) continue;
    const first = firstById.get(draft.id);
    if (first && first.dir !== draft.dir) {
      sink.error(
        draft.idPosition,
        `course id "${draft.id}" is also the id of ${first.manifestFile}: each course needs its own id`,
      );
    }
    firstById.set(draft.id, first ?? draft);
    index.add(draft);
  }

  for (const pack of options.previousPacks ?? []) {
    const previous = readPreviousSections(pack);
    const run = runs.find(({ draft }) => draft?.id === previous.courseId);
    if (!run?.draft) {
      throw new PackError(
        `${pack} holds course "${previous.courseId}", which is not among the courses checked`,
      );
    }
    checkSectionIdDrift(run.draft.lessons, previous, run.sink);
  }

  const courses: CompiledCourse[] = [];
  for (const { draft, sink } of runs) {
    if (!draft) continue;
    const compiled = finishCourse(draft, index, sink);
    if (compiled && !sink.hasErrors) courses.push(compiled);
  }
  return {
    courses,
    diagnostics: runs.flatMap(({ sink }) => sink.items).sort(compareDiagnostics),
    checked: {
      courses: runs.length,
      lessons: runs.reduce((sum, { draft }) => sum + (draft?.lessons.length ?? 0), 0),
    },
  };
}

/**
 * Compiles the course in `dir` on its own; `course` is null when it has errors.
 * Throws like `checkCourses`.
 */
export async function compileCourse(
  dir: string,
  options: CheckOptions = {},
): Promise<{ course: CompiledCourse | null; diagnostics: Diagnostic[] }> {
  const { courses, diagnostics } = await checkCourses([dir], options);
  return { course: courses[0] ?? null, diagnostics };
}

function finishCourse(
  draft: CourseDraft,
  index: CourseIndex,
  sink: DiagnosticList,
): CompiledCourse | null {
  const context = { courseId: draft.id, courseDir: draft.dir, index };
  // Linking reports broken links, so it runs even when the manifest is invalid.
  const lessons = draft.lessons.map((lesson) => linkLesson(lesson, context, sink));
  if (!draft.manifest) return null;
  const assets = new Map<string, ImageAsset>();
  for (const lesson of draft.lessons) {
    for (const asset of lesson.assets) assets.set(asset.name, asset);
  }
  const { id, title, description, version, contact } = draft.manifest;
  return {
    id,
    title,
    description,
    version,
    contact,
    contentHash: contentHash(draft.sources),
    codeCss: draft.styles.toCss(),
    lessons,
    assets: [...assets.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}
