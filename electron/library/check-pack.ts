// Everything a course pack must be before any of it is installed: Studybook's application_id, a
// format this app reads, a sound SQLite file (integrity_check), exactly format 1's tables, every
// row valid, references that hold, images of allowed types only, sizes within limits. A pack that
// fails any of it is refused with a sentence for the learner (PackError), never a stack trace.
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { toImageAsset } from '../course/images.ts';
import {
  PACK_APPLICATION_ID,
  PACK_FORMAT_VERSION,
  PACK_SCHEMA_SQL,
} from '../course/pack-format.ts';
import { checkLessonHtml } from './lesson-html.ts';
import { describeFileStart, SNIFF_LENGTH } from './pack-file-header.ts';
import { PackError } from './pack-error.ts';
import {
  ASSET_TYPES,
  assetHeadRow,
  courseRow,
  faqRow,
  firstIssue,
  lessonRow,
  questionRow,
  relatedRow,
  sectionRow,
  type PackCourseRow,
} from './pack-rows.ts';

export type { PackCourseRow } from './pack-rows.ts';

/** How large a pack and its parts may be. */
export interface PackLimits {
  /** The whole file. */
  maxPackBytes: number;
  /** A lesson's text and HTML, summed over the lesson and its sections, quiz and FAQ (UTF-8). */
  maxLessonTextBytes: number;
  /** One image. */
  maxAssetBytes: number;
}

export const DEFAULT_PACK_LIMITS: Readonly<PackLimits> = Object.freeze({
  maxPackBytes: 2 * 1024 ** 3,
  maxLessonTextBytes: 5 * 1024 ** 2,
  maxAssetBytes: 64 * 1024 ** 2,
});

export interface CheckPackOptions {
  limits?: Partial<PackLimits>;
  /** The name to use in messages (the file the learner chose, not a staged copy). */
  displayName?: string;
  /** Called as the check moves on, with the share done (0–1). */
  onProgress?: (fraction: number) => void;
}

/** A pack that passed every check. */
export interface CheckedPack {
  course: PackCourseRow;
  lessonCount: number;
  bytes: number;
}

/** Where a check running elsewhere (check-thread.ts) has got to. */
export type PendingCheckState = 'checking' | 'passed' | 'refused' | 'failed';

/** A checkPack running elsewhere (another thread) while the caller goes on with other work. */
export interface PendingCheck {
  /** Takes in what the check has reported so far (its progress), without waiting. */
  poll(): PendingCheckState;
  /**
   * The check's verdict: the checked pack, or a PackError for a refused one. Rejects with another
   * Error when the check could not be run at all (the caller then checks on its own thread).
   */
  result(): Promise<CheckedPack>;
}

/** Starts checkPack(packFile, options) elsewhere. */
export type PackChecker = (packFile: string, options: CheckPackOptions) => PendingCheck;

/** The content tables of format 1, in the order they are checked and copied. */
export const PACK_TABLES = [
  'course',
  'lessons',
  'sections',
  'questions',
  'faq',
  'related',
  'assets',
] as const;

/**
 * Checks the pack at `packFile` from its first byte to its last row without changing it. Returns
 * its course row and size. Throws PackError, whose message is written for the learner, for
 * anything that is not a complete, valid Studybook pack of a format this app reads.
 */
export function checkPack(packFile: string, options: CheckPackOptions = {}): CheckedPack {
  return withOpenedPack(packFile, options, (pack, name, limits, refuse, bytes) =>
    checkContents(pack, name, limits, refuse, bytes, options.onProgress ?? (() => {})),
  );
}

/**
 * The part of checkPack that makes reading the pack's tables harmless: a Studybook pack file of
 * this format, within the size limit, with exactly format 1's tables (no view or trigger, which
 * would run when read). Not its integrity, rows or images: the rest of the check still decides
 * whether the pack may be installed. Throws PackError as checkPack does; a pack it accepts may
 * still be refused by checkPack, never the other way round.
 */
export function checkPackLayout(packFile: string, options: CheckPackOptions = {}): void {
  withOpenedPack(packFile, options, (pack, name, _limits, refuse) => {
    checkLayout(pack, schemaObjects(pack), name, refuse);
  });
}

function withOpenedPack<Result>(
  packFile: string,
  options: CheckPackOptions,
  run: (
    pack: Database.Database,
    name: string,
    limits: PackLimits,
    refuse: (message: string) => never,
    bytes: number,
  ) => Result,
): Result {
  const name = options.displayName ?? path.basename(packFile);
  const limits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
  const refuse = (message: string): never => {
    throw new PackError(packFile, message);
  };

  const bytes = fileSize(packFile, name, refuse);
  if (bytes > limits.maxPackBytes) {
    refuse(
      `${name} is ${formatBytes(bytes)}; Studybook opens course packs of up to ${formatBytes(limits.maxPackBytes)}.`,
    );
  }
  checkFileStart(packFile, bytes, name, refuse);

  let pack: Database.Database;
  try {
    pack = new Database(packFile, { readonly: true, fileMustExist: true });
  } catch {
    return refuse(`${name} could not be opened. Copy it again, or ask for a new copy.`);
  }
  try {
    // A pack is untrusted input: no schema-defined function may run, and SQLite checks every
    // cell it reads against its page.
    pack.pragma('trusted_schema = OFF');
    pack.pragma('cell_size_check = ON');
    return run(pack, name, limits, refuse, bytes);
  } catch (error) {
    if (error instanceof PackError) throw error;
    if (error instanceof Database.SqliteError) {
      return refuse(`${name} is damaged (${error.message}). Copy it again, or ask for a new copy.`);
    }
    throw error;
  } finally {
    pack.close();
  }
}

/**
 * The id and content hash of the pack at `packFile`, read without checking the rest of it: enough
 * to see that the library already holds exactly this content. Null when they cannot be read (the
 * full check then says why). Never throws.
 */
export function peekPackCourse(packFile: string): { id: string; contentHash: string } | null {
  let pack: Database.Database | undefined;
  try {
    pack = new Database(packFile, { readonly: true, fileMustExist: true });
    pack.pragma('trusted_schema = OFF');
    if (pack.pragma('application_id', { simple: true }) !== PACK_APPLICATION_ID) return null;
    if (pack.pragma('user_version', { simple: true }) !== PACK_FORMAT_VERSION) return null;
    const rows = pack.prepare('SELECT id, content_hash FROM course').raw().all() as unknown[][];
    const [id, contentHash] = rows.length === 1 ? (rows[0] ?? []) : [];
    return typeof id === 'string' && typeof contentHash === 'string' ? { id, contentHash } : null;
  } catch {
    return null;
  } finally {
    pack?.close();
  }
}

function fileSize(packFile: string, name: string, refuse: (message: string) => never): number {
  try {
    const stat = statSync(packFile);
    if (!stat.isFile()) return refuse(`${name} is a folder, not a course pack.`);
    return stat.size;
  } catch (error) {
    if (error instanceof PackError) throw error;
    return refuse(`${name} could not be found or read.`);
  }
}

function checkFileStart(
  packFile: string,
  bytes: number,
  name: string,
  refuse: (message: string) => never,
): void {
  const start = Buffer.alloc(Math.min(SNIFF_LENGTH, bytes));
  let fd: number | undefined;
  try {
    fd = openSync(packFile, 'r');
    readSync(fd, start, 0, start.length, 0);
  } catch {
    refuse(`${name} could not be read.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const described = describeFileStart(start, bytes);
  switch (described.kind) {
    case 'empty':
      return refuse(`${name} is empty. Copy the course pack again.`);
    case 'zip':
      return refuse(
        `${name} is a zip archive, not a Studybook course pack. If you were given a .zip, unzip it and open the .studypack file inside.`,
      );
    case 'text':
      return refuse(
        `${name} is a text file, not a Studybook course pack. Ask your instructor for the .studypack file.`,
      );
    case 'unknown':
      return refuse(`${name} is not a Studybook course pack.`);
    case 'truncated':
      return refuse(
        `${name} is incomplete: the copy was cut short` +
          (described.expectedBytes === null
            ? ''
            : ` (${formatBytes(bytes)} of ${formatBytes(described.expectedBytes)})`) +
          '. Copy it again from the original.',
      );
    case 'sqlite': {
      const { applicationId, userVersion } = described.header;
      if (applicationId !== PACK_APPLICATION_ID) {
        return refuse(`${name} is a database of another program, not a Studybook course pack.`);
      }
      if (userVersion > PACK_FORMAT_VERSION) {
        return refuse(
          `This course needs a newer Studybook: ${name} is in course pack format ${userVersion}, and this Studybook reads format ${PACK_FORMAT_VERSION}. Update Studybook, then open it again.`,
        );
      }
      if (userVersion < PACK_FORMAT_VERSION) {
        return refuse(
          `${name} is in an old course pack format (${userVersion}). Ask your instructor to build it again with this Studybook.`,
        );
      }
    }
  }
}

function checkContents(
  pack: Database.Database,
  name: string,
  limits: PackLimits,
  refuse: (message: string) => never,
  bytes: number,
  onProgress: (fraction: number) => void,
): CheckedPack {
  const objects = schemaObjects(pack);
  const integrity = pack.pragma('integrity_check(5)', { simple: false }) as {
    integrity_check: string;
  }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    // SQLite's report starts with "*** in database main ***" lines; the first finding says more.
    const detail =
      integrity
        .flatMap((row) => row.integrity_check.split('\n'))
        .map((line) => line.trim())
        .find((line) => line !== '' && !line.startsWith('***')) ?? 'it failed its integrity check';
    refuse(`${name} is damaged (${detail}). Copy it again, or ask for a new copy.`);
  }
  onProgress(0.05);

  checkLayout(pack, objects, name, refuse);

  const invalid = (table: string, where: string, problem: string): never =>
    refuse(`${name} is not a valid course pack: in ${table}, ${where}: ${problem}.`);

  // Progress counts rows, and an image as one row per 16 KB.
  const total =
    PACK_TABLES.slice(0, -1).reduce(
      (sum, table) => sum + (pack.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number),
      0,
    ) +
    (pack
      .prepare('SELECT coalesce(sum(length(data) / 16384 + 1), 0) FROM assets')
      .pluck()
      .get() as number);
  let done = 0;
  let reported = 0;
  const advance = (units: number) => {
    done += units;
    const fraction = 0.05 + (0.95 * done) / Math.max(total, 1);
    if (fraction - reported >= 0.01) {
      reported = fraction;
      onProgress(Math.min(fraction, 1));
    }
  };

  const courses = pack.prepare('SELECT * FROM course').all();
  if (courses.length !== 1) {
    invalid('course', 'the course record', `there are ${courses.length} instead of one`);
  }
  const course = parseRow(courseRow, courses[0], (problem) =>
    invalid('course', 'the course record', problem),
  );
  advance(1);

  const lessonText = new Map<string, number>();
  const addText = (lessonId: string, ...parts: string[]) => {
    let sum = lessonText.get(lessonId) ?? 0;
    for (const part of parts) sum += Buffer.byteLength(part);
    lessonText.set(lessonId, sum);
    if (sum > limits.maxLessonTextBytes) {
      refuse(
        `${name} cannot be opened: its lesson "${lessonId}" holds more than ${formatBytes(limits.maxLessonTextBytes)} of text, the most a lesson may hold.`,
      );
    }
  };
  const images = new Set<string>();
  const html = (value: string, table: string, where: string) => {
    const check = checkLessonHtml(value, course.id);
    if (check.problem) invalid(table, where, `its HTML holds ${check.problem}`);
    for (const image of check.images) images.add(image);
  };

  const lessonIds = new Set<string>();
  for (const raw of pack.prepare('SELECT * FROM lessons ORDER BY position').iterate()) {
    const where = `lesson ${lessonIds.size + 1}`;
    const row = parseRow(lessonRow, raw, (problem) => invalid('lessons', where, problem));
    if (row.position !== lessonIds.size) {
      invalid('lessons', where, `its position is ${row.position}, not ${lessonIds.size}`);
    }
    html(row.intro_html, 'lessons', `lesson "${row.id}"`);
    addText(row.id, row.title, row.summary, row.intro_html);
    lessonIds.add(row.id);
    advance(1);
  }

  const lessonOf = (table: string, where: string, lessonId: string) => {
    if (!lessonIds.has(lessonId)) invalid(table, where, `there is no lesson "${lessonId}"`);
  };
  let count = 0;
  for (const raw of pack.prepare('SELECT * FROM sections').iterate()) {
    const where = `section ${++count}`;
    const row = parseRow(sectionRow, raw, (problem) => invalid('sections', where, problem));
    lessonOf('sections', where, row.lesson_id);
    html(row.html, 'sections', `section "${row.lesson_id}/${row.id}"`);
    addText(row.lesson_id, row.title, row.html, row.text);
    advance(1);
  }
  count = 0;
  for (const raw of pack.prepare('SELECT * FROM questions').iterate()) {
    const where = `question ${++count}`;
    const row = parseRow(questionRow, raw, (problem) => invalid('questions', where, problem));
    lessonOf('questions', where, row.lesson_id);
    html(row.explain_html, 'questions', `question "${row.lesson_id}/${row.id}"`);
    const source = raw as Record<string, string>;
    addText(
      row.lesson_id,
      row.prompt,
      source['choices'] ?? '',
      source['answer'] ?? '',
      source['accept'] ?? '',
      row.explain_html,
    );
    advance(1);
  }
  count = 0;
  for (const raw of pack.prepare('SELECT * FROM faq').iterate()) {
    const where = `FAQ entry ${++count}`;
    const row = parseRow(faqRow, raw, (problem) => invalid('faq', where, problem));
    lessonOf('faq', where, row.lesson_id);
    html(row.answer_html, 'faq', where);
    addText(row.lesson_id, row.question, row.answer_html);
    advance(1);
  }
  count = 0;
  for (const raw of pack.prepare('SELECT * FROM related').iterate()) {
    const where = `related lesson ${++count}`;
    const row = parseRow(relatedRow, raw, (problem) => invalid('related', where, problem));
    lessonOf('related', where, row.lesson_id);
    if (row.course_id === course.id && !lessonIds.has(row.target_lesson_id)) {
      invalid('related', where, `there is no lesson "${row.target_lesson_id}" to point to`);
    }
    advance(1);
  }

  const assets = new Set<string>();
  const heads = pack.prepare('SELECT rowid, name, mime, length(data) AS size FROM assets').all();
  const readData = pack
    .prepare<[number], Buffer>('SELECT data FROM assets WHERE rowid = ?')
    .pluck();
  for (const raw of heads) {
    const where = `image ${assets.size + 1}`;
    const head = parseRow(assetHeadRow, raw, (problem) => invalid('assets', where, problem));
    const extension = ASSET_TYPES.get(head.mime);
    if (!extension || !head.name.endsWith(`.${extension}`)) {
      refuse(
        `${name} cannot be opened: it holds a file "${head.name}" (${head.mime}) that is not a PNG, JPEG, GIF, WebP or SVG image.`,
      );
    }
    if (head.size > limits.maxAssetBytes) {
      refuse(
        `${name} cannot be opened: its image "${head.name}" is ${formatBytes(head.size)}, larger than the ${formatBytes(limits.maxAssetBytes)} an image may be.`,
      );
    }
    const data = readData.get((raw as { rowid: number }).rowid);
    const asset = Buffer.isBuffer(data) ? toImageAsset(head.name, data) : { error: '' };
    if ('error' in asset) {
      refuse(
        `${name} cannot be opened: its file "${head.name}" is not the ${extension} image it claims to be. Only PNG, JPEG, GIF, WebP and SVG images are allowed.`,
      );
    }
    if (asset.name !== head.name || asset.mime !== head.mime) {
      invalid('assets', `image "${head.name}"`, 'its name does not match its content');
    }
    assets.add(head.name);
    advance(Math.floor(head.size / 16384) + 1);
  }
  for (const image of images) {
    if (!assets.has(image))
      invalid('assets', `image "${image}"`, 'a lesson shows it, but the pack does not hold it');
  }
  onProgress(1);
  return { course, lessonCount: lessonIds.size, bytes };
}

function parseRow<Schema extends z.ZodType>(
  schema: Schema,
  row: unknown,
  fail: (problem: string) => never,
): z.output<Schema> {
  const parsed = schema.safeParse(row);
  return parsed.success ? parsed.data : fail(firstIssue(parsed.error));
}

// ---- Layout -----------------------------------------------------------------------------------

type SchemaObject = { type: string; name: string; sql: string | null };

function schemaObjects(pack: Database.Database): SchemaObject[] {
  return pack.prepare<[], SchemaObject>('SELECT type, name, sql FROM sqlite_schema').all();
}

let referenceLayout: Map<string, string> | null = null;

/** Format 1's tables, described the way `describeTable` describes a pack's. */
function reference(): Map<string, string> {
  if (!referenceLayout) {
    const db = new Database(':memory:');
    db.exec(PACK_SCHEMA_SQL);
    referenceLayout = new Map(PACK_TABLES.map((table) => [table, describeTable(db, table)]));
    db.close();
  }
  return referenceLayout;
}

// Exactly format 1's tables with their columns, types, keys and unique constraints: no views or
// triggers (which could run when read), no extra tables or indexes. Comments and spacing in the
// CREATE statements do not matter.
function checkLayout(
  pack: Database.Database,
  objects: SchemaObject[],
  name: string,
  refuse: (message: string) => never,
): void {
  const expected = reference();
  const wrong = (detail: string): never => refuse(`${name} is not a valid course pack: ${detail}.`);
  for (const object of objects) {
    if (object.type === 'table') {
      if (!expected.has(object.name) && !object.name.startsWith('sqlite_')) {
        wrong(`it has an unknown table "${object.name}"`);
      }
    } else if (object.type === 'index') {
      // Only the indexes SQLite makes for PRIMARY KEY and UNIQUE, which have no SQL of their own.
      if (object.sql !== null) wrong(`it has an unknown index "${object.name}"`);
    } else {
      wrong(`it has a ${object.type} "${object.name}"`);
    }
  }
  for (const [table, layout] of expected) {
    if (!objects.some((object) => object.type === 'table' && object.name === table)) {
      wrong(`its table "${table}" is missing`);
    }
    if (describeTable(pack, table) !== layout) {
      wrong(
        `its table "${table}" is not laid out as course pack format ${PACK_FORMAT_VERSION} says`,
      );
    }
  }
}

function describeTable(db: Database.Database, table: string): string {
  const list = db
    .prepare(`SELECT type, ncol, wr, strict FROM pragma_table_list WHERE name = ?`)
    .all(table);
  const columns = db.prepare('SELECT * FROM pragma_table_xinfo(?) ORDER BY cid').all(table);
  const indexes = (
    db.prepare('SELECT name, "unique", origin, partial FROM pragma_index_list(?)').all(table) as {
      name: string;
    }[]
  )
    .map((index) => ({
      ...index,
      columns: db
        .prepare('SELECT seqno, name FROM pragma_index_info(?) ORDER BY seqno')
        .all(index.name),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify({ list, columns, indexes });
}

/** `bytes` for people: "512 bytes", "3.4 MB", "2 GB". Pure. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1);
  return `${rounded} ${units[unit]}`;
}
