import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCourse } from '../../tests/support/compiled-courses.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import type { CompiledCourse } from '../course/model.ts';
import { writePack } from '../course/pack-writer.ts';
import { packFromSources } from './bundled-packs.ts';
import { compareCourseVersions } from './course-version.ts';
import {
  ASK_BEFORE_DOWNGRADE,
  installPack,
  ONLY_UPGRADE,
  REPLACE_ANY_CHANGE,
  removeInstalledCourse,
} from './install-pack.ts';
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
    expect(installPack(db, deploymentPack)).toMatchObject({
      courseId: 'python-backend',
      status: 'installed',
      title: 'Python Backend',
      previousVersion: null,
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

  it('rolls back an install that fails halfway, leaving the library byte-for-byte as it was', () => {
    const { db, reader, dataDir } = freshLibrary('rollback');
    const older = path.join(temp.dir, 'older.studypack');
    copyFileSync(deploymentPack, older);
    const olderDb = new Database(older);
    olderDb.exec("UPDATE course SET content_hash = '" + 'a'.repeat(64) + "', version = '0.9.0'");
    olderDb.close();
    installPack(db, older);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = readFileSync(path.join(dataDir, 'library.sqlite'));

    // The disk fills up while the sections are being copied.
    db.exec(`CREATE TEMP TRIGGER disk_full BEFORE INSERT ON main.sections
             WHEN NEW.id = 'containers' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    expect(() => installPack(db, deploymentPack)).toThrow(
      /^python-backend\.studypack could not be installed: database or disk is full$/,
    );
    db.exec('DROP TRIGGER temp.disk_full');
    expect(reader.courseOutline('python-backend')?.version, 'the old version stays').toBe('0.9.0');
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path.join(dataDir, 'library.sqlite')).equals(before)).toBe(true);
    expect(installPack(db, deploymentPack).status, 'and the app keeps working').toBe('installed');
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

describe('installing over another version', () => {
  const withVersion = (course: CompiledCourse, version: string): CompiledCourse => ({
    ...course,
    version,
    contentHash: createHash('sha256').update(`${course.contentHash} ${version}`).digest('hex'),
  });
  const v1 = withVersion(makeCourse({ id: 'docker', lessons: [{ id: 'images' }] }), '1.0.0');
  const v2 = withVersion(
    makeCourse({ id: 'docker', lessons: [{ id: 'images' }, { id: 'volumes' }] }),
    '1.1.0',
  );

  function libraryWith(course: CompiledCourse) {
    const { db, reader } = freshLibrary(`versions-${Math.random().toString(36).slice(2)}`);
    const pack = (c: CompiledCourse) => {
      const file = path.join(
        temp.dir,
        `${c.id}-${c.version}-${c.contentHash.slice(0, 8)}.studypack`,
      );
      writePack(c, file);
      return file;
    };
    installPack(db, pack(course));
    return { db, reader, pack };
  }

  it('installs a newer version over an older one, saying which it replaced', () => {
    const { db, reader, pack } = libraryWith(v1);
    expect(installPack(db, pack(v2), { policy: ASK_BEFORE_DOWNGRADE })).toMatchObject({
      status: 'installed',
      version: '1.1.0',
      previousVersion: '1.0.0',
    });
    expect(reader.courseOutline('docker')?.lessons.map((lesson) => lesson.id)).toEqual([
      'images',
      'volumes',
    ]);
    db.close();
  });

  it('asks before installing an older version, and replaces it when confirmed', () => {
    const { db, reader, pack } = libraryWith(v2);
    const older = pack(v1);
    expect(installPack(db, older, { policy: ASK_BEFORE_DOWNGRADE })).toMatchObject({
      status: 'needs-confirmation',
      reason: 'older',
      version: '1.0.0',
      previousVersion: '1.1.0',
    });
    expect(reader.courseOutline('docker')?.version, 'nothing changed yet').toBe('1.1.0');
    expect(installPack(db, older, { policy: REPLACE_ANY_CHANGE })).toMatchObject({
      status: 'installed',
      reason: 'older',
    });
    expect(reader.courseOutline('docker')?.version).toBe('1.0.0');
    db.close();
  });

  it('asks before replacing the installed version with other content under the same number', () => {
    const { db, pack } = libraryWith(v1);
    const sameNumber = withVersion(
      makeCourse({ id: 'docker', title: 'Retitled', lessons: [{ id: 'images' }] }),
      '1.0.0',
    );
    expect(installPack(db, pack(sameNumber), { policy: ASK_BEFORE_DOWNGRADE })).toMatchObject({
      status: 'needs-confirmation',
      reason: 'same-version',
    });
    db.close();
  });

  it('keeps a newer installed version when a pack that comes with the app is older', () => {
    const { db, reader, pack } = libraryWith(v2);
    expect(installPack(db, pack(v1), { policy: ONLY_UPGRADE }).status).toBe('kept');
    expect(reader.courseOutline('docker')?.version).toBe('1.1.0');
    db.close();
  });

  it('says "unchanged" for the very content that is installed, whatever the policy', () => {
    const { db, pack } = libraryWith(v1);
    expect(installPack(db, pack(v1), { policy: ASK_BEFORE_DOWNGRADE })).toMatchObject({
      status: 'unchanged',
      version: '1.0.0',
    });
    db.close();
  });

  it('removes a course with its search documents, in one transaction', () => {
    const { db, reader } = libraryWith(v1);
    expect(removeInstalledCourse(db, 'docker')).toBe(true);
    expect(reader.listCourses()).toEqual([]);
    for (const table of ['lessons', 'sections', 'search_docs']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(removeInstalledCourse(db, 'docker'), 'a second removal finds nothing').toBe(false);
    db.close();
  });

  it('orders versions as semver does', () => {
    const ordered = [
      '0.9.0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0',
      '1.2.0',
      '1.10.0',
      '2.0.0',
    ];
    ordered.slice(1).forEach((newer, index) => {
      const older = ordered[index] ?? '';
      expect(compareCourseVersions(older, newer), `${older} < ${newer}`).toBeLessThan(0);
      expect(compareCourseVersions(newer, older)).toBeGreaterThan(0);
    });
    expect(compareCourseVersions('1.0.0+build.5', '1.0.0')).toBe(0);
    expect(() => compareCourseVersions('latest', '1.0.0')).toThrow(/not a semantic version/);
  });
});
