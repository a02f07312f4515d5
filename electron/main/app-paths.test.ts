import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appLayout, bundledPackSource, chooseUserDataDir, USER_DATA_ENV } from './app-paths.ts';

describe('appLayout', () => {
  it('finds dist/ beside the bundled main script, in development and inside an asar', () => {
    for (const root of ['/home/ada/studybook', '/opt/Studybook/resources/app.asar']) {
      expect(appLayout(path.join(root, 'dist', 'electron'))).toEqual({
        root,
        rendererDir: path.join(root, 'dist', 'renderer'),
        pageRenderer: path.join(root, 'dist', 'page-server', 'render.js'),
        preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
      });
    }
  });
});

describe('chooseUserDataDir', () => {
  it('uses the absolute folder the environment names', () => {
    expect(
      chooseUserDataDir({ [USER_DATA_ENV]: '/tmp/profile-1' }, '/home/ada/.config/Studybook'),
    ).toBe('/tmp/profile-1');
  });

  it.each([
    ['unset', {}],
    ['empty', { [USER_DATA_ENV]: '' }],
    ['relative, which would depend on the working folder', { [USER_DATA_ENV]: 'profile' }],
  ])('falls back to the default when the variable is %s', (_what, env) => {
    expect(chooseUserDataDir(env, '/home/ada/.config/Studybook')).toBe(
      '/home/ada/.config/Studybook',
    );
  });
});

describe('bundledPackSource', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'studybook-layout-'));
    for (const course of ['python-backend', 'git-essentials', '.drafts']) {
      mkdirSync(path.join(root, 'content', course), { recursive: true });
    }
    writeFileSync(path.join(root, 'content', 'README.md'), 'not a course');
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('takes compiled packs from the resources folder when packaged', () => {
    expect(
      bundledPackSource({ packaged: true, resourcesPath: '/opt/Studybook/resources', root }),
    ).toEqual({ kind: 'packs', packDir: path.join('/opt/Studybook/resources', 'courses') });
  });

  it('compiles every course folder under content/ in development, in a stable order', () => {
    expect(bundledPackSource({ packaged: false, resourcesPath: '/unused', root })).toEqual({
      kind: 'sources',
      courseDirs: [
        path.join(root, 'content', 'git-essentials'),
        path.join(root, 'content', 'python-backend'),
      ],
      cacheDir: path.join(root, '.studybook-cache'),
    });
  });
});
