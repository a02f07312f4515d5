// The contract over HTTP on 127.0.0.1, for the browser preview and the end-to-end tests. A thin
// adapter: every call goes through `dispatch`, every file through the same path policy, CSP and
// headers as app:// in Electron.
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallOutcome, ErrorCode } from '../api.ts';
import { dispatch, type Handlers } from '../dispatch.ts';
import { formatBytes } from '../library/check-pack.ts';
import { UploadTooLargeError } from '../library/pack-staging.ts';
import type { PackUploads } from '../services.ts';
import { SECURITY_HEADERS } from '../serve/content-security-policy.ts';
import { mimeTypeFor } from '../serve/mime-types.ts';
import { resolveStaticPath } from '../serve/resolve-static-path.ts';
import { parseAssetPath } from '../serve/asset-path.ts';
import { pageParts } from '../serve/page-html.ts';
import { isPagePath, type RenderPage } from '../page-address.ts';
import type { LiveEvents } from './live-events.ts';

export interface PreviewServerOptions {
  rendererDir: string;
  token: string;
  handlers: Handlers;
  /** The page's server build (page-renderer.ts); absent or null, the browser builds the page alone. */
  render?: RenderPage | null;
  readAsset(courseId: string, name: string): { mime: string; data: Buffer } | null;
  readCodeStylesheet(courseId: string): string | null;
  events: LiveEvents;
  /** Where `POST /upload/pack` puts a course pack's bytes. */
  uploads: PackUploads;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Where the page sends a course pack's bytes (`application/octet-stream`, the file's name
 * URI-encoded in X-Studybook-File-Name); the answer names the staged pack, which the page then
 * installs with the installPack call. Same token and Host checks as the API.
 */
export const UPLOAD_PATH = '/upload/pack';

/** The largest request body the API reads; the contract's inputs are far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;

const STATUS_OF: Record<ErrorCode, number> = {
  'unknown-call': 404,
  'invalid-input': 400,
  'not-found': 404,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};

/** Creates the preview's HTTP server (not yet listening). */
export function createPreviewServer(options: PreviewServerOptions): http.Server {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const server = http.createServer((request, response) => {
    handle(server, options, request, response).catch((error: unknown) => {
      log('Preview request failed:', error);
      if (!response.headersSent) sendJson(response, 500, internalError());
      else response.destroy();
    });
  });
  return server;
}

async function handle(
  server: http.Server,
  options: PreviewServerOptions,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  if (!isOwnHost(server, request.headers.host)) {
    return sendText(response, 403, 'Forbidden: this server answers only to its own address.');
  }
  const url = new URL(request.url ?? '/', 'http://preview.invalid');
  if (url.pathname === UPLOAD_PATH) {
    if (request.method !== 'POST') return refuseBody(request, response, 405, 'Use POST to upload.');
    if (!tokenMatches(options.token, request.headers['x-studybook-token'])) {
      return refuseBody(request, response, 403, 'The request did not carry this preview’s token.');
    }
    return handleUpload(options.uploads, request, response);
  }
  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST for API calls.');
    if (!tokenMatches(options.token, request.headers['x-studybook-token'])) {
      return sendJson(response, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'The request did not carry this preview’s token.' },
      });
    }
    return handleCall(options, url.pathname.slice('/api/'.length), request, response);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed.');
  }
  if (url.pathname === '/events') {
    if (!tokenMatches(options.token, url.searchParams.get('token') ?? undefined)) {
      return sendText(response, 403, 'Forbidden.');
    }
    return options.events.subscribe(request, response, SECURITY_HEADERS);
  }
  const asset = parseAssetPath(url.pathname);
  if (asset) {
    if (asset.kind === 'code-stylesheet') {
      const css = options.readCodeStylesheet(asset.courseId);
      if (css === null) return sendText(response, 404, 'Not found.');
      return send(response, 200, 'text/css; charset=utf-8', Buffer.from(css), 'no-cache');
    }
    const found = options.readAsset(asset.courseId, asset.name);
    if (!found) return sendText(response, 404, 'Not found.');
    return send(response, 200, found.mime, found.data, 'no-cache');
  }
  return serveStatic(options, url, request.method === 'HEAD', response);
}

async function handleCall(
  options: PreviewServerOptions,
  name: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    request.resume();
    return sendJson(response, 415, {
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'API calls must send Content-Type: application/json.',
      },
    });
  }
  const body = await readBody(request);
  if (body === null) {
    return sendJson(response, 413, {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `The request body is over ${MAX_BODY_BYTES} bytes.`,
      },
    });
  }
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(response, 400, {
      ok: false,
      error: { code: 'invalid-input', message: 'The request body is not valid JSON.' },
    });
  }
  const outcome = await dispatch(options.handlers, decodeName(name), input, options.log);
  sendJson(response, outcome.ok ? 200 : STATUS_OF[outcome.error.code], outcome);
}

async function handleUpload(
  uploads: PackUploads,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const contentType = (request.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/octet-stream')) {
    return refuseBody(request, response, 415, 'Upload a pack as application/octet-stream.');
  }
  const tooLarge = `The file is larger than ${formatBytes(uploads.maxBytes)}, the most a course pack may be.`;
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > uploads.maxBytes) return refuseBody(request, response, 413, tooLarge);

  const upload = uploads.begin(decodeName(String(request.headers['x-studybook-file-name'] ?? '')));
  request.on('aborted', () => upload.abort());
  try {
    for await (const chunk of request) await upload.write(chunk as Buffer);
  } catch (error) {
    upload.abort();
    if (error instanceof UploadTooLargeError) return refuseBody(request, response, 413, tooLarge);
    throw error;
  }
  if (request.readableAborted) return;
  const staged = await upload.finish();
  sendJson(response, 200, {
    ok: true,
    value: { uploadId: staged.id, name: staged.displayName, bytes: staged.bytes },
  });
}

/** Answers a request whose body is not wanted, and stops reading it. */
function refuseBody(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  status: number,
  message: string,
): void {
  const code: ErrorCode = status === 403 ? 'forbidden' : 'invalid-input';
  response.setHeader('Connection', 'close');
  sendJson(response, status, { ok: false, error: { code, message } });
  // A small body is read and dropped; a large one is not read at all: the connection closes
  // once the answer is out.
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  if (length <= MAX_BODY_BYTES) request.resume();
  else response.once('finish', () => request.destroy());
}

async function serveStatic(
  options: PreviewServerOptions,
  { pathname, search }: URL,
  head: boolean,
  response: http.ServerResponse,
): Promise<void> {
  const page = isPagePath(pathname);
  const file = resolveStaticPath(options.rendererDir, page ? '/index.html' : pathname);
  const mime = file ? mimeTypeFor(file) : null;
  if (!file || !mime) return sendText(response, 404, 'Not found.');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return sendText(response, 404, 'Not found.');
  }
  if (page) {
    // Before the headers: a built page it cannot use is answered with an error, not half a page.
    const parts = pageParts(
      data.toString('utf8'),
      { pathname, search },
      {
        token: options.token,
        handlers: options.handlers,
        render: options.render ?? null,
        ...(options.log ? { log: options.log } : {}),
      },
    );
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mime,
      'Cache-Control': 'no-store',
    });
    // A HEAD asks after the page without opening its lesson.
    if (head) return void response.end();
    // Node holds a first chunk back until the next tick: read the lesson once it has gone out.
    await new Promise((resolve) => response.write(parts.start, resolve));
    return void response.end(await parts.end());
  }
  // Vite fingerprints everything under _app/, so those files never change under one name.
  const immutable = pathname.startsWith('/_app/')
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
  send(response, 200, mime, data, immutable);
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function isOwnHost(server: http.Server, host: string | undefined): boolean {
  const address = server.address() as AddressInfo | null;
  if (!address || !host) return false;
  return host === `127.0.0.1:${address.port}` || host === `localhost:${address.port}`;
}

function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function internalError(): CallOutcome<never> {
  return { ok: false, error: { code: 'internal', message: 'The preview host failed.' } };
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  send(
    response,
    status,
    'application/json; charset=utf-8',
    Buffer.from(JSON.stringify(body)),
    'no-store',
  );
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', Buffer.from(text), 'no-store');
}

function send(
  response: http.ServerResponse,
  status: number,
  contentType: string,
  body: Buffer,
  cacheControl: string,
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': body.length,
    'Cache-Control': cacheControl,
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
