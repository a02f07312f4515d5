import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath } from './resolve-static-path.ts';

// A real folder: <base>/root is served, <base>/secret.txt and <base>/outside/ are not.
let base: string;
let root: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'studybook-static-')));
  root = path.join(base, 'root');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'index-3f2a.js'), 'export {}');
  writeFileSync(path.join(root, '..notes.txt'), 'a name that starts with two dots');
  writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
  writeFileSync(path.join(base, 'outside', 'secret.txt'), 'not for the page either');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
  symlinkSync(path.join(base, 'outside'), path.join(root, 'linked-folder'));
  symlinkSync(path.join(base, 'not-there-yet.txt'), path.join(root, 'dangling.txt'));
  symlinkSync(path.join(root, 'assets', 'index-3f2a.js'), path.join(root, 'inner-link.js'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('resolveStaticPath', () => {
  it('maps / to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
  });

  it('maps a plain path to the file inside the root', () => {
    expect(resolveStaticPath(root, '/assets/index-3f2a.js')).toBe(
      path.join(root, 'assets', 'index-3f2a.js'),
    );
  });

  it('returns a missing file inside the root, for the caller to answer 404', () => {
    expect(resolveStaticPath(root, '/assets/gone.js')).toBe(path.join(root, 'assets', 'gone.js'));
  });

  it('ignores empty segments instead of treating // as the filesystem root', () => {
    expect(resolveStaticPath(root, '//assets//index-3f2a.js')).toBe(
      path.join(root, 'assets', 'index-3f2a.js'),
    );
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('decodes percent-encoding that stays inside the root, an encoded slash included', () => {
    expect(resolveStaticPath(root, '/assets%2findex-3f2a.js')).toBe(
      path.join(root, 'assets', 'index-3f2a.js'),
    );
    expect(resolveStaticPath(root, '/%69ndex.html')).toBe(path.join(root, 'index.html'));
  });

  it('serves a file whose name merely starts with two dots', () => {
    expect(resolveStaticPath(root, '/..notes.txt')).toBe(path.join(root, '..notes.txt'));
  });

  it('follows a symlink that stays inside the root', () => {
    expect(resolveStaticPath(root, '/inner-link.js')).toBe(
      path.join(root, 'assets', 'index-3f2a.js'),
    );
  });

  it.each([
    ['a .. segment', '/../secret.txt'],
    ['a .. segment in the middle', '/assets/../../secret.txt'],
    ['a lone ..', '/..'],
    ['a . segment', '/./index.html'],
    ['an encoded ..', '/%2e%2e/secret.txt'],
    ['an upper-case encoded ..', '/%2E%2E/secret.txt'],
    ['a half-encoded ..', '/.%2e/secret.txt'],
    ['an encoded slash hiding ..', '/assets%2f..%2f..%2fsecret.txt'],
    ['a fully encoded escape', '%2f%2e%2e%2fsecret.txt'],
    ['a backslash', '/..\\secret.txt'],
    ['an encoded backslash', '/..%5csecret.txt'],
    ['a backslash without dots', '/assets\\index-3f2a.js'],
    ['a NUL byte', '/index.html%00.png'],
    ['a raw NUL byte', '/index.html\0'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an encoded drive letter', '/c%3a/Windows/win.ini'],
    ['a drive-relative path', '/d:secret.txt'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['a lone percent sign', '/100%'],
  ])('refuses %s', (_trick, pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeNull();
  });

  it('refuses an absolute filesystem path by keeping it inside the root', () => {
    const secret = path.join(base, 'secret.txt');
    const resolved = resolveStaticPath(root, secret);
    expect(resolved).not.toBe(secret);
    expect(resolved?.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses a symlink that points outside the root', () => {
    expect(resolveStaticPath(root, '/leak.txt')).toBeNull();
  });

  it('refuses a file inside a symlinked folder that lies outside the root', () => {
    expect(resolveStaticPath(root, '/linked-folder/secret.txt')).toBeNull();
  });

  it('refuses a missing file inside a symlinked folder that lies outside the root', () => {
    expect(resolveStaticPath(root, '/linked-folder/created-later.txt')).toBeNull();
  });

  it('refuses a dangling symlink, whose target could be created outside the root later', () => {
    expect(resolveStaticPath(root, '/dangling.txt')).toBeNull();
  });

  it('refuses everything when the root itself does not exist', () => {
    expect(resolveStaticPath(path.join(base, 'no-such-root'), '/index.html')).toBeNull();
  });

  it('accepts a root given as a relative or symlinked path', () => {
    const rootLink = path.join(base, 'root-link');
    symlinkSync(root, rootLink);
    expect(resolveStaticPath(rootLink, '/index.html')).toBe(path.join(root, 'index.html'));
    const relative = path.relative(process.cwd(), root);
    expect(resolveStaticPath(relative, '/index.html')).toBe(path.join(root, 'index.html'));
  });
});
