import Database from 'better-sqlite3';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCourse } from '../../tests/support/compiled-courses.ts';
import { PNG_BYTES } from '../../tests/support/courses.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import type { CompiledCourse } from '../course/model.ts';
import { PACK_FORMAT_VERSION } from '../course/pack-format.ts';
import { writePack } from '../course/pack-writer.ts';
import { toImageAsset, type ImageAsset } from '../course/images.ts';
import { checkPack, DEFAULT_PACK_LIMITS, formatBytes, type PackLimits } from './check-pack.ts';
import { CheckThread } from './check-thread.ts';
import { installPack, installPackConcurrently } from './install-pack.ts';
import { createLibraryReader } from './library-reader.ts';
import { openLibraryDatabase, type LibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());

let files = 0;
function tempFile(name = 'course.studypack'): string {
  files += 1;
  const dir = path.join(temp.dir, `f${files}`);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

const png = imageAsset('diagram.png', PNG_BYTES);

function imageAsset(file: string, data: Uint8Array): ImageAsset {
  const asset = toImageAsset(file, data);
  if ('error' in asset) throw new Error(asset.error);
  return asset;
}

/** A small valid course with a lesson, a quiz, an FAQ entry and an image. */
function sampleCourse(id = 'sample'): CompiledCourse {
  const course = makeCourse({
    id,
    title: 'Sample course',
    lessons: [
      {
        id: 'first',
        introHtml: `<p>See <a href="#/${id}/second">the next lesson</a>.</p><p><img src="/assets/${id}/${png.name}" alt="A diagram"></p>`,
        sections: 2,
        questions: ['Is this a question?'],
        faq: [{ question: 'Why?', answerHtml: '<p>Because.</p>' }],
      },
      { id: 'second', sections: 1 },
    ],
  });
  return { ...course, assets: [png] };
}

function packOf(course: CompiledCourse, name?: string): string {
  const file = tempFile(name);
  writePack(course, file);
  return file;
}

/** Writes the sample pack and lets `edit` change it with SQL, as a hostile or broken tool might. */
function editedPack(edit: (db: Database.Database) => void, name?: string): string {
  const file = packOf(sampleCourse(), name);
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  edit(db);
  db.close();
  return file;
}

// One library with a course in it, shared by every refusal: each checks that it is unchanged.
let library: LibraryDatabase;
let libraryFile: string;
// The app checks on this thread while it copies on its own (installPackConcurrently).
let checkThread: CheckThread;

beforeAll(() => {
  const dataDir = path.join(temp.dir, 'library');
  library = openLibraryDatabase(dataDir);
  libraryFile = path.join(dataDir, 'library.sqlite');
  installPack(library, packOf(sampleCourse('installed-course')));
  checkThread = new CheckThread();
});
afterAll(async () => {
  library.close();
  await checkThread.close();
});

function libraryBytes(): Buffer {
  library.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(libraryFile);
}

/**
 * Installing `file` must throw a PackError matching `message` and leave the library as it was,
 * both ways: checked first (installPack), and checked on another thread while it is copied
 * (installPackConcurrently), with the same message.
 */
async function expectRefused(
  file: string,
  message: RegExp,
  limits?: Partial<PackLimits>,
): Promise<string> {
  const before = libraryBytes();
  const attempts: [string, () => Promise<unknown>][] = [
    ['checked first', async () => installPack(library, file, limits ? { limits } : {})],
    [
      'checked while copied',
      () =>
        installPackConcurrently(library, file, {
          ...(limits ? { limits } : {}),
          checker: checkThread.check,
        }),
    ],
  ];
  const texts: string[] = [];
  for (const [how, attempt] of attempts) {
    let error: unknown;
    try {
      await attempt();
    } catch (caught) {
      error = caught;
    }
    expect(error, `the pack is refused (${how})`).toBeInstanceOf(PackError);
    const text = (error as PackError).message;
    expect(text).toMatch(message);
    expect(text, 'a sentence, not a stack trace').not.toMatch(/\n\s+at /);
    expect(libraryBytes().equals(before), `the library is byte-for-byte the same (${how})`).toBe(
      true,
    );
    expect(
      createLibraryReader(library)
        .listCourses()
        .map((course) => course.id),
    ).toEqual(['installed-course']);
    texts.push(text);
  }
  expect(texts[1], 'the same message both ways').toBe(texts[0]);
  return texts[0] ?? '';
}

describe('checking a pack before it is installed', () => {
  it('accepts a pack the compiler wrote, and tells its course, lesson count and size', () => {
    const file = packOf(sampleCourse());
    const progress: number[] = [];
    const checked = checkPack(file, { onProgress: (fraction) => progress.push(fraction) });
    expect(checked.course).toMatchObject({
      id: 'sample',
      title: 'Sample course',
      version: '1.0.0',
    });
    expect(checked.lessonCount).toBe(2);
    expect(checked.bytes).toBe(statSync(file).size);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses a SQLite file of another program (wrong application_id)', async () => {
    const file = editedPack((db) => db.pragma('application_id = 42'));
    await expectRefused(file, /is a database of another program, not a Studybook course pack/);
  });

  it('refuses a pack in a newer format: "This course needs a newer Studybook"', async () => {
    const file = editedPack((db) => db.pragma(`user_version = ${PACK_FORMAT_VERSION + 1}`));
    await expectRefused(file, /^This course needs a newer Studybook/);
  });

  it('refuses a pack in an older format, asking for a rebuild', async () => {
    const file = editedPack((db) => db.pragma('user_version = 0'));
    await expectRefused(
      file,
      /old course pack format \(0\)\. Ask your instructor to build it again/,
    );
  });

  it('refuses a pack with corrupt pages', async () => {
    const file = packOf(sampleCourse());
    const data = readFileSync(file);
    const pageSize = data.readUInt16BE(16);
    // Every page after the first (the header and the schema) is overwritten with junk.
    for (let offset = pageSize; offset < data.length; offset += 1)
      data[offset] = (offset * 31) & 0xff;
    writeFileSync(file, data);
    await expectRefused(file, /is damaged \(.+\)\. Copy it again/);
  });

  it('refuses a truncated copy', async () => {
    const file = packOf(sampleCourse());
    truncateSync(file, Math.floor(statSync(file).size / 2));
    await expectRefused(
      file,
      /is incomplete: the copy was cut short \(\d+ KB of \d+ KB\)\. Copy it again/,
    );
  });

  it('refuses a copy cut inside its header', async () => {
    const file = packOf(sampleCourse());
    truncateSync(file, 60);
    await expectRefused(file, /is incomplete: the copy was cut short\. Copy it again/);
  });

  it('refuses a zip archive renamed to .studypack', async () => {
    const file = tempFile('course.studypack');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'), Buffer.alloc(200, 7)]),
    );
    await expectRefused(
      file,
      /^course\.studypack is a zip archive, not a Studybook course pack\. If you were given a \.zip, unzip it/,
    );
  });

  it('refuses a text file renamed to .studypack', async () => {
    const file = tempFile('notes.studypack');
    writeFileSync(file, 'Lesson 1: café and crème brûlée\n'.repeat(40));
    await expectRefused(file, /^notes\.studypack is a text file, not a Studybook course pack/);
  });

  it('refuses an empty file and a file of unknown bytes', async () => {
    const empty = tempFile('empty.studypack');
    writeFileSync(empty, '');
    await expectRefused(empty, /^empty\.studypack is empty/);
    const binary = tempFile('binary.studypack');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 9, 8]));
    await expectRefused(binary, /^binary\.studypack is not a Studybook course pack\.$/);
  });

  it('refuses a lesson above 5 MB of text', async () => {
    const body = 'word '.repeat((DEFAULT_PACK_LIMITS.maxLessonTextBytes + 10) / 5);
    const course = makeCourse({
      id: 'big',
      lessons: [{ id: 'huge', sections: [{ id: 'all', body }] }],
    });
    await expectRefused(packOf(course), /its lesson "huge" holds more than 5 MB of text/);
  });

  it('refuses a lesson above a smaller limit when the limit is set lower', async () => {
    await expectRefused(
      packOf(sampleCourse()),
      /its lesson "first" holds more than 100 bytes of text/,
      {
        maxLessonTextBytes: 100,
      },
    );
  });

  it('refuses a pack above the size limit before opening it', async () => {
    await expectRefused(
      packOf(sampleCourse()),
      /is \d+ KB; Studybook opens course packs of up to 1 KB\./,
      {
        maxPackBytes: 1024,
      },
    );
    expect(formatBytes(DEFAULT_PACK_LIMITS.maxPackBytes)).toBe('2 GB');
  });

  it('refuses a file that is not an allowed image type', async () => {
    const file = editedPack((db) => {
      db.prepare('INSERT INTO assets (name, mime, data) VALUES (?, ?, ?)').run(
        '0123456789abcdef.html',
        'text/html',
        Buffer.from('<script>alert(1)</script>'),
      );
    });
    await expectRefused(
      file,
      /holds a file "0123456789abcdef\.html" \(text\/html\) that is not a PNG, JPEG, GIF, WebP or SVG image/,
    );
  });

  it('refuses an image whose bytes are not the type it claims', async () => {
    const file = editedPack((db) => {
      db.prepare('UPDATE assets SET data = ?').run(Buffer.from('<html><script>alert(1)</script>'));
    });
    await expectRefused(file, /is not the png image it claims to be/);
  });

  it('refuses an image whose name does not match its content', async () => {
    const file = editedPack((db) => {
      db.prepare('UPDATE assets SET data = ?').run(Buffer.concat([PNG_BYTES, Buffer.from([0])]));
    });
    await expectRefused(file, /in assets, image ".+\.png": its name does not match its content/);
  });

  it('refuses an image that is larger than an image may be', async () => {
    await expectRefused(
      packOf(sampleCourse()),
      /its image ".+\.png" is \d+ bytes, larger than the 10 bytes/,
      {
        maxAssetBytes: 10,
      },
    );
  });

  describe('refuses rows that break the schema', () => {
    const cases: [string, (db: Database.Database) => void, RegExp][] = [
      [
        'a section id that is not an id',
        (db) => db.exec(`UPDATE sections SET id = 'Not An Id!' WHERE position = 0`),
        /in sections, section \d+: id is not a valid id/,
      ],
      [
        'a section of a lesson that does not exist',
        (db) => db.exec(`UPDATE sections SET lesson_id = 'ghost' WHERE lesson_id = 'second'`),
        /in sections, section \d+: there is no lesson "ghost"/,
      ],
      [
        'a quiz whose choices are not JSON',
        (db) => db.exec(`UPDATE questions SET choices = 'Yes, No'`),
        /in questions, question 1: choices is not the JSON it should be/,
      ],
      [
        'a quiz whose answer is not one of its choices',
        (db) => db.exec(`UPDATE questions SET answer = '"Maybe"'`),
        /in questions, question 1: answer the answer is not one of the choices/,
      ],
      [
        'lessons whose positions have a gap',
        (db) => db.exec(`UPDATE lessons SET position = 5 WHERE id = 'second'`),
        /in lessons, lesson 2: its position is 5, not 1/,
      ],
      [
        'two course records',
        (db) =>
          db.exec(
            `INSERT INTO course SELECT 'other', title, description, version, contact, content_hash, code_css, built_at FROM course`,
          ),
        /in course, the course record: there are 2 instead of one/,
      ],
      [
        'a course version that is not a semantic version',
        (db) => db.exec(`UPDATE course SET version = 'latest'`),
        /in course, the course record: version is not a semantic version/,
      ],
      [
        'a script in a lesson',
        (db) => db.exec(`UPDATE sections SET html = '<p>Hi</p><script>alert(1)</script>'`),
        /its HTML holds a <script> element/,
      ],
      [
        'an event handler attribute',
        (db) =>
          db.exec(
            `UPDATE lessons SET intro_html = '<img src="/assets/sample/x.png" onerror="alert(1)">'`,
          ),
        /its HTML holds/,
      ],
      [
        'an inline SVG',
        (db) => db.exec(`UPDATE faq SET answer_html = '<svg><circle r="4"/></svg>'`),
        /its HTML holds a <svg> element/,
      ],
      [
        'a javascript: link',
        (db) => db.exec(`UPDATE lessons SET intro_html = '<a href="javascript:alert(1)">x</a>'`),
        /its HTML holds a link to "javascript:alert\(1\)"/,
      ],
      [
        'an image from outside the course',
        (db) =>
          db.exec(`UPDATE lessons SET intro_html = '<img src="https://example.com/x.png" alt="">'`),
        /its HTML holds an image from "https:\/\/example.com\/x.png"/,
      ],
      [
        'an image the pack does not hold',
        (db) => db.exec(`DELETE FROM assets`),
        /a lesson shows it, but the pack does not hold it/,
      ],
      [
        'an extra table',
        (db) => db.exec('CREATE TABLE notes (text TEXT)'),
        /it has an unknown table "notes"/,
      ],
      [
        'a trigger',
        (db) => db.exec('CREATE TRIGGER t AFTER INSERT ON faq BEGIN SELECT 1; END'),
        /it has a trigger "t"/,
      ],
      [
        'a view in place of a table',
        (db) => db.exec('DROP TABLE related; CREATE VIEW related AS SELECT * FROM faq'),
        /it has a view "related"/,
      ],
      [
        'a table whose columns are not format 1’s',
        (db) =>
          db.exec(
            `CREATE TABLE s2 AS SELECT * FROM sections; DROP TABLE sections; ALTER TABLE s2 RENAME TO sections`,
          ),
        /its table "sections" is not laid out as course pack format 1 says/,
      ],
    ];
    it.each(cases)('%s', async (_what, edit, message) => {
      await expectRefused(editedPack(edit), message);
    });
  });

  it('leaves a pack it refuses exactly as it was', () => {
    const file = editedPack((db) =>
      db.exec(`UPDATE sections SET id = 'Bad Id' WHERE lesson_id = 'second'`),
    );
    const before = readFileSync(file);
    expect(() => checkPack(file)).toThrow(PackError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names the file the learner chose, not the staged copy', () => {
    const file = tempFile('9f2c.studypack');
    copyFileSync(
      editedPack((db) => db.pragma('application_id = 7')),
      file,
    );
    expect(() => checkPack(file, { displayName: 'Week 3.studypack' })).toThrow(
      /^Week 3\.studypack is a database of another program/,
    );
  });
});
