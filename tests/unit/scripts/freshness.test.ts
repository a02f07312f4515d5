import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOutOfDate, newestMtime } from '../../../scripts/freshness.ts';

let dir: string;

function fileAt(relative: string, secondsSinceEpoch: number): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, relative);
  utimesSync(file, secondsSinceEpoch, secondsSinceEpoch);
  return file;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'studybook-fresh-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('newestMtime', () => {
  it('finds the newest file anywhere below a folder', () => {
    fileAt('src/a.ts', 1_000);
    fileAt('src/deep/b.ts', 3_000);
    fileAt('src/c.ts', 2_000);
    utimesSync(path.join(dir, 'src'), 500, 500);
    utimesSync(path.join(dir, 'src', 'deep'), 500, 500);
    expect(newestMtime([path.join(dir, 'src')])).toBe(3_000_000);
  });

  it('skips node_modules and dot-folders', () => {
    fileAt('src/a.ts', 1_000);
    fileAt('src/node_modules/pkg/index.js', 9_000);
    fileAt('src/.cache/x', 9_000);
    for (const folder of ['src', 'src/node_modules', 'src/node_modules/pkg', 'src/.cache']) {
      utimesSync(path.join(dir, folder), 500, 500);
    }
    expect(newestMtime([path.join(dir, 'src')])).toBe(1_000_000);
  });

  it('is -Infinity when nothing exists', () => {
    expect(newestMtime([path.join(dir, 'nope')])).toBe(-Infinity);
  });
});

describe('isOutOfDate', () => {
  it('is true when the output is missing', () => {
    expect(isOutOfDate(path.join(dir, 'out.js'), [fileAt('in.ts', 1_000)])).toBe(true);
  });

  it('is true when an input changed after the output was built', () => {
    const output = fileAt('out.js', 2_000);
    expect(isOutOfDate(output, [fileAt('old.ts', 1_000), fileAt('new.ts', 3_000)])).toBe(true);
  });

  it('is false when every input is older than the output', () => {
    const output = fileAt('out.js', 2_000);
    expect(isOutOfDate(output, [fileAt('in.ts', 1_000)])).toBe(false);
  });
});
