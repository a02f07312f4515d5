import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPageRenderer, pageRendererOrNull } from './page-renderer.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'studybook-page-renderer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function moduleFile(name: string, source: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
}

describe('loadPageRenderer', () => {
  it('loads the render function of a server build', async () => {
    const file = moduleFile(
      'render.js',
      'export const renderPage = (address) => ({ head: "", body: `<p>${address}</p>` });',
    );
    const render = await loadPageRenderer(file);
    expect(
      render('/', { kind: 'library', outcome: { ok: true, value: {} as never } }, () => {
        throw new Error('not called');
      }),
    ).toEqual({ head: '', body: '<p>/</p>' });
  });

  it('says there is no build, and how to make one, when the file is missing', async () => {
    const file = path.join(dir, 'missing', 'render.js');
    await expect(loadPageRenderer(file)).rejects.toThrow(
      `There is no server build of the page at ${file} (npm run build:renderer).`,
    );
  });

  it('refuses a module that is not the page’s server build', async () => {
    const file = moduleFile('other.js', 'export const render = () => "";');
    await expect(loadPageRenderer(file)).rejects.toThrow(
      `${file} is not the page's server build: it has no renderPage function.`,
    );
  });

  it('says why a broken file could not be loaded', async () => {
    const file = moduleFile('broken.js', 'export const renderPage = (;');
    await expect(loadPageRenderer(file)).rejects.toThrow(
      `The server build of the page at ${file} could not be loaded:`,
    );
  });
});

describe('pageRendererOrNull', () => {
  it('is null after saying why, so the host sends pages for the browser to build', async () => {
    const said: string[] = [];
    const file = path.join(dir, 'none.js');
    expect(await pageRendererOrNull(file, (line) => said.push(line))).toBeNull();
    expect(said).toEqual([
      `There is no server build of the page at ${file} (npm run build:renderer). The page is built in the browser.`,
    ]);
  });
});
