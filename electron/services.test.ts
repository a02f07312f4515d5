import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, temporaryFolder } from '../tests/support/courses.ts';
import { dispatch } from './dispatch.ts';
import { openAppServices } from './services.ts';

async function open(dataDir: string, courseDirs: string[]) {
  return openAppServices({
    dataDir,
    bundledPacks: { kind: 'sources', courseDirs, cacheDir: path.join(dataDir, 'packs') },
    openExternal: async () => undefined,
  });
}

describe('openAppServices', () => {
  it('reports a course with errors in the library and still serves the others', async () => {
    const dataDir = temporaryFolder();
    const services = await open(dataDir, ['content/git-essentials', fixture('bad-quiz')]);
    try {
      const outcome = await dispatch(services.handlers, 'listCourses', {});
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const library = outcome.value as {
        courses: { id: string }[];
        problems: { source: string; message: string }[];
      };
      expect(library.courses.map((course) => course.id)).toEqual(['git-essentials']);
      expect(library.problems).toHaveLength(1);
      expect(library.problems[0]?.message).toMatch(/bad-quiz.*has errors[\s\S]*:\d+:\d+: error:/);
    } finally {
      services.close();
    }
  });

  it('records nothing for a lesson asked for ahead until the page says it shows it', async () => {
    const dataDir = temporaryFolder();
    const services = await open(dataDir, ['content/git-essentials']);
    try {
      const lesson = { courseId: 'git-essentials', lessonId: 'branches' };
      const ahead = await dispatch(services.handlers, 'openLesson', { ...lesson, ahead: true });
      expect(ahead).toMatchObject({ ok: true, value: { lesson: { id: 'branches' } } });
      expect(await dispatch(services.handlers, 'getResume', {})).toEqual({ ok: true, value: null });
      const library = await dispatch(services.handlers, 'listCourses', {});
      expect(library).toMatchObject({
        ok: true,
        value: { courses: [{ lessonsInProgress: 0, lessonsNotStarted: 2, resume: null }] },
      });

      const shown = await dispatch(services.handlers, 'recordProgress', {
        ...lesson,
        opened: true,
      });
      expect(shown.ok).toBe(true);
      expect(await dispatch(services.handlers, 'getResume', {})).toMatchObject({
        ok: true,
        value: lesson,
      });
      expect(
        await dispatch(services.handlers, 'openLesson', { ...lesson, ahead: false }),
        'ahead is true or absent',
      ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      services.close();
    }
  });

  it('keeps the learner’s progress across restarts and tells when a damaged file was moved aside', async () => {
    const dataDir = temporaryFolder();
    const first = await open(dataDir, ['content/git-essentials']);
    const saved = await dispatch(first.handlers, 'recordProgress', {
      courseId: 'git-essentials',
      lessonId: 'commits',
      sectionsRead: [],
    });
    expect(saved.ok).toBe(true);
    first.close();

    const second = await open(dataDir, ['content/git-essentials']);
    const resume = await dispatch(second.handlers, 'getResume', {});
    expect(resume).toMatchObject({ ok: true, value: { lessonId: 'commits' } });
    second.close();

    writeFileSync(path.join(dataDir, 'progress.sqlite'), 'this is not a database');
    const third = await open(dataDir, ['content/git-essentials']);
    const library = await dispatch(third.handlers, 'listCourses', {});
    expect(library).toMatchObject({
      ok: true,
      value: { progressRecovery: { movedTo: expect.stringContaining('progress.sqlite.corrupt-') } },
    });
    third.close();
  });
});
