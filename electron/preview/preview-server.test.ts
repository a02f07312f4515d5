import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir.ts';
import { api, isCallName, type CallName } from '../api.ts';
import { startPreview, type RunningPreview } from './start-preview.ts';

const temp = makeTempDir();
let preview: RunningPreview;
let port = 0;

beforeAll(async () => {
  const rendererDir = path.join(temp.dir, 'renderer');
  cpSync('tests/fixtures/renderer', rendererDir, { recursive: true });
  preview = await startPreview({
    courseDirs: ['content/python-backend', 'content/git-essentials'],
    dataDir: path.join(temp.dir, 'data'),
    rendererDir,
    // The page rendered on the host: tests/unit/renderer/page-render.test.ts and the e2e tests.
    pageRenderer: null,
    quiet: true,
  });
  port = Number(new URL(preview.url).port);
});
afterAll(async () => {
  await preview.close();
  temp.remove();
});

/** A raw request, so that the Host header can be anything (fetch would not allow it). */
function rawRequest(
  options: { method?: string; path: string; headers?: Record<string, string> },
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function callApi(name: string, body: string, headers: Record<string, string> = {}) {
  return rawRequest(
    {
      method: 'POST',
      path: `/api/${name}`,
      headers: {
        'content-type': 'application/json',
        'x-studybook-token': preview.token,
        ...headers,
      },
    },
    body,
  );
}

describe('the preview host', () => {
  it('serves the page with its token in a meta tag and the CSP header', async () => {
    const response = await rawRequest({ path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<meta name="studybook-token" content="${preview.token}">`);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('serves the page at a lesson’s address with that lesson in it, opened as the page would', async () => {
    const response = await rawRequest({ path: '/learn/git-essentials/branches' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain(`<meta name="studybook-token" content="${preview.token}">`);
    const open = '<script type="application/json" id="studybook-first-view">';
    const at = response.body.indexOf(open);
    expect(at, 'the lesson is in the page').toBeGreaterThan(-1);
    const json = response.body.slice(at + open.length, response.body.indexOf('</script>', at));
    expect(JSON.parse(json)).toMatchObject({
      kind: 'lesson',
      courseId: 'git-essentials',
      lessonId: 'branches',
      outcome: { ok: true, value: { lesson: { id: 'branches' } } },
    });
    const resume = JSON.parse((await callApi('getResume', '{"courseId":"git-essentials"}')).body);
    expect(resume, 'and recorded as opened').toMatchObject({
      ok: true,
      value: { lessonId: 'branches' },
    });
  });

  it('answers a HEAD on a lesson’s address without opening the lesson', async () => {
    const response = await rawRequest({ method: 'HEAD', path: '/learn/python-backend/logging' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const resume = JSON.parse((await callApi('getResume', '{"courseId":"python-backend"}')).body);
    expect(resume, 'nothing of the course has been opened').toEqual({ ok: true, value: null });
  });

  it('answers a path that is no page, file or call with 404', async () => {
    for (const path of ['/python-backend/deployment', '/learning', '/api']) {
      expect((await rawRequest({ path })).status, path).toBe(404);
    }
  });

  it('refuses any request whose Host header is not its own address', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const response = await rawRequest({ path: '/', headers: { host } });
      expect(response.status, `Host: ${host}`).toBe(403);
    }
    expect((await rawRequest({ path: '/', headers: { host: `localhost:${port}` } })).status).toBe(
      200,
    );
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const without = await rawRequest(
      { method: 'POST', path: '/api/listCourses', headers: { 'content-type': 'application/json' } },
      '{}',
    );
    expect(without.status).toBe(403);
    const wrong = await callApi('listCourses', '{}', { 'x-studybook-token': 'guess' });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a valid call with its value', async () => {
    const response = await callApi('listCourses', '{}');
    expect(response.status).toBe(200);
    const outcome = JSON.parse(response.body) as {
      ok: true;
      value: { courses: { id: string }[] };
    };
    expect(outcome.value.courses.map((course) => course.id)).toEqual([
      'python-backend',
      'git-essentials',
    ]);
  });

  it('answers bad requests with a specific typed error', async () => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['noSuchCall', '{}', {}, 404, 'unknown-call'],
      ['listCourses', '{not json', {}, 400, 'invalid-input'],
      ['openLesson', '{"courseId":"python-backend"}', {}, 400, 'invalid-input'],
      ['openLesson', '{"courseId":"python-backend","lessonId":"nope"}', {}, 404, 'not-found'],
      ['listCourses', '{}', { 'content-type': 'text/plain' }, 415, 'invalid-input'],
      ['listCourses', 'x'.repeat(1024 * 1024 + 1), {}, 413, 'invalid-input'],
    ];
    for (const [name, body, headers, status, code] of cases) {
      const response = await callApi(name, body, headers);
      expect(response.status, `${name} ${body.slice(0, 40)}`).toBe(status);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('serves course images and code colours, and nothing outside the page folder', async () => {
    const css = await rawRequest({ path: '/assets/python-backend/code.css' });
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    for (const trick of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      expect((await rawRequest({ path: trick })).status, trick).toBe(404);
    }
    expect((await rawRequest({ path: '/assets/nope/code.css' })).status).toBe(404);
    expect((await rawRequest({ method: 'DELETE', path: '/' })).status).toBe(405);
  });
});

describe('the pack upload route', () => {
  function upload(body: Buffer | string, headers: Record<string, string> = {}) {
    return rawRequest(
      {
        method: 'POST',
        path: '/upload/pack',
        headers: {
          'content-type': 'application/octet-stream',
          'x-studybook-token': preview.token,
          'x-studybook-file-name': encodeURIComponent('Woche 3 – Git.studypack'),
          ...headers,
        },
      },
      body as string,
    );
  }

  it('stages the bytes and answers an opaque id that installPack takes', async () => {
    const response = await upload('not really a pack');
    expect(response.status).toBe(200);
    const outcome = JSON.parse(response.body) as {
      ok: true;
      value: { uploadId: string; name: string; bytes: number };
    };
    expect(outcome.value).toEqual({
      uploadId: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Woche 3 – Git.studypack',
      bytes: 17,
    });
    const install = await callApi(
      'installPack',
      JSON.stringify({ uploadId: outcome.value.uploadId }),
    );
    expect(install.status).toBe(400);
    expect(JSON.parse(install.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'Woche 3 – Git.studypack is a text file, not a Studybook course pack. Ask your instructor for the .studypack file.',
      },
    });
  });

  it('refuses an upload without the token, with another Host, method or content type', async () => {
    expect((await upload('x', { 'x-studybook-token': 'guess' })).status).toBe(403);
    expect((await upload('x', { host: 'evil.example' })).status).toBe(403);
    expect((await upload('x', { 'content-type': 'application/json' })).status).toBe(415);
    expect((await rawRequest({ method: 'GET', path: '/upload/pack' })).status).toBe(405);
  });

  it('refuses a declared size above the limit before reading the body', async () => {
    const response = await rawRequest({
      method: 'POST',
      path: '/upload/pack',
      headers: {
        'content-type': 'application/octet-stream',
        'x-studybook-token': preview.token,
        'content-length': String(3 * 1024 ** 3),
      },
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.message).toBe(
      'The file is larger than 2 GB, the most a course pack may be.',
    );
  });
});

describe('the contract under malformed input', () => {
  // Every call, 1,000 payloads each, none of them valid: each must come back as a typed 4xx,
  // and the learner's progress file must not change.
  const calls: Record<string, Record<string, unknown>> = {
    listCourses: {},
    openLesson: { courseId: 'python-backend', lessonId: 'deployment' },
    recordProgress: {
      courseId: 'python-backend',
      lessonId: 'deployment',
      position: { sectionId: 'containers', offset: 0.5 },
      sectionsRead: ['containers'],
      secondsSpent: 2,
    },
    answerQuestion: {
      courseId: 'python-backend',
      lessonId: 'deployment',
      questionId: 'reverse-proxy',
      answer: 'Nginx',
    },
    getSettings: {},
    setSettings: { theme: 'dark' },
    getResume: { courseId: 'python-backend' },
    openExternal: { url: 'https://docs.python.org/3/' },
    search: { query: 'docker (compose) "NEAR" -m *', courseId: 'python-backend', limit: 10 },
    installPack: { uploadId: '0123456789abcdef0123456789abcdef', confirm: true },
    discardPack: { uploadId: '0123456789abcdef0123456789abcdef' },
    removeCourse: { courseId: 'python-backend', eraseProgress: true },
  };

  it('answers 1,000 malformed payloads per call with typed 4xx errors and writes nothing', async () => {
    const random = seededRandom(20261127);
    const progressFile = path.join(temp.dir, 'data', 'progress.sqlite');
    const countRows = () => {
      const db = new Database(progressFile, { readonly: true });
      const tables = ['lesson_progress', 'section_progress', 'quiz_attempts', 'settings'];
      const counts = tables.map(
        (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      );
      db.close();
      return counts;
    };
    const before = countRows();
    for (const [name, valid] of Object.entries(calls)) {
      for (let round = 0; round < 1000; round += 1) {
        const payload = malformedFor(name, valid, random);
        const response = await callApi(name, payload);
        expect(response.status, `${name} ${payload.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${name} ${payload.slice(0, 80)}`).toBeLessThan(500);
        const outcome = JSON.parse(response.body) as { ok: boolean; error: { code: string } };
        expect(outcome.ok).toBe(false);
        expect(['invalid-input', 'not-found']).toContain(outcome.error.code);
      }
    }
    expect(countRows()).toEqual(before);
    // And the host still works afterwards.
    expect((await callApi('listCourses', '{}')).status).toBe(200);
  }, 120_000);
});

describe('a built page the host cannot use', () => {
  it('is answered with an error that says so, not with half a page', async () => {
    const rendererDir = path.join(temp.dir, 'broken-renderer');
    cpSync('tests/fixtures/renderer', rendererDir, { recursive: true });
    writeFileSync(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><html><head><title>Studybook</title></head><body><main></main></body></html>',
    );
    const broken = await startPreview({
      courseDirs: ['content/git-essentials'],
      dataDir: path.join(temp.dir, 'broken-data'),
      rendererDir,
      pageRenderer: null,
      quiet: true,
    });
    try {
      const response = await fetch(new URL('/learn/git-essentials/commits', broken.url));
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      await broken.close();
    }
  });
});

describe('live reload', () => {
  it('rebuilds an edited lesson, tells the page, and keeps the last good version on errors', async () => {
    const courseDir = path.join(temp.dir, 'live-course');
    cpSync('content/git-essentials', courseDir, { recursive: true });
    const live = await startPreview({
      courseDirs: [courseDir],
      dataDir: path.join(temp.dir, 'live-data'),
      rendererDir: path.join(temp.dir, 'renderer'),
      pageRenderer: null,
      watch: true,
      quiet: true,
    });
    try {
      const events = await openEventStream(live);
      const lessonFile = path.join(courseDir, 'commits.md');
      const original = readFileSync(lessonFile, 'utf8');
      const retitled = original.replace(/^title: .*$/m, 'title: Commits, edited live');
      writeFileSync(lessonFile, retitled);
      expect(await events.next()).toMatchObject({
        type: 'reload',
        data: { courseId: 'git-essentials' },
      });
      const lesson = await callLive(live, 'openLesson', {
        courseId: 'git-essentials',
        lessonId: 'commits',
      });
      expect(lesson).toMatchObject({
        ok: true,
        value: { lesson: { title: 'Commits, edited live' } },
      });

      writeFileSync(lessonFile, retitled.replace(/^title: .*$/m, 'title: [unclosed'));
      const failed = await events.next();
      expect(failed.type).toBe('compile-error');
      expect(JSON.stringify(failed.data)).toMatch(/commits\.md:\d+:\d+: error:/);
      const stillThere = await callLive(live, 'openLesson', {
        courseId: 'git-essentials',
        lessonId: 'commits',
      });
      expect(stillThere).toMatchObject({
        ok: true,
        value: { lesson: { title: 'Commits, edited live' } },
      });
      events.close();
    } finally {
      await live.close();
    }
  });
});

async function callLive(live: RunningPreview, name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${live.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-studybook-token': live.token },
    body: JSON.stringify(input),
  });
  return response.json();
}

/** Reads the preview's Server-Sent Events one at a time. */
async function openEventStream(live: RunningPreview) {
  const controller = new AbortController();
  const response = await fetch(`${live.url}events?token=${live.token}`, {
    signal: controller.signal,
  });
  if (!response.body) throw new Error('The event stream has no body.');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ type: string; data: unknown }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) return { type, data: JSON.parse(data) };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('The event stream ended.');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const junkValues: unknown[] = [
  null,
  true,
  -1,
  0.5,
  Number.MAX_SAFE_INTEGER,
  '',
  'Not A Slug!',
  '../../etc/passwd',
  'x'.repeat(5000),
  [],
  [1, 2, 3],
  {},
  { nested: { deep: [null] } },
  'javascript:alert(1)',
  'http://example.com/',
  '<script>alert(1)</script>',
  '\u0000',
];

/**
 * A malformed payload for call `name`. A mutation can land on a value that happens to fit (a
 * junk number is still a valid reading time), so only payloads the schema refuses are kept.
 */
function malformedFor(name: string, valid: Record<string, unknown>, random: () => number): string {
  for (;;) {
    const payload = malformed(valid, random);
    if (!isCallName(name) || !parsesAs(name, payload)) return payload;
  }
}

function parsesAs(name: CallName, payload: string): boolean {
  try {
    return api[name].input.safeParse(JSON.parse(payload)).success;
  } catch {
    return false;
  }
}

/** A payload made from `valid` that the call's schema should refuse, as JSON text. */
function malformed(valid: Record<string, unknown>, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const keys = Object.keys(valid);
  const strategy = Math.floor(random() * 5);
  if (strategy === 0) {
    // Not an object at all.
    return JSON.stringify(
      pick(
        junkValues.filter(
          (value) => typeof value !== 'object' || Array.isArray(value) || value === null,
        ),
      ),
    );
  }
  if (strategy === 1 || keys.length === 0) {
    // An extra key the strict schema does not know.
    return JSON.stringify({
      ...valid,
      [`unexpected${Math.floor(random() * 1000)}`]: pick(junkValues),
    });
  }
  if (strategy === 2) {
    // A required or known field replaced by a value of the wrong kind.
    const key = pick(keys);
    const wrong = junkValues.filter(
      (value) => JSON.stringify(value) !== JSON.stringify(valid[key]),
    );
    return JSON.stringify({ ...valid, [key]: pickWrongFor(key, wrong, pick) });
  }
  if (strategy === 3) {
    // Every field wrong at once.
    return JSON.stringify(
      Object.fromEntries(keys.map((key) => [key, pickWrongFor(key, junkValues, pick)])),
    );
  }
  // Cut short: no proper prefix of a JSON object is valid JSON.
  const text = JSON.stringify(valid);
  return text.slice(0, Math.floor(random() * text.length));
}

/** A junk value that is wrong for `key` (for ids, never a valid slug by accident). */
function pickWrongFor(
  key: string,
  values: readonly unknown[],
  pick: <T>(items: readonly T[]) => T,
) {
  // `{}` is a valid empty object for no field here except none, `[]` is a valid list for
  // sectionsRead, and any string up to 200 characters is a valid search query: exclude the values
  // that happen to fit that field.
  const fitting = key === 'sectionsRead' ? [[]] : [];
  const fits = (value: unknown) =>
    fitting.some((fit) => JSON.stringify(fit) === JSON.stringify(value)) ||
    (key === 'query' && typeof value === 'string' && value.length <= 200);
  return pick(values.filter((value) => !fits(value)));
}
