// The app:// scheme: the page, its scripts and the courses' assets all come from one privileged
// origin, `app://studybook`, served from disk and from the library. Nothing is ever fetched from
// a network, and no path can read outside the renderer's build folder.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import type { Handlers } from '../dispatch.ts';
import { isPagePath, type RenderPage } from '../page-address.ts';
import { pageParts } from '../serve/page-html.ts';
import { SECURITY_HEADERS } from '../serve/content-security-policy.ts';
import { parseAssetPath } from '../serve/asset-path.ts';
import { mimeTypeFor } from '../serve/mime-types.ts';
import { resolveStaticPath } from '../serve/resolve-static-path.ts';
import { APP_SCHEME, isAppUrl } from './navigation-policy.ts';

/**
 * Declares app:// privileged. Must run before the app's `ready` event (Electron throws after).
 * standard: real origin, relative URLs and storage; secure: counts as a secure context, like
 * https; supportFetchAPI: the page's modules and stylesheets load through fetch; codeCache: V8
 * keeps the page's compiled scripts, so a start after the first does not compile them again (the
 * browser preview gets the same from its HTTP cache). Deliberately not bypassCSP, corsEnabled or
 * allowServiceWorkers.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** What app:// serves: the built renderer from disk, course assets from the library. */
export interface AppContent {
  /** The renderer's build folder (dist/renderer). */
  rendererDir: string;
  readAsset(courseId: string, name: string): { mime: string; data: Buffer } | null;
  readCodeStylesheet(courseId: string): string | null;
  /** The contract's handlers: a lesson's address gets its lesson inside the page (page-html.ts). */
  handlers: Handlers;
  /** The page's server build (page-renderer.ts): null, the browser builds the page alone. */
  render: RenderPage | null;
}

type Log = (message: string, error?: unknown) => void;

/**
 * The handler for `protocol.handle('app', …)`: GET or HEAD on `app://studybook` only; course
 * assets at `/assets/<course>/<name>` (and `/assets/<course>/code.css`); the page at the
 * library's and every lesson's address (page-address.ts), with the lesson inside it; everything
 * else from the renderer folder through resolveStaticPath. Every response, errors included, carries
 * SECURITY_HEADERS. The returned function never rejects.
 */
export function createAppRequestHandler(
  content: AppContent,
  log: Log = console.error,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await respond(content, request, log);
    } catch (error) {
      log(`app:// could not serve ${request.url}:`, error);
      return textResponse(500, 'Studybook could not read this file.');
    }
  };
}

async function respond(content: AppContent, request: Request, log: Log): Promise<Response> {
  if (!isAppUrl(request.url)) return textResponse(404, 'Not found.');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  }
  const head = request.method === 'HEAD';
  const { pathname, search } = new URL(request.url);

  const asset = parseAssetPath(pathname);
  if (asset?.kind === 'code-stylesheet') {
    const css = content.readCodeStylesheet(asset.courseId);
    if (css === null) return textResponse(404, 'Not found.');
    return fileResponse('text/css; charset=utf-8', Buffer.from(css), head);
  }
  if (asset) {
    const found = content.readAsset(asset.courseId, asset.name);
    if (!found) return textResponse(404, 'Not found.');
    return fileResponse(found.mime, found.data, head);
  }

  const page = isPagePath(pathname);
  const file = resolveStaticPath(content.rendererDir, page ? '/index.html' : pathname);
  const mime = file === null ? null : mimeTypeFor(file);
  if (file === null || mime === null) return textResponse(404, 'Not found.');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    // Missing, a folder, or unreadable: to the page, all the same.
    return textResponse(404, 'Not found.');
  }
  if (page) {
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mime };
    // A HEAD asks after the page without opening its lesson.
    if (head) return new Response(null, { status: 200, headers });
    const parts = pageParts(
      data.toString('utf8'),
      { pathname, search },
      { token: '', handlers: content.handlers, render: content.render, log },
    );
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(parts.start));
        controller.enqueue(encoder.encode(await parts.end()));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers });
  }
  return fileResponse(mime, data, head);
}

function fileResponse(mime: string, data: Buffer, head: boolean): Response {
  return new Response(head ? null : data, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': mime, 'Content-Length': String(data.length) },
  });
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}
