// The compiler's entry points: course folders in, compiled courses and diagnostics out.
import { loadCodeHighlighter } from './code-highlighter.ts';
import type { CodeHighlighter } from './code-highlighter.ts';
import { contentHash } from './content-hash.ts';
import { CourseIndex } from './course-index.ts';
import type { LoadedCourse } from './course-loader.ts';
import { loadCourse } from './course-loader.ts';
import type { Diagnostic } from './diagnostics.ts';
import { DiagnosticList, compareDiagnostics } from './diagnostics.ts';
import type { ImageAsset } from './images.ts';
import { renderLesson } from './lesson-renderer.ts';
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
    [...new Set(dirs)].map(async (dir) => {
      const sink = new DiagnosticList();
      return { sink, course: await loadCourse(dir, sink) };
    }),
  );

  const index = new CourseIndex();
  const firstById = new Map<string, LoadedCourse>();
  for (const { course, sink } of runs) {
    if (!course) continue;
    const first = firstById.get(course.id);
    if (first && first.dir !== course.dir) {
      sink.error(
        course.idPosition,
        `course id "${course.id}" is also the id of ${first.manifestFile}: each course needs its own id`,
      );
    }
    firstById.set(course.id, first ?? course);
    index.add(course);
  }

  for (const pack of options.previousPacks ?? []) {
    const previous = readPreviousSections(pack);
    const run = runs.find(({ course }) => course?.id === previous.courseId);
    if (!run?.course) {
      throw new PackError(
        `${pack} holds course "${previous.courseId}", which is not among the courses checked`,
      );
    }
    checkSectionIdDrift(run.course.lessons, previous, run.sink);
  }

  const courses: CompiledCourse[] = [];
  for (const { course, sink } of runs) {
    if (!course) continue;
    const compiled = compileLoadedCourse(course, index, highlighter, sink);
    if (compiled && !sink.hasErrors) courses.push(compiled);
  }
  return {
    courses,
    diagnostics: runs.flatMap(({ sink }) => sink.items).sort(compareDiagnostics),
    checked: {
      courses: runs.length,
      lessons: runs.reduce((sum, { course }) => sum + (course?.lessons.length ?? 0), 0),
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

function compileLoadedCourse(
  course: LoadedCourse,
  index: CourseIndex,
  highlighter: CodeHighlighter,
  sink: DiagnosticList,
): CompiledCourse | null {
  const assets = new Map<string, ImageAsset>();
  const styles = highlighter.createStyleSheet();
  const context = {
    courseId: course.id,
    courseDir: course.dir,
    index,
    images: course.images,
    assets,
    highlighter,
    styles,
  };
  // Rendering reports broken links and images, so it runs even when the manifest is invalid.
  const lessons = course.lessons.map((lesson) => renderLesson(lesson, context, sink));
  if (!course.manifest) return null;
  const { id, title, description, version, contact } = course.manifest;
  return {
    id,
    title,
    description,
    version,
    contact,
    contentHash: contentHash(course.sources),
    codeCss: styles.toCss(),
    lessons,
    assets: [...assets.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}
