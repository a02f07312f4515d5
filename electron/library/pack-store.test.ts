// The kept packs: keeping one inside an install (before the library commits it), and putting the
// one it replaced back when the library did not commit after all.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { PackStore } from './pack-store.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());

let dirs = 0;
function setUp(): { store: PackStore; dir: string; staged: (bytes: string) => string } {
  dirs += 1;
  const dir = path.join(temp.dir, `store-${dirs}`);
  const staging = path.join(temp.dir, `staging-${dirs}`);
  mkdirSync(staging, { recursive: true });
  let files = 0;
  return {
    store: new PackStore(dir),
    dir,
    staged: (bytes) => {
      files += 1;
      const file = path.join(staging, `${files}.studypack`);
      writeFileSync(file, bytes);
      return file;
    },
  };
}

describe('PackStore', () => {
  it('keeps a pack by moving it, and drops the one it replaced once the library committed', () => {
    const { store, dir, staged } = setUp();
    store.keep('docker', staged('v1')).committed();
    const v2 = staged('v2');
    const kept = store.keep('docker', v2);
    expect(existsSync(v2), 'moved, not copied').toBe(false);
    expect(readFileSync(store.fileFor('docker'), 'utf8')).toBe('v2');
    kept.committed();
    expect(readdirSync(dir).sort()).toEqual(['docker.studypack']);
  });

  it('puts back the pack it replaced, or none, when the library did not commit', () => {
    const { store, dir, staged } = setUp();
    store.keep('docker', staged('v1')).committed();
    store.keep('docker', staged('v2')).rolledBack();
    expect(readFileSync(store.fileFor('docker'), 'utf8')).toBe('v1');
    store.keep('git', staged('new')).rolledBack();
    expect(readdirSync(dir).sort()).toEqual(['docker.studypack']);
  });

  it('forgets a removal when the course is kept again, and remembers it again if that is undone', () => {
    const { store, staged } = setUp();
    store.keep('docker', staged('v1')).committed();
    store.forget('docker');
    expect(store.wasRemoved('docker')).toBe(true);
    const kept = store.keep('docker', staged('v1'));
    expect(store.wasRemoved('docker')).toBe(false);
    kept.rolledBack();
    expect(store.wasRemoved('docker')).toBe(true);
    expect(existsSync(store.fileFor('docker'))).toBe(false);
  });

  it('tidies what an install cut short left: the new pack wins, a lone old one goes back', () => {
    const { store, dir, staged } = setUp();
    store.keep('docker', staged('docker v1')).committed();
    store.keep('git', staged('git v1')).committed();
    // Stopped after keeping docker's new pack, its old one still set aside...
    store.keep('docker', staged('docker v2'));
    // ...and git's between setting its old pack aside and moving the new one in (a copy half made).
    renameSync(store.fileFor('git'), `${store.fileFor('git')}.previous`);
    writeFileSync(`${store.fileFor('git')}.tmp`, 'half a copy');
    const restarted = new PackStore(dir);
    expect(readdirSync(dir).sort()).toEqual(['docker.studypack', 'git.studypack']);
    expect(readFileSync(restarted.fileFor('docker'), 'utf8')).toBe('docker v2');
    expect(readFileSync(restarted.fileFor('git'), 'utf8')).toBe('git v1');
  });
});
