import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { PackStaging, UPLOAD_ID_PATTERN, UploadTooLargeError } from './pack-staging.ts';
import { PackStore } from './pack-store.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());
let dirs = 0;
function freshDir(): string {
  dirs += 1;
  return path.join(temp.dir, `d${dirs}`);
}

describe('PackStaging', () => {
  it('stages uploaded bytes under an opaque id, with the name the learner knows', async () => {
    const staging = new PackStaging({ dir: freshDir(), maxBytes: 100 });
    const upload = staging.begin('C:\\Users\\ada\\Week 3\u0007.studypack');
    await upload.write(Buffer.from('hello '));
    await upload.write(Buffer.from('world'));
    const staged = await upload.finish();
    expect(staged.id).toMatch(UPLOAD_ID_PATTERN);
    expect(staged.displayName).toBe('Week 3.studypack');
    expect(staged.bytes).toBe(11);
    expect(readFileSync(staged.file, 'utf8')).toBe('hello world');
    expect(staging.get(staged.id)?.file).toBe(staged.file);
  });

  it('stops an upload past the size limit and deletes what arrived', async () => {
    const dir = freshDir();
    const staging = new PackStaging({ dir, maxBytes: 10 });
    const upload = staging.begin('big.studypack');
    await upload.write(Buffer.alloc(8));
    await expect(upload.write(Buffer.alloc(8))).rejects.toBeInstanceOf(UploadTooLargeError);
    await expect(upload.finish()).rejects.toThrow(/already finished/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('deletes an aborted upload', async () => {
    const dir = freshDir();
    const staging = new PackStaging({ dir, maxBytes: 10 });
    const upload = staging.begin('x.studypack');
    await upload.write(Buffer.alloc(4));
    upload.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('copies a file main opened, refusing one above the limit without reading it', async () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const source = path.join(temp.dir, 'course.studypack');
    writeFileSync(source, Buffer.alloc(64, 1));
    const staging = new PackStaging({ dir: path.join(dir, 'staging'), maxBytes: 64 });
    const staged = await staging.stageFile(source);
    expect(readFileSync(staged.file).equals(readFileSync(source))).toBe(true);
    expect(staged.displayName).toBe('course.studypack');
    const small = new PackStaging({ dir: path.join(dir, 'small'), maxBytes: 10 });
    await expect(small.stageFile(source)).rejects.toBeInstanceOf(UploadTooLargeError);
  });

  it('forgets staged packs that were never installed after a while', async () => {
    let now = 0;
    const staging = new PackStaging({
      dir: freshDir(),
      maxBytes: 10,
      maxAgeMs: 1000,
      now: () => now,
    });
    const upload = staging.begin('x.studypack');
    const staged = await upload.finish();
    now = 1001;
    expect(staging.get(staged.id)).toBeNull();
    expect(existsSync(staged.file)).toBe(false);
  });

  it('starts empty: what a previous run left behind is removed', async () => {
    const dir = freshDir();
    const first = new PackStaging({ dir, maxBytes: 10 });
    await first.begin('left.studypack').finish();
    const second = new PackStaging({ dir, maxBytes: 10 });
    expect(readdirSync(dir)).toEqual([]);
    expect(second.maxBytes).toBe(10);
  });
});

describe('PackStore', () => {
  it('keeps a pack by course id, replacing the previous one, and lists them', () => {
    const store = new PackStore(freshDir());
    const staged = path.join(temp.dir, 'staged-1');
    writeFileSync(staged, 'v1');
    store.keep('docker', staged);
    writeFileSync(staged, 'v2');
    store.keep('docker', staged);
    expect(store.list()).toEqual([{ courseId: 'docker', file: store.fileFor('docker') }]);
    expect(readFileSync(store.fileFor('docker'), 'utf8')).toBe('v2');
    expect(existsSync(staged), 'moved, not copied').toBe(false);
  });

  it('remembers a removal until the course is kept again', () => {
    const dir = freshDir();
    const store = new PackStore(dir);
    store.forget('git');
    expect(new PackStore(dir).wasRemoved('git')).toBe(true);
    const staged = path.join(temp.dir, 'staged-2');
    writeFileSync(staged, 'pack');
    store.keep('git', staged);
    expect(store.wasRemoved('git')).toBe(false);
  });

  it('refuses a course id that could name another file', () => {
    const store = new PackStore(freshDir());
    expect(() => store.fileFor('../progress')).toThrow(/not a course id/);
  });

  it('reads a damaged list of removed courses as empty', () => {
    const dir = freshDir();
    const store = new PackStore(dir);
    writeFileSync(path.join(dir, 'removed-courses.json'), '{not json');
    expect(store.wasRemoved('git')).toBe(false);
  });
});
