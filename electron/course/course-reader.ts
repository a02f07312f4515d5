// Reads a course folder (course.yml, every listed lesson, the images the lessons show) and renders
// each lesson as soon as it is parsed. The only module of the compiler that reads files.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CodeHighlighter, CodeStyleSheet } from './code-highlighter.ts';
import type { CourseManifest } from './course-manifest.ts';
import { parseCourseManifest } from './course-manifest.ts';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { startOf } from './diagnostics.ts';
import { classifyImageSource, toImageAsset } from './images.ts';
import type { ParsedLesson } from './lesson-parser.ts';
import { parseLesson } from './lesson-parser.ts';
import type { LoadedImage, RenderedLesson } from './lesson-renderer.ts';
import { renderLesson } from './lesson-renderer.ts';

/** A course folder read and its lessons rendered; links are resolved later, across courses. */
export interface CourseDraft {
  /** Absolute path of the course folder. */
  readonly dir: string;
  readonly manifestFile: string;
  /** Null when course.yml is invalid (the course is still checked as far as possible). */
  readonly manifest: CourseManifest | null;
  /** The manifest's id, or the folder's name while the manifest is invalid. */
  readonly id: string;
  readonly idPosition: SourcePosition;
  readonly lessons: readonly RenderedLesson[];
  /** The highlighting classes used by the course's code. */
  readonly styles: CodeStyleSheet;
  /** Every source file read (course.yml, lessons, images) by path relative to the folder. */
  readonly sources: ReadonlyMap<string, Uint8Array>;
}

/**
 * Reads the course in `dir` and renders its lessons, reporting problems to `sink`. Returns null
 * when there is no readable course.yml. Never throws for problems with the course's files.
 */
export async function readCourse(
  dir: string,
  highlighter: CodeHighlighter,
  sink: DiagnosticList,
): Promise<CourseDraft | null> {
  const root = path.resolve(dir);
  const manifestFile = path.join(root, 'course.yml');
  const manifestBytes = await readSource(manifestFile);
  if (typeof manifestBytes === 'string') {
    sink.error(
      startOf(manifestFile),
      manifestBytes === 'ENOENT'
        ? 'no course.yml in this folder: a course folder holds a course.yml with id, title, description, version and lessons'
        : `cannot read course.yml (${manifestBytes})`,
    );
    return null;
  }
  const sources = new Map<string, Uint8Array>([['course.yml', manifestBytes]]);
  const { manifest, lessonFiles, source } = parseCourseManifest(
    decodeText(manifestBytes),
    manifestFile,
    sink,
  );
  const context = {
    courseId: manifest?.id ?? path.basename(root),
    highlighter,
    styles: highlighter.createStyleSheet(),
  };
  const images = new ImageLoader(root, sources);

  const lessons = await Promise.all(
    (lessonFiles ?? []).map(async (sourceFile, index) => {
      const file = path.join(root, sourceFile);
      const listedAt = source.positionOf(['lessons', index]);
      const bytes = await readSource(file);
      if (typeof bytes === 'string') {
        sink.error(
          listedAt,
          bytes === 'ENOENT'
            ? `lesson file "${sourceFile}" not found next to course.yml: check the name, or create the file`
            : `cannot read lesson file "${sourceFile}" (${bytes})`,
        );
        return null;
      }
      const relative = toPosix(path.relative(root, file));
      sources.set(relative, bytes);
      const parsed = parseLesson(
        { file, sourceFile: relative, text: decodeText(bytes), listedAt },
        sink,
      );
      // Rendered at once, so that each lesson's tokens are garbage before the next is parsed.
      return renderLesson(parsed, { ...context, images: await images.load(parsed) }, sink);
    }),
  );
  const rendered = lessons.filter((lesson): lesson is RenderedLesson => lesson !== null);

  // Without a valid lesson list, every file would look unlisted: say nothing rather than noise.
  if (lessonFiles) await warnUnlistedLessons(root, lessonFiles, sink);
  checkUniqueLessonIds(rendered, sink);
  return {
    dir: root,
    manifestFile,
    manifest,
    id: context.courseId,
    idPosition: source.positionOf(['id']),
    lessons: rendered,
    styles: context.styles,
    sources,
  };
}

/** Loads each image file of a course once, however many lessons show it. */
class ImageLoader {
  private readonly root: string;
  private readonly sources: Map<string, Uint8Array>;
  private readonly loading = new Map<string, Promise<LoadedImage>>();

  constructor(root: string, sources: Map<string, Uint8Array>) {
    this.root = root;
    this.sources = sources;
  }

  /** The images `lesson` shows, by absolute path. */
  async load(lesson: ParsedLesson): Promise<Map<string, LoadedImage>> {
    const files = new Set<string>();
    for (const image of lesson.images) {
      const source = classifyImageSource(image.src, lesson.file);
      if (source.kind === 'local') files.add(source.file);
    }
    const entries = await Promise.all(
      [...files].map(async (file) => [file, await this.loadFile(file)] as const),
    );
    return new Map(entries);
  }

  private loadFile(file: string): Promise<LoadedImage> {
    let loading = this.loading.get(file);
    if (!loading) {
      loading = this.read(file);
      this.loading.set(file, loading);
    }
    return loading;
  }

  private async read(file: string): Promise<LoadedImage> {
    const relative = toPosix(path.relative(this.root, file));
    const bytes = await readSource(file);
    if (typeof bytes === 'string') {
      return {
        error:
          bytes === 'ENOENT'
            ? `image "${relative}" not found: check the path, relative to the lesson file`
            : `cannot read image "${relative}" (${bytes})`,
      };
    }
    const asset = toImageAsset(file, bytes);
    if (!('error' in asset)) this.sources.set(relative, bytes);
    return asset;
  }
}

async function warnUnlistedLessons(
  root: string,
  listed: readonly string[],
  sink: DiagnosticList,
): Promise<void> {
  const listedFiles = new Set(listed.map((file) => path.join(root, file)));
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries) {
    const file = path.join(root, entry.name);
    if (!entry.isFile() || !entry.name.endsWith('.md') || listedFiles.has(file)) continue;
    if (entry.name.toLowerCase() === 'readme.md') continue; // notes for the course's authors
    sink.warning(
      startOf(file),
      `"${entry.name}" is not listed under "lessons" in course.yml, so it is not part of the course: list it, or remove the file`,
    );
  }
}

function checkUniqueLessonIds(lessons: readonly RenderedLesson[], sink: DiagnosticList): void {
  const seen = new Map<string, RenderedLesson>();
  for (const lesson of lessons) {
    if (lesson.id === '') continue;
    const first = seen.get(lesson.id);
    if (first) {
      sink.error(
        lesson.idPosition,
        `duplicate lesson id "${lesson.id}" (${first.sourceFile} has it too): give one of them another \`id:\` in its front matter`,
      );
    } else {
      seen.set(lesson.id, lesson);
    }
  }
}

/** The file's bytes, or the error code explaining why it cannot be read. */
async function readSource(file: string): Promise<Uint8Array | string> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'ENOENT' : (code ?? String(error));
  }
}

const utf8 = new TextDecoder('utf-8');

// Files written on Windows carry \r\n and sometimes a byte-order mark; line numbers must not care.
function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes).replace(/\r\n?/g, '\n');
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
