// Reads a course folder: course.yml, every listed lesson, and the images the lessons show.
// The only module of the compiler that touches the file system while compiling.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CourseManifest } from './course-manifest.ts';
import { parseCourseManifest } from './course-manifest.ts';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import { startOf } from './diagnostics.ts';
import type { ImageAsset } from './images.ts';
import { classifyImageSource, toImageAsset } from './images.ts';
import type { ParsedLesson } from './lesson-parser.ts';
import { parseLesson } from './lesson-parser.ts';

/** An image file as loaded: its asset, or why it cannot be one. */
export type LoadedImage = ImageAsset | { readonly error: string };

/** A course folder, read and parsed, not yet rendered. */
export interface LoadedCourse {
  /** Absolute path of the course folder. */
  readonly dir: string;
  readonly manifestFile: string;
  /** Null when course.yml is invalid (the course is still checked as far as possible). */
  readonly manifest: CourseManifest | null;
  /** The manifest's id, or the folder's name while the manifest is invalid. */
  readonly id: string;
  readonly idPosition: SourcePosition;
  readonly lessons: readonly ParsedLesson[];
  /** Images by absolute path. */
  readonly images: ReadonlyMap<string, LoadedImage>;
  /** Every source file read (course.yml, lessons, images) by path relative to the folder. */
  readonly sources: ReadonlyMap<string, Uint8Array>;
}

/**
 * Reads and parses the course in `dir`, reporting problems to `sink`. Returns null when there is
 * no readable course.yml. Never throws for problems with the course's files.
 */
export async function loadCourse(dir: string, sink: DiagnosticList): Promise<LoadedCourse | null> {
  const root = path.resolve(dir);
  const manifestFile = path.join(root, 'course.yml');
  const manifestBytes = await readSource(manifestFile);
  if (typeof manifestBytes === 'string') {
    sink.error(
      startOf(manifestFile),
      manifestBytes === 'ENOENT'
        ? `no course.yml in ${dir}: a course folder holds a course.yml with id, title, description, version and lessons`
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

  const lessons = await Promise.all(
    (lessonFiles ?? []).map(async (sourceFile, index) => {
      const file = path.join(root, sourceFile);
      const listedAt = source.positionOf(['lessons', index]);
      const bytes = await readSource(file);
      if (typeof bytes === 'string') {
        sink.error(
          listedAt,
          bytes === 'ENOENT'
            ? `lesson file "${sourceFile}" not found in ${dir}: check the name, or create the file`
            : `cannot read lesson file "${sourceFile}" (${bytes})`,
        );
        return null;
      }
      const relative = toPosix(path.relative(root, file));
      sources.set(relative, bytes);
      return parseLesson({ file, sourceFile: relative, text: decodeText(bytes), listedAt }, sink);
    }),
  );
  const parsed = lessons.filter((lesson): lesson is ParsedLesson => lesson !== null);

  // Without a valid lesson list, every file would look unlisted: say nothing rather than noise.
  if (lessonFiles) await warnUnlistedLessons(root, lessonFiles, sink);
  checkUniqueLessonIds(parsed, sink);
  const images = await loadImages(parsed, root, sources);
  return {
    dir: root,
    manifestFile,
    manifest,
    id: manifest?.id ?? path.basename(root),
    idPosition: source.positionOf(['id']),
    lessons: parsed,
    images,
    sources,
  };
}

async function loadImages(
  lessons: readonly ParsedLesson[],
  root: string,
  sources: Map<string, Uint8Array>,
): Promise<Map<string, LoadedImage>> {
  const files = new Set<string>();
  for (const lesson of lessons) {
    for (const image of lesson.images) {
      const source = classifyImageSource(image.src, lesson.file);
      if (source.kind === 'local') files.add(source.file);
    }
  }
  const images = new Map<string, LoadedImage>();
  await Promise.all(
    [...files].map(async (file) => {
      const relative = toPosix(path.relative(root, file));
      const bytes = await readSource(file);
      if (typeof bytes === 'string') {
        images.set(file, {
          error:
            bytes === 'ENOENT'
              ? `image "${relative}" not found: check the path, relative to the lesson file`
              : `cannot read image "${relative}" (${bytes})`,
        });
        return;
      }
      const asset = toImageAsset(file, bytes);
      images.set(file, asset);
      if (!('error' in asset)) sources.set(relative, bytes);
    }),
  );
  return images;
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

function checkUniqueLessonIds(lessons: readonly ParsedLesson[], sink: DiagnosticList): void {
  const seen = new Map<string, ParsedLesson>();
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
