import { describe, expect, it, vi } from 'vitest';
import type { InstallResult } from '../../../electron/api.ts';
import { StudybookError, type HostEvent, type UploadedPack } from './client.ts';
import { CourseImport } from './course-import.svelte.ts';
import { CourseRemoval } from './course-removal.svelte.ts';

/** A promise the test settles when it chooses: to script what the host answers, and when. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function makeResult(overrides: Partial<InstallResult> = {}): InstallResult {
  return {
    status: 'installed',
    course: { id: 'docker', title: 'Docker basics', version: '1.0.0' },
    previousVersion: null,
    reason: null,
    message: 'Docker basics 1.0.0 is installed.',
    ...overrides,
  };
}

const file = (name = 'docker.studypack') => new File(['pack'], name);
const staged = (uploadId = 'a'.repeat(32)): UploadedPack => ({
  uploadId,
  name: 'docker.studypack',
  bytes: 4,
});

function makeImport() {
  const listeners = new Set<(event: HostEvent) => void>();
  const client = {
    uploadPack: vi.fn(async (_file: File, onProgress?: (fraction: number) => void) => {
      onProgress?.(0.5);
      return staged();
    }),
    installPack: vi.fn(async (_input: { uploadId: string; confirm?: true }) => makeResult()),
    discardPack: vi.fn(async () => ({ discarded: true })),
    subscribe: vi.fn((listener: (event: HostEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  const installed = vi.fn();
  const showLibrary = vi.fn();
  const importer = new CourseImport({ client, installed, showLibrary });
  const emit = (event: HostEvent) => listeners.forEach((listener) => listener(event));
  return { importer, client, installed, showLibrary, emit };
}

describe('importing a course pack', () => {
  it('sends the file, installs it, says what happened and refreshes the library', async () => {
    const { importer, client, installed } = makeImport();
    const upload = deferred<UploadedPack>();
    client.uploadPack.mockImplementationOnce(async (_file, onProgress) => {
      onProgress?.(0.25);
      return upload.promise;
    });
    const done = importer.importFiles([file()]);
    await Promise.resolve();
    expect(importer.stage).toEqual({ kind: 'sending', name: 'docker.studypack', fraction: 0.25 });
    expect(importer.busy).toBe(true);
    upload.resolve(staged());
    await done;
    expect(client.installPack).toHaveBeenCalledWith({ uploadId: 'a'.repeat(32) });
    expect(importer.stage).toMatchObject({
      kind: 'done',
      result: { message: 'Docker basics 1.0.0 is installed.' },
    });
    expect(installed).toHaveBeenCalledOnce();
    expect(importer.busy).toBe(false);
  });

  it('shows the host’s progress for its own install only', async () => {
    const { importer, client, emit } = makeImport();
    const install = deferred<InstallResult>();
    client.installPack.mockImplementationOnce(() => install.promise);
    const done = importer.importFiles([file()]);
    await vi.waitFor(() => expect(importer.stage.kind).toBe('installing'));
    importer.listen();
    emit({ type: 'import-progress', uploadId: 'other', phase: 'installing', fraction: 0.9 });
    emit({ type: 'import-progress', uploadId: 'a'.repeat(32), phase: 'installing', fraction: 0.4 });
    expect(importer.stage).toEqual({
      kind: 'installing',
      name: 'docker.studypack',
      phase: 'installing',
      fraction: 0.4,
    });
    install.resolve(makeResult());
    await done;
  });

  it('asks before an older version, installs it when confirmed', async () => {
    const { importer, client, installed } = makeImport();
    const older = makeResult({ status: 'needs-confirmation', reason: 'older', message: 'Older?' });
    client.installPack
      .mockResolvedValueOnce(older)
      .mockResolvedValueOnce(makeResult({ status: 'updated', message: 'Replaced.' }));
    const done = importer.importFiles([file()]);
    await vi.waitFor(() => expect(importer.stage.kind).toBe('confirm'));
    expect(installed).not.toHaveBeenCalled();
    importer.answer(true);
    await done;
    expect(client.installPack.mock.calls.at(-1)).toEqual([
      { uploadId: 'a'.repeat(32), confirm: true },
    ]);
    expect(importer.stage).toMatchObject({ kind: 'done', result: { message: 'Replaced.' } });
    expect(installed).toHaveBeenCalledOnce();
  });

  it('throws a declined pack away and changes nothing', async () => {
    const { importer, client, installed } = makeImport();
    client.installPack.mockResolvedValueOnce(
      makeResult({ status: 'needs-confirmation', reason: 'older' }),
    );
    const done = importer.importFiles([file()]);
    await vi.waitFor(() => expect(importer.stage.kind).toBe('confirm'));
    importer.answer(false);
    await done;
    expect(client.discardPack).toHaveBeenCalledWith({ uploadId: 'a'.repeat(32) });
    expect(importer.stage).toEqual({ kind: 'idle' });
    expect(installed).not.toHaveBeenCalled();
  });

  it('says "already installed" without refreshing anything', async () => {
    const { importer, client, installed } = makeImport();
    client.installPack.mockResolvedValueOnce(
      makeResult({ status: 'unchanged', message: 'Docker basics 1.0.0 is already installed.' }),
    );
    await importer.importFiles([file()]);
    expect(importer.stage).toMatchObject({ kind: 'done', result: { status: 'unchanged' } });
    expect(installed).not.toHaveBeenCalled();
  });

  it('shows the host’s message for a refused file, then takes the next one', async () => {
    const { importer, client } = makeImport();
    client.installPack.mockRejectedValueOnce(
      new StudybookError({ code: 'invalid-input', message: 'notes.zip is a zip archive…' }),
    );
    await importer.importFiles([file('notes.zip')]);
    expect(importer.stage).toEqual({
      kind: 'failed',
      name: 'notes.zip',
      message: 'notes.zip is a zip archive…',
    });
    importer.dismiss();
    expect(importer.stage).toEqual({ kind: 'idle' });
    await importer.importFiles([file()]);
    expect(importer.stage.kind).toBe('done');
  });

  it('installs packs dropped together one after the other', async () => {
    const { importer, client } = makeImport();
    let id = 0;
    client.uploadPack.mockImplementation(async () => staged(String(++id).repeat(32)));
    await importer.importFiles([file('a.studypack'), file('b.studypack')]);
    expect(client.installPack.mock.calls.map(([input]) => input.uploadId[0])).toEqual(['1', '2']);
  });

  it('installs a pack main opened, showing the library first', async () => {
    const { importer, client, showLibrary, emit } = makeImport();
    importer.listen();
    emit({ type: 'pack-opened', uploadId: 'c'.repeat(32), name: 'Week 3.studypack' });
    await vi.waitFor(() => expect(importer.stage.kind).toBe('done'));
    expect(showLibrary).toHaveBeenCalledOnce();
    expect(client.uploadPack).not.toHaveBeenCalled();
    expect(client.installPack).toHaveBeenCalledWith({ uploadId: 'c'.repeat(32) });
    expect(importer.stage).toMatchObject({ name: 'Week 3.studypack' });
  });
});

describe('removing a course', () => {
  function makeRemoval() {
    const client = {
      removeCourse: vi.fn(async (input: { courseId: string; eraseProgress: boolean }) => ({
        courseId: input.courseId,
        progressErased: input.eraseProgress,
      })),
    };
    const removed = vi.fn();
    return { removal: new CourseRemoval({ client, removed }), client, removed };
  }

  it('keeps the progress unless the learner ticks the box, and says what happened', async () => {
    const { removal, client, removed } = makeRemoval();
    removal.ask({ id: 'docker', title: 'Docker basics' });
    expect(removal.eraseProgress).toBe(false);
    await removal.confirm();
    expect(client.removeCourse).toHaveBeenCalledWith({ courseId: 'docker', eraseProgress: false });
    expect(removal.course).toBeNull();
    expect(removal.announcement).toMatch(/^Docker basics was removed\. Your progress is kept/);
    expect(removed).toHaveBeenCalledWith('docker');
  });

  it('erases the progress too when asked, and starts unticked next time', async () => {
    const { removal, client } = makeRemoval();
    removal.ask({ id: 'docker', title: 'Docker basics' });
    removal.eraseProgress = true;
    await removal.confirm();
    expect(client.removeCourse).toHaveBeenCalledWith({ courseId: 'docker', eraseProgress: true });
    expect(removal.announcement).toBe(
      'Docker basics was removed, and your progress in it was erased.',
    );
    removal.ask({ id: 'git', title: 'Git' });
    expect(removal.eraseProgress).toBe(false);
  });

  it('keeps the dialog open with the reason when the removal fails', async () => {
    const { removal, client, removed } = makeRemoval();
    client.removeCourse.mockRejectedValueOnce(
      new StudybookError({ code: 'not-found', message: 'There is no course "docker" to remove.' }),
    );
    removal.ask({ id: 'docker', title: 'Docker basics' });
    await removal.confirm();
    expect(removal.course).toEqual({ id: 'docker', title: 'Docker basics' });
    expect(removal.error).toBe('There is no course "docker" to remove.');
    expect(removed).not.toHaveBeenCalled();
    removal.cancel();
    expect(removal.course).toBeNull();
  });
});
