import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from './mime-types.ts';

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['index-3f2a.css', 'text/css; charset=utf-8'],
    ['diagram.svg', 'image/svg+xml'],
    ['photo.JPG', 'image/jpeg'],
    ['font.woff2', 'font/woff2'],
    ['/abs/path/to/archive.tar.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it.each(['Makefile', 'script.sh', 'binary.exe', 'page.htm', 'archive.zip', '.env', 'x.'])(
    'refuses to guess a type for %s',
    (file) => {
      expect(mimeTypeFor(file)).toBeNull();
    },
  );

  it('does not read a dot in a folder name as an extension', () => {
    expect(mimeTypeFor('/srv/site.html/README')).toBeNull();
  });
});
