import Database from 'better-sqlite3';
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { PACK_APPLICATION_ID } from '../course/pack-format.ts';
import { packFromSources } from './bundled-packs.ts';
import { installPack } from './install-pack.ts';
import { createLibraryReader } from './library-reader.ts';
import { openLibraryDatabase } from './open-library.ts';
import { PackError } from './pack-error.ts';

const temp = makeTempDir();
let deploymentPack = '';

beforeAll(async () => {
  const built = await packFromSources('content/python-backend', path.join(temp.dir, 'cache'));
  if (!built.ok) throw new Error(built.diagnostics.join('\n'));
  deploymentPack = built.packFile;
});
afterAll(() => temp.remove());

function freshLibrary(name: string) {
  const dataDir = path.join(temp.dir, name);
  const db = openLibraryDatabase(dataDir);
  return { db, reader: createLibraryReader(db), dataDir };
}

describe('installPack', () => {
  it('installs every lesson, section, question and asset of a pack', () => {
    const { db, reader } = freshLibrary('full');
    expect(installPack(db, deploymentPack)).toEqual({
      courseId: 'python-backend',
      status: 'installed',
    });
    const outline = reader.courseOutline('python-backend');
    expect(outline?.lessons.map((lesson) => lesson.id)).toEqual([
      'background-tasks',
      'deployment',
      'logging',
    ]);
    const lesson = reader.readLesson('python-backend', 'deployment');
    expect(lesson?.sections.map((section) => section.id)).toContain('containers');
    expect(lesson?.questions).toHaveLength(3);
    expect(lesson?.faq).toHaveLength(3);
    const [, imageName = ''] =
      /src="\/assets\/python-backend\/([^"]+)"/.exec(
        lesson?.sections.map((section) => section.html).join('') ?? '',
      ) ?? [];
    expect(imageName, 'the deployment lesson shows an image').not.toBe('');
    expect(reader.readAsset('python-backend', imageName)?.mime).toBe('image/svg+xml');
    expect(reader.readCodeStylesheet('python-backend')).toContain('.hl-');
    db.close();
  });

  it('does nothing for a pack whose content is already installed', () => {
    const { db } = freshLibrary('twice');
    installPack(db, deploymentPack);
    expect(installPack(db, deploymentPack).status).toBe('unchanged');
    db.close();
  });

  it('refuses a file that is not a pack and leaves the library as it was', () => {
    const { db, dataDir } = freshLibrary('refusals');
    installPack(db, deploymentPack);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(path.join(dataDir, 'library.sqlite'));

    const textFile = path.join(temp.dir, 'notes.studypack');
    writeFileSync(textFile, 'just some text\n'.repeat(100));
    expect(() => installPack(db, textFile)).toThrow(PackError);

    const foreign = path.join(temp.dir, 'foreign.studypack');
    new Database(foreign).pragma('application_id = 42');
    expect(() => installPack(db, foreign)).toThrow(/not a Studybook course pack/);

    const newer = path.join(temp.dir, 'newer.studypack');
    copyFileSync(deploymentPack, newer);
    const newerDb = new Database(newer);
    newerDb.pragma('user_version = 99');
    newerDb.close();
    expect(() => installPack(db, newer)).toThrow(/needs a newer Studybook/);

    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path.join(dataDir, 'library.sqlite')).equals(before)).toBe(true);
    db.close();
  });

  it('rolls back a pack whose rows break the library schema', () => {
    const { db, reader } = freshLibrary('rollback');
    const broken = path.join(temp.dir, 'broken.studypack');
    copyFileSync(deploymentPack, broken);
    const brokenDb = new Database(broken);
    brokenDb.exec("UPDATE course SET content_hash = 'other'");
    // Sections whose reading time is text cannot go into the library's STRICT table.
    brokenDb.exec('PRAGMA ignore_check_constraints = ON');
    brokenDb.exec(`CREATE TABLE sections_loose AS SELECT * FROM sections`);
    brokenDb.exec(`DROP TABLE sections`);
    brokenDb.exec(`ALTER TABLE sections_loose RENAME TO sections`);
    brokenDb.exec(`UPDATE sections SET reading_seconds = 'slow'`);
    brokenDb.pragma(`application_id = ${PACK_APPLICATION_ID}`);
    brokenDb.close();
    expect(() => installPack(db, broken)).toThrow(/could not be installed/);
    expect(reader.listCourses()).toEqual([]);
    db.close();
  });

  it('replaces a library file that is damaged, since it can be rebuilt from packs', () => {
    const dataDir = path.join(temp.dir, 'damaged');
    openLibraryDatabase(dataDir).close();
    writeFileSync(path.join(dataDir, 'library.sqlite'), 'garbage');
    const db = openLibraryDatabase(dataDir);
    expect(installPack(db, deploymentPack).status).toBe('installed');
    db.close();
  });

  it('rebuilds a course pack only when its sources changed', async () => {
    const courseDir = path.join(temp.dir, 'course-copy');
    cpSync('content/git-essentials', courseDir, { recursive: true });
    const cache = path.join(temp.dir, 'stamp-cache');
    const first = await packFromSources(courseDir, cache);
    if (!first.ok) throw new Error(first.diagnostics.join('\n'));
    const builtAt = readFileSync(first.packFile);
    const again = await packFromSources(courseDir, cache);
    expect(again.ok && readFileSync(again.packFile).equals(builtAt)).toBe(true);

    const lesson = path.join(courseDir, 'commits.md');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('## ', '## Changed: '));
    const rebuilt = await packFromSources(courseDir, cache);
    expect(rebuilt.ok && !readFileSync(rebuilt.packFile).equals(builtAt)).toBe(true);
  });
});
