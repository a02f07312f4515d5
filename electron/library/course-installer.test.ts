// The learner's installs and removals, end to end through the contract on real services: staged
// packs, the library, the kept copies and the progress store.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { makeCourse, type CourseSpec } from '../../tests/support/compiled-courses.ts';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import type { InstallResult, LessonView, LibraryView } from '../api.ts';
import type { CompiledCourse } from '../course/model.ts';
import { writePack } from '../course/pack-writer.ts';
import { dispatch } from '../dispatch.ts';
import { openAppServices, type AppServices, type AppServicesOptions } from '../services.ts';
import { installHere } from './install-runner.ts';
import { PackStore } from './pack-store.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const temp = makeTempDir();
afterAll(() => temp.remove());
let folders = 0;
function folder(name: string): string {
  folders += 1;
  const dir = path.join(temp.dir, `${name}-${folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function course(spec: CourseSpec, version: string): CompiledCourse {
  const made = makeCourse(spec);
  return {
    ...made,
    version,
    contentHash: createHash('sha256').update(`${made.contentHash} ${version}`).digest('hex'),
  };
}

const dockerV1 = course(
  {
    id: 'docker',
    title: 'Docker basics',
    lessons: [
      { id: 'images', sections: [{ id: 'layers' }, { id: 'cache' }], questions: ['Layers?'] },
      { id: 'volumes', sections: [{ id: 'mounts' }] },
    ],
  },
  '1.0.0',
);
// 1.1.0 keeps images/layers and the question, renames images/cache, drops the volumes lesson.
const dockerV2 = course(
  {
    id: 'docker',
    title: 'Docker basics',
    lessons: [
      {
        id: 'images',
        sections: [{ id: 'layers' }, { id: 'build-cache' }, { id: 'multi-stage' }],
        questions: ['Layers?'],
      },
      { id: 'networks', sections: [{ id: 'bridges' }] },
    ],
  },
  '1.1.0',
);

function packFile(pack: CompiledCourse, dir = temp.dir): string {
  const file = path.join(
    dir,
    `${pack.id}-${pack.version}-${pack.contentHash.slice(0, 6)}.studypack`,
  );
  writePack(pack, file);
  return file;
}

async function openServices(
  dataDir: string,
  overrides: Partial<AppServicesOptions> = {},
): Promise<AppServices> {
  return openAppServices({
    dataDir,
    bundledPacks: { kind: 'packs', packDir: path.join(dataDir, 'no-bundled-packs') },
    openExternal: async () => undefined,
    installRunner: installHere,
    ...overrides,
  });
}

async function call<Value>(services: AppServices, name: string, input: unknown): Promise<Value> {
  const outcome = await dispatch(services.handlers, name, input);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as Value;
}

/** Uploads `file` the way the preview host does: its bytes, in chunks, into staging. */
async function upload(services: AppServices, file: string, displayName = path.basename(file)) {
  const bytes = readFileSync(file);
  const receiving = services.uploads.begin(displayName);
  for (let offset = 0; offset < bytes.length; offset += 4096) {
    await receiving.write(bytes.subarray(offset, offset + 4096));
  }
  return (await receiving.finish()).id;
}

async function importPack(services: AppServices, file: string, confirm?: true) {
  const uploadId = await upload(services, file);
  return call<InstallResult>(services, 'installPack', {
    uploadId,
    ...(confirm ? { confirm } : {}),
  });
}

async function courseIds(services: AppServices): Promise<string[]> {
  const view = await call<LibraryView>(services, 'listCourses', {});
  return view.courses.map((summary) => summary.id);
}

async function studyDockerV1(services: AppServices): Promise<void> {
  await call(services, 'recordProgress', {
    courseId: 'docker',
    lessonId: 'images',
    sectionsRead: ['layers', 'cache'],
    position: { sectionId: 'cache', offset: 0.5 },
  });
  await call(services, 'answerQuestion', {
    courseId: 'docker',
    lessonId: 'images',
    questionId: 'q1',
    answer: 'Yes',
  });
  await call(services, 'recordProgress', {
    courseId: 'docker',
    lessonId: 'volumes',
    sectionsRead: ['mounts'],
  });
}

describe('installing a course the learner opened', () => {
  it('installs an uploaded pack on a worker thread, with progress, and lists the course', async () => {
    const dataDir = folder('worker');
    // The default runner: a real worker thread running install-worker.ts.
    const services = await openServices(dataDir, { installRunner: undefined });
    const phases = new Set<string>();
    const stop = services.onImportProgress((progress) => phases.add(progress.phase));
    try {
      const result = await importPack(services, packFile(dockerV1));
      expect(result).toMatchObject({
        status: 'installed',
        course: { id: 'docker', title: 'Docker basics', version: '1.0.0' },
        previousVersion: null,
        message: 'Docker basics 1.0.0 is installed.',
      });
      expect(await courseIds(services)).toEqual(['docker']);
      expect([...phases].sort()).toEqual(['checking', 'installing']);
      expect(existsSync(path.join(dataDir, 'installed-packs', 'docker.studypack'))).toBe(true);
    } finally {
      stop();
      services.close();
    }
  });

  it('updates to a newer version and keeps the learner’s progress for every id it kept', async () => {
    const dataDir = folder('update');
    const services = await openServices(dataDir);
    try {
      await importPack(services, packFile(dockerV1));
      await studyDockerV1(services);

      const result = await importPack(services, packFile(dockerV2));
      expect(result).toMatchObject({
        status: 'updated',
        previousVersion: '1.0.0',
        message: 'Docker basics is now version 1.1.0 (it was 1.0.0). Your progress is kept.',
      });
      const lesson = await call<LessonView>(services, 'openLesson', {
        courseId: 'docker',
        lessonId: 'images',
      });
      expect(lesson.progress.sectionsRead, 'layers kept its id; cache was renamed').toEqual([
        'layers',
      ]);
      expect(lesson.progress.answers.map((answer) => answer.questionId)).toEqual(['q1']);
      expect(lesson.progress.position, 'the position was in a section that is gone').toBeNull();

      // Progress on ids the new version dropped is kept, not deleted: going back brings it back.
      await importPack(services, packFile(dockerV1), true);
      const volumes = await call<LessonView>(services, 'openLesson', {
        courseId: 'docker',
        lessonId: 'volumes',
      });
      expect(volumes.progress.sectionsRead).toEqual(['mounts']);
    } finally {
      services.close();
    }
  });

  it('does nothing for the version that is installed, and says so', async () => {
    const services = await openServices(folder('same'));
    try {
      await importPack(services, packFile(dockerV1));
      const again = await importPack(services, packFile(dockerV1));
      expect(again).toMatchObject({
        status: 'unchanged',
        message: 'Docker basics 1.0.0 is already installed. Nothing changed.',
      });
    } finally {
      services.close();
    }
  });

  it('asks before installing an older version: nothing changes until the page confirms', async () => {
    const services = await openServices(folder('older'));
    try {
      await importPack(services, packFile(dockerV2));
      const uploadId = await upload(services, packFile(dockerV1));
      const asked = await call<InstallResult>(services, 'installPack', { uploadId });
      expect(asked).toMatchObject({
        status: 'needs-confirmation',
        reason: 'older',
        course: { version: '1.0.0' },
        previousVersion: '1.1.0',
      });
      expect(asked.message).toMatch(/older than the 1\.1\.0 you have\. Replace your version/);
      const view = await call<LibraryView>(services, 'listCourses', {});
      expect(view.courses[0]?.version, 'still the newer version').toBe('1.1.0');

      const confirmed = await call<InstallResult>(services, 'installPack', {
        uploadId,
        confirm: true,
      });
      expect(confirmed).toMatchObject({ status: 'updated', course: { version: '1.0.0' } });
      const after = await dispatch(services.handlers, 'installPack', { uploadId, confirm: true });
      expect(after, 'a staged pack is installed once').toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    } finally {
      services.close();
    }
  });

  it('throws a declined pack away', async () => {
    const services = await openServices(folder('declined'));
    try {
      await importPack(services, packFile(dockerV2));
      const uploadId = await upload(services, packFile(dockerV1));
      await call(services, 'installPack', { uploadId });
      expect(await call(services, 'discardPack', { uploadId })).toEqual({ discarded: true });
      expect(await dispatch(services.handlers, 'installPack', { uploadId })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      expect((await call<LibraryView>(services, 'listCourses', {})).courses[0]?.version).toBe(
        '1.1.0',
      );
    } finally {
      services.close();
    }
  });

  it('answers a refused pack with its message, and keeps working', async () => {
    const dataDir = folder('refused');
    const services = await openServices(dataDir);
    try {
      const zip = path.join(dataDir, 'Week 3.studypack');
      writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
      const uploadId = await upload(services, zip);
      expect(await dispatch(services.handlers, 'installPack', { uploadId })).toEqual({
        ok: false,
        error: {
          code: 'invalid-input',
          message:
            'Week 3.studypack is a zip archive, not a Studybook course pack. If you were given a .zip, unzip it and open the .studypack file inside.',
        },
      });
      expect(await courseIds(services)).toEqual([]);
      expect((await importPack(services, packFile(dockerV1))).status).toBe('installed');
    } finally {
      services.close();
    }
  });

  it('keeps the pack durably before the library commits the install, never after', async () => {
    const dataDir = folder('keep-first');
    const services = await openServices(dataDir);
    const libraryFile = path.join(dataDir, 'library.sqlite');
    const versionsElsewhere = () => {
      const other = new Database(libraryFile, { readonly: true });
      try {
        return other.prepare('SELECT version FROM courses').pluck().all();
      } finally {
        other.close();
      }
    };
    const seen: unknown[] = [];
    const keep = PackStore.prototype.keep;
    vi.spyOn(PackStore.prototype, 'keep').mockImplementation(function (
      this: PackStore,
      courseId: string,
      file: string,
    ) {
      seen.push(versionsElsewhere());
      const kept = keep.call(this, courseId, file);
      seen.push(readFileSync(this.fileFor(courseId)).length > 0 ? 'kept' : 'missing');
      return kept;
    });
    try {
      await importPack(services, packFile(dockerV1));
      await importPack(services, packFile(dockerV2));
      expect(seen, 'each pack was kept while the library still showed what was before').toEqual([
        [],
        'kept',
        ['1.0.0'],
        'kept',
      ]);
      expect(versionsElsewhere()).toEqual(['1.1.0']);
      expect(readdirSync(path.join(dataDir, 'installed-packs'))).toEqual(['docker.studypack']);
      expect(readdirSync(path.join(dataDir, 'staging')), 'nothing left in staging').toEqual([]);
    } finally {
      services.close();
    }
  });

  it('fails the install, leaving the library as it was, when the pack cannot be kept', async () => {
    const dataDir = folder('cannot-keep');
    const services = await openServices(dataDir);
    try {
      await importPack(services, packFile(dockerV1));
      vi.spyOn(PackStore.prototype, 'keep').mockImplementation(() => {
        throw new Error('ENOSPC: no space left on device');
      });
      const uploadId = await upload(services, packFile(dockerV2));
      expect(await dispatch(services.handlers, 'installPack', { uploadId })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/could not be installed: ENOSPC/) },
      });
      const view = await call<LibraryView>(services, 'listCourses', {});
      expect(view.courses.map((summary) => summary.version)).toEqual(['1.0.0']);
      expect(readdirSync(path.join(dataDir, 'staging'))).toEqual([]);
    } finally {
      services.close();
    }
  });

  it('refuses an upload larger than a pack may be while it arrives', async () => {
    const services = await openServices(folder('too-large'), {
      packLimits: { maxPackBytes: 1000 },
    });
    try {
      const receiving = services.uploads.begin('big.studypack');
      await receiving.write(Buffer.alloc(600));
      await expect(receiving.write(Buffer.alloc(600))).rejects.toThrow(
        /larger than 1000 bytes, the most a course pack may be/,
      );
    } finally {
      services.close();
    }
  });
});

describe('removing a course', () => {
  it('keeps the learner’s progress, which comes back when the course is opened again', async () => {
    const services = await openServices(folder('remove-keep'));
    try {
      await importPack(services, packFile(dockerV1));
      await studyDockerV1(services);
      expect(
        await call(services, 'removeCourse', { courseId: 'docker', eraseProgress: false }),
      ).toEqual({ courseId: 'docker', progressErased: false });
      expect(await courseIds(services)).toEqual([]);

      await importPack(services, packFile(dockerV1));
      const lesson = await call<LessonView>(services, 'openLesson', {
        courseId: 'docker',
        lessonId: 'images',
      });
      expect(lesson.progress.sectionsRead).toEqual(['layers', 'cache']);
      expect(lesson.progress.answers).toHaveLength(1);
    } finally {
      services.close();
    }
  });

  it('erases the progress too when the learner asks for it, and only that course’s', async () => {
    const services = await openServices(folder('remove-erase'));
    try {
      await importPack(services, packFile(dockerV1));
      const git = course({ id: 'git', lessons: [{ id: 'commits', sections: 1 }] }, '1.0.0');
      await importPack(services, packFile(git));
      await studyDockerV1(services);
      await call(services, 'recordProgress', {
        courseId: 'git',
        lessonId: 'commits',
        sectionsRead: ['part-1'],
      });

      expect(
        await call(services, 'removeCourse', { courseId: 'docker', eraseProgress: true }),
      ).toEqual({ courseId: 'docker', progressErased: true });
      await importPack(services, packFile(dockerV1));
      const view = await call<LibraryView>(services, 'listCourses', {});
      const docker = view.courses.find((summary) => summary.id === 'docker');
      expect(docker?.lessonsNotStarted, 'nothing of docker is left').toBe(2);
      expect(docker?.score.answered).toBe(0);
      const gitSummary = view.courses.find((summary) => summary.id === 'git');
      expect(gitSummary?.lessonsDone, 'the other course keeps its progress').toBe(1);
    } finally {
      services.close();
    }
  });

  it('answers not-found for a course that is not installed', async () => {
    const services = await openServices(folder('remove-missing'));
    try {
      expect(
        await dispatch(services.handlers, 'removeCourse', {
          courseId: 'nope',
          eraseProgress: false,
        }),
      ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      services.close();
    }
  });
});

describe('at the next start', () => {
  it('brings opened courses back after the library is rebuilt', async () => {
    const dataDir = folder('rebuild');
    const first = await openServices(dataDir);
    await importPack(first, packFile(dockerV1));
    first.close();
    // A newer Studybook with another library layout, or a damaged file: it is started afresh.
    writeFileSync(path.join(dataDir, 'library.sqlite'), 'damaged');
    const second = await openServices(dataDir);
    try {
      expect(await courseIds(second)).toEqual(['docker']);
    } finally {
      second.close();
    }
  });

  it('installs again what power loss took from the library: a new course, a newer version', async () => {
    const dataDir = folder('power-loss');
    const libraryFile = path.join(dataDir, 'library.sqlite');
    const git = course({ id: 'git', lessons: [{ id: 'commits', sections: 1 }] }, '1.0.0');
    const first = await openServices(dataDir);
    await importPack(first, packFile(dockerV1));
    await studyDockerV1(first);
    first.close();
    const beforeLastInstalls = readFileSync(libraryFile);

    const second = await openServices(dataDir);
    await importPack(second, packFile(dockerV2));
    await importPack(second, packFile(git));
    second.close();
    // The library syncs no commit: power lost then can take its last transactions, not its packs.
    writeFileSync(libraryFile, beforeLastInstalls);
    for (const suffix of ['-wal', '-shm']) rmSync(libraryFile + suffix, { force: true });

    const third = await openServices(dataDir);
    try {
      const view = await call<LibraryView>(third, 'listCourses', {});
      expect(view.courses.map((summary) => `${summary.id} ${summary.version}`).sort()).toEqual([
        'docker 1.1.0',
        'git 1.0.0',
      ]);
      const lesson = await call<LessonView>(third, 'openLesson', {
        courseId: 'docker',
        lessonId: 'images',
      });
      expect(lesson.progress.sectionsRead, 'the progress is kept').toEqual(['layers']);
    } finally {
      third.close();
    }
  });

  it('installs the courses that come with the app once, and never brings back a removed one', async () => {
    const dataDir = folder('bundled');
    const bundledDir = folder('resources');
    packFile(dockerV1, bundledDir);
    const options = { bundledPacks: { kind: 'packs' as const, packDir: bundledDir } };
    const first = await openServices(dataDir, options);
    expect(await courseIds(first)).toEqual(['docker']);
    await call(first, 'removeCourse', { courseId: 'docker', eraseProgress: false });
    first.close();

    const second = await openServices(dataDir, options);
    expect(await courseIds(second), 'removed stays removed').toEqual([]);
    await importPack(second, packFile(dockerV1));
    second.close();
    const third = await openServices(dataDir, options);
    try {
      expect(await courseIds(third), 'opening it again undoes the removal').toEqual(['docker']);
    } finally {
      third.close();
    }
  });

  it('keeps a newer version the learner opened over an older one that comes with the app', async () => {
    const dataDir = folder('bundled-older');
    const bundledDir = folder('resources');
    packFile(dockerV1, bundledDir);
    const options = { bundledPacks: { kind: 'packs' as const, packDir: bundledDir } };
    const first = await openServices(dataDir, options);
    await importPack(first, packFile(dockerV2));
    first.close();
    const second = await openServices(dataDir, options);
    try {
      const view = await call<LibraryView>(second, 'listCourses', {});
      expect(view.courses.map((summary) => summary.version)).toEqual(['1.1.0']);
    } finally {
      second.close();
    }
  });
});
