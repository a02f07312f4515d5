// Loads the page's server build (dist/page-server/render.js, built by Vite from
// renderer/src/server.ts), with which a host renders what a page's address shows into the page
// it sends (page-html.ts).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { RenderPage } from '../page-address.ts';

/**
 * The render function of the server build at `file`. Throws, saying why, when there is no such
 * file or it is not a server build of this page (a broken file, a build of something else); a
 * host then sends the page for the browser to build alone, slower to paint but whole.
 */
export async function loadPageRenderer(file: string): Promise<RenderPage> {
  if (!existsSync(file)) {
    throw new Error(`There is no server build of the page at ${file} (npm run build:renderer).`);
  }
  let loaded: unknown;
  try {
    loaded = await import(pathToFileURL(file).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The server build of the page at ${file} could not be loaded: ${reason}`, {
      cause: error,
    });
  }
  const renderPage = (loaded as { renderPage?: unknown }).renderPage;
  if (typeof renderPage !== 'function') {
    throw new Error(`${file} is not the page's server build: it has no renderPage function.`);
  }
  return renderPage as RenderPage;
}

/** loadPageRenderer, or null after telling `log` why the browser builds the page alone. */
export async function pageRendererOrNull(
  file: string,
  log: (message: string) => void,
): Promise<RenderPage | null> {
  try {
    return await loadPageRenderer(file);
  } catch (error) {
    log(
      `${error instanceof Error ? error.message : String(error)} The page is built in the browser.`,
    );
    return null;
  }
}
