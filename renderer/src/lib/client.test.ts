import { describe, expect, it } from 'vitest';
import type { CallName, LibraryView } from '../../../electron/api.ts';
import {
  bridgeEvents,
  bridgeTransport,
  bridgeUpload,
  clientFor,
  httpTransport,
  httpUpload,
  KEEPALIVE_MAX_BODY,
  serverEvents,
  StudybookError,
  type HostEvent,
  type StudybookBridge,
} from './client.ts';

const emptyLibrary: LibraryView = {
  courses: [],
  problems: [],
  progressRecovery: null,
  resume: null,
};

interface SentRequest {
  /** Which browser API carried the call. */
  via: 'fetch' | 'request';
  url: string;
  method: string;
  headers: Headers;
  body: string;
  /** fetch's `keepalive`; an XMLHttpRequest never outlives its page. */
  keepalive: boolean;
}

/**
 * A preview host that answers every call with `respond`, remembering what it was sent, over
 * either of the transport's browser APIs (fetch, or an XMLHttpRequest stand-in).
 */
function fakeServer(respond: () => Response | Promise<Response>) {
  const sent: SentRequest[] = [];
  const open = () => {
    const headers = new Headers();
    let method = '';
    let url = '';
    const request = {
      status: 0,
      responseText: '',
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      open(givenMethod: string, givenUrl: string) {
        method = givenMethod;
        url = givenUrl;
      },
      setRequestHeader(name: string, value: string) {
        headers.set(name, value);
      },
      send(body: string) {
        sent.push({ via: 'request', url, method, headers, body, keepalive: false });
        void (async () => {
          try {
            const response = await respond();
            request.status = response.status;
            request.responseText = await response.text();
            request.onload?.();
          } catch {
            request.onerror?.();
          }
        })();
      },
    };
    return request as never;
  };
  const client = clientFor(
    httpTransport({
      token: 'run-token',
      fetch: async (url, init) => {
        sent.push({
          via: 'fetch',
          url,
          method: init.method ?? 'GET',
          headers: new Headers(init.headers),
          body: String(init.body),
          keepalive: init.keepalive === true,
        });
        return respond();
      },
      open,
    }),
  );
  return { client, sent };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function rejection(promise: Promise<unknown>): Promise<StudybookError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StudybookError);
  return error as StudybookError;
}

describe('the HTTP transport', () => {
  it('posts the input as JSON to /api/<call> with the run token', async () => {
    const { client, sent } = fakeServer(() => json(200, { ok: true, value: emptyLibrary }));
    await client.openLesson({ courseId: 'python-backend', lessonId: 'deployment' });
    await client.recordProgress({ courseId: 'c', lessonId: 'l', secondsSpent: 3 });
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request.method).toBe('POST');
      expect(request.headers.get('Content-Type')).toBe('application/json');
      expect(request.headers.get('X-Studybook-Token')).toBe('run-token');
    }
    expect(sent.map((request) => request.url)).toEqual(['/api/openLesson', '/api/recordProgress']);
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      courseId: 'python-backend',
      lessonId: 'deployment',
    });
  });

  it('sends what saves the learner’s work by fetch, able to outlive the page, and the rest by XMLHttpRequest', async () => {
    const { client, sent } = fakeServer(() => json(200, { ok: true, value: { savedAt: 'x' } }));
    await client.recordProgress({ courseId: 'c', lessonId: 'l', secondsSpent: 3 });
    await client.answerQuestion({ courseId: 'c', lessonId: 'l', questionId: 'q', answer: 'a' });
    await client.setSettings({ theme: 'dark' });
    await client.openLesson({ courseId: 'c', lessonId: 'l' });
    await client.listCourses({});
    await client.search({ query: 'docker' });
    expect(sent.map((request) => `${request.url} ${request.via}`)).toEqual([
      '/api/recordProgress fetch',
      '/api/answerQuestion fetch',
      '/api/setSettings fetch',
      '/api/openLesson request',
      '/api/listCourses request',
      '/api/search request',
    ]);
  });

  it('lets a small save outlive the page (a progress write sent as it closes), but not a large one', async () => {
    const { client, sent } = fakeServer(() => json(200, { ok: true, value: { savedAt: 'x' } }));
    await client.recordProgress({ courseId: 'c', lessonId: 'l', secondsSpent: 3 });
    await client.answerQuestion({
      courseId: 'c',
      lessonId: 'l',
      questionId: 'q',
      answer: 'x'.repeat(KEEPALIVE_MAX_BODY),
    });
    expect(sent.map((request) => request.keepalive)).toEqual([true, false]);
  });

  it('resolves to the value of a successful call', async () => {
    const { client } = fakeServer(() => json(200, { ok: true, value: emptyLibrary }));
    await expect(client.listCourses({})).resolves.toEqual(emptyLibrary);
  });

  it("throws the host's typed error, issues included", async () => {
    const { client } = fakeServer(() =>
      json(400, {
        ok: false,
        error: {
          code: 'invalid-input',
          message: 'The input of openLesson is not valid.',
          issues: ['lessonId: must be a slug'],
        },
      }),
    );
    const error = await rejection(client.openLesson({ courseId: 'python-backend', lessonId: '' }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('The input of openLesson is not valid.');
    expect(error.issues).toEqual(['lessonId: must be a slug']);
  });

  it('gives an error without issues an empty list of them', async () => {
    const { client } = fakeServer(() =>
      json(404, { ok: false, error: { code: 'not-found', message: 'No such lesson.' } }),
    );
    const error = await rejection(client.openLesson({ courseId: 'a', lessonId: 'b' }));
    expect(error.code).toBe('not-found');
    expect(error.issues).toEqual([]);
  });

  it('reports a host that cannot be reached as unavailable, by either API', async () => {
    const { client } = fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    for (const call of [
      client.listCourses({}),
      client.recordProgress({ courseId: 'c', lessonId: 'l', secondsSpent: 1 }),
    ]) {
      const error = await rejection(call);
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/preview/);
    }
  });

  it('reports an answer that is not an outcome by its HTTP status, by either API', async () => {
    const { client } = fakeServer(() => new Response('Forbidden', { status: 403 }));
    for (const [call, name] of [
      [client.listCourses({}), 'listCourses'],
      [client.setSettings({ theme: 'light' }), 'setSettings'],
    ] as const) {
      const error = await rejection(call);
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe(`The Studybook preview answered ${name} with HTTP 403.`);
    }
  });

  it('does not take a malformed error body at its word', async () => {
    const { client } = fakeServer(() => json(500, { ok: false, error: { code: 42 } }));
    const error = await rejection(client.listCourses({}));
    expect(error.code).toBe('internal');
  });
});

describe('the bridge transport', () => {
  type Calls = Pick<StudybookBridge, CallName>;
  function bridgeWith(calls: Partial<Record<CallName, unknown>>): Calls {
    return calls as Calls;
  }

  it("resolves to the value of the preload's outcome", async () => {
    const client = clientFor(
      bridgeTransport(bridgeWith({ listCourses: async () => ({ ok: true, value: emptyLibrary }) })),
    );
    await expect(client.listCourses({})).resolves.toEqual(emptyLibrary);
  });

  it("throws the preload's typed error", async () => {
    const client = clientFor(
      bridgeTransport(
        bridgeWith({
          openExternal: async () => ({
            ok: false,
            error: { code: 'forbidden', message: 'Only https links open.' },
          }),
        }),
      ),
    );
    const error = await rejection(client.openExternal({ url: 'https://example.org/' }));
    expect(error.code).toBe('forbidden');
  });

  it('reports a call the preload does not have as unknown instead of crashing', async () => {
    const client = clientFor(bridgeTransport(bridgeWith({})));
    const error = await rejection(client.getSettings({}));
    expect(error.code).toBe('unknown-call');
  });

  it('reports a failed IPC round trip as unavailable', async () => {
    const client = clientFor(
      bridgeTransport(
        bridgeWith({
          listCourses: async () => {
            throw new Error('An object could not be cloned.');
          },
        }),
      ),
    );
    const error = await rejection(client.listCourses({}));
    expect(error.code).toBe('unavailable');
  });
});

describe('server events', () => {
  /** An EventSource stand-in the test can fire named events on. */
  class FakeEventSource extends EventTarget {
    readonly url: string;
    closed = false;
    constructor(url: string) {
      super();
      this.url = url;
    }
    fire(type: string, data: string) {
      this.dispatchEvent(new MessageEvent(type, { data }));
    }
    close() {
      this.closed = true;
    }
  }

  function follow() {
    let source: FakeEventSource | undefined;
    const events: HostEvent[] = [];
    const stop = serverEvents('/events?token=t', (url) => {
      source = new FakeEventSource(url);
      return source as unknown as EventSource;
    })((event) => events.push(event));
    if (!source) throw new Error('serverEvents did not open a stream');
    return { source, events, stop };
  }

  it('passes on reloads and compile errors', () => {
    const { source, events } = follow();
    expect(source.url).toBe('/events?token=t');
    source.fire('reload', JSON.stringify({ courseId: 'python-backend' }));
    source.fire(
      'compile-error',
      JSON.stringify({ diagnostics: ['deployment.md:3:1: error: unclosed fence'] }),
    );
    expect(events).toEqual([
      { type: 'reload', courseId: 'python-backend' },
      { type: 'compile-error', diagnostics: ['deployment.md:3:1: error: unclosed fence'] },
    ]);
  });

  it('ignores events whose data it cannot read', () => {
    const { source, events } = follow();
    source.fire('reload', 'not json');
    source.fire('reload', JSON.stringify({ course: 'python-backend' }));
    source.fire('compile-error', JSON.stringify({ diagnostics: [1, 2] }));
    expect(events).toEqual([]);
  });

  it('closes the stream when the page stops following it', () => {
    const { source, stop } = follow();
    stop();
    expect(source.closed).toBe(true);
  });

  it('passes on the progress of an install, and nothing malformed', () => {
    const { source, events } = follow();
    source.fire(
      'import-progress',
      JSON.stringify({ uploadId: 'u1', phase: 'checking', fraction: 0.25 }),
    );
    source.fire(
      'import-progress',
      JSON.stringify({ uploadId: 'u1', phase: 'eating', fraction: 1 }),
    );
    source.fire('import-progress', JSON.stringify({ uploadId: 'u1', phase: 'installing' }));
    expect(events).toEqual([
      { type: 'import-progress', uploadId: 'u1', phase: 'checking', fraction: 0.25 },
    ]);
  });
});

describe('uploading a course pack to the preview host', () => {
  /** An XMLHttpRequest stand-in the test answers by hand. */
  function fakeRequest() {
    const request = {
      opened: [] as string[],
      headers: {} as Record<string, string>,
      body: undefined as unknown,
      status: 0,
      responseText: '',
      upload: { onprogress: null as ((event: ProgressEvent) => void) | null },
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      open(method: string, url: string) {
        this.opened.push(method, url);
      },
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      },
      send(body: unknown) {
        this.body = body;
      },
      answer(status: number, body: unknown) {
        this.status = status;
        this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
        this.onload?.();
      },
    };
    return request;
  }

  function start() {
    const request = fakeRequest();
    const upload = httpUpload({ token: 'run-token', open: () => request as never });
    const progress: number[] = [];
    const file = new File(['pack bytes'], 'Woche 3 – Git.studypack');
    const done = upload(file, (fraction) => progress.push(fraction));
    return { request, progress, file, done };
  }

  it('posts the file as the body, with the token and its name, and reports progress', async () => {
    const { request, progress, file, done } = start();
    expect(request.opened).toEqual(['POST', '/upload/pack']);
    expect(request.headers).toEqual({
      'Content-Type': 'application/octet-stream',
      'X-Studybook-Token': 'run-token',
      'X-Studybook-File-Name': encodeURIComponent('Woche 3 – Git.studypack'),
    });
    expect(request.body).toBe(file);
    request.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 } as ProgressEvent);
    const staged = { uploadId: 'a'.repeat(32), name: 'Woche 3 – Git.studypack', bytes: 10 };
    request.answer(200, { ok: true, value: staged });
    await expect(done).resolves.toEqual(staged);
    expect(progress).toEqual([0.5]);
  });

  it("throws the host's refusal as a StudybookError", async () => {
    const { request, done } = start();
    request.answer(413, {
      ok: false,
      error: { code: 'invalid-input', message: 'The file is larger than 2 GB.' },
    });
    await expect(done).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'The file is larger than 2 GB.',
    });
  });

  it('reports a host that cannot be reached, or answers without an outcome', async () => {
    const first = start();
    first.request.onerror?.();
    await expect(first.done).rejects.toMatchObject({ code: 'unavailable' });
    const second = start();
    second.request.answer(502, '<html>Bad gateway</html>');
    await expect(second.done).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('the bridge in Electron', () => {
  it('uploads through the preload, reporting the share sent', async () => {
    const staged = { uploadId: 'b'.repeat(32), name: 'x.studypack', bytes: 4 };
    const calls: unknown[][] = [];
    const upload = bridgeUpload({
      uploadPack: async (file, name, onProgress) => {
        calls.push([file.size, name]);
        onProgress?.(2, 4);
        return { ok: true, value: staged };
      },
    });
    const progress: number[] = [];
    await expect(
      upload(new File(['abcd'], 'x.studypack'), (fraction) => progress.push(fraction)),
    ).resolves.toEqual(staged);
    expect(calls).toEqual([[4, 'x.studypack']]);
    expect(progress).toEqual([0.5]);
  });

  it('throws the refusal of main, and says so when the preload cannot upload', async () => {
    const refusing = bridgeUpload({
      uploadPack: async () => ({ ok: false, error: { code: 'invalid-input', message: 'No.' } }),
    });
    await expect(refusing(new File(['x'], 'x.studypack'))).rejects.toBeInstanceOf(StudybookError);
    await expect(bridgeUpload({})(new File(['x'], 'x.studypack'))).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('turns the preload’s host events into the page’s', () => {
    const events: HostEvent[] = [];
    let deliver: ((message: never) => void) | undefined;
    bridgeEvents({
      onHostEvent: (listener) => {
        deliver = listener as never;
        return () => {};
      },
    })((event) => events.push(event));
    deliver?.({
      type: 'pack-opened',
      data: { uploadId: 'u', name: 'x.studypack', bytes: 3 },
    } as never);
    deliver?.({
      type: 'import-progress',
      data: { uploadId: 'u', phase: 'installing', fraction: 1 },
    } as never);
    expect(events).toEqual([
      { type: 'pack-opened', uploadId: 'u', name: 'x.studypack' },
      { type: 'import-progress', uploadId: 'u', phase: 'installing', fraction: 1 },
    ]);
    expect(bridgeEvents({})(() => {})).toBeTypeOf('function');
  });
});
