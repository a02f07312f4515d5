import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../api.ts';
import { CallFailure, type Handlers } from '../dispatch.ts';
import { CALL_CHANNEL } from './channels.ts';
import { answerCall, judgeSender, registerContractHandlers, type SenderFrame } from './ipc-main.ts';

// Electron cannot run here; ipcMain is replaced by a recorder of what the wrapper registers.
const ipcMain = vi.hoisted(() => ({
  registered: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.registered.has(channel)) throw new Error(`second handler for ${channel}`);
    this.registered.set(channel, listener);
  },
  removeHandler(channel: string) {
    this.registered.delete(channel);
  },
}));
vi.mock('electron', () => ({ ipcMain }));

function makeFrame(url: string, overrides: Partial<{ parent: unknown }> = {}): SenderFrame {
  return { url, parent: null, ...overrides };
}

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const unexpected = () => {
    throw new Error('this handler should not run');
  };
  return {
    listCourses: vi.fn(() => ({ courses: [], problems: [], progressRecovery: null, resume: null })),
    openLesson: vi.fn(unexpected),
    recordProgress: vi.fn(() => ({ savedAt: '2025-01-01T00:00:00.000Z' })),
    answerQuestion: vi.fn(unexpected),
    getSettings: vi.fn(() => ({
      theme: 'system' as const,
      textSize: 'medium' as const,
      reducedMotion: 'system' as const,
    })),
    setSettings: vi.fn(unexpected),
    getResume: vi.fn(() => null),
    openExternal: vi.fn(unexpected),
    search: vi.fn(unexpected),
    installPack: vi.fn(unexpected),
    discardPack: vi.fn(unexpected),
    removeCourse: vi.fn(unexpected),
    ...overrides,
  };
}

const APP_PAGE = 'app://studybook/index.html#/python-backend/deployment';
const quiet = () => {};

describe('judgeSender', () => {
  it('trusts the top-level frame of the app page', () => {
    expect(judgeSender(makeFrame(APP_PAGE))).toEqual({ trusted: true });
  });

  it.each([
    ['an https page', 'https://evil.example/'],
    ['a page on localhost', 'http://127.0.0.1:5173/index.html'],
    ['a file: page', 'file:///opt/Studybook/resources/app/dist/renderer/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://studybook.evil/index.html'],
    ['credentials in front of a foreign host', 'app://studybook@evil/index.html'],
    ['a blank frame', 'about:blank'],
    ['an empty URL', ''],
  ])('refuses %s', (_what, url) => {
    const verdict = judgeSender(makeFrame(url));
    expect(verdict.trusted).toBe(false);
  });

  it('refuses a subframe, even one on the app origin', () => {
    expect(judgeSender(makeFrame(APP_PAGE, { parent: makeFrame(APP_PAGE) }))).toEqual({
      trusted: false,
      reason: 'it comes from a subframe',
    });
  });

  it('refuses a sender whose frame is gone', () => {
    expect(judgeSender(null).trusted).toBe(false);
    expect(judgeSender(undefined).trusted).toBe(false);
  });

  it('refuses, without throwing, a disposed frame whose properties throw', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(judgeSender(disposed)).toEqual({ trusted: false, reason: 'its frame is gone' });
  });
});

describe('answerCall', () => {
  it('runs the handler for the app page and returns its value', async () => {
    const handlers = makeHandlers();
    const outcome = await answerCall(handlers, makeFrame(APP_PAGE), 'getSettings', {}, quiet);
    expect(outcome).toEqual({
      ok: true,
      value: { theme: 'system', textSize: 'medium', reducedMotion: 'system' },
    });
    expect(handlers.getSettings).toHaveBeenCalledOnce();
  });

  it('answers a foreign sender with forbidden and never runs the handler', async () => {
    const handlers = makeHandlers();
    const log = vi.fn();
    const outcome = await answerCall(
      handlers,
      makeFrame('https://evil.example/'),
      'listCourses',
      {},
      log,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.listCourses).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('checks the sender before the input: a foreign sender learns nothing about the schema', async () => {
    const outcome = await answerCall(
      makeHandlers(),
      makeFrame('https://evil.example/'),
      'openLesson',
      { courseId: '../../etc' },
      quiet,
    );
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) },
    });
  });

  it('rejects bad input with a typed invalid-input error and never runs the handler', async () => {
    const handlers = makeHandlers();
    const outcome = await answerCall(
      handlers,
      makeFrame(APP_PAGE),
      'recordProgress',
      { courseId: 'python-backend', lessonId: 'Deployment!', secondsSpent: -5 },
      quiet,
    );
    expect(outcome.ok).toBe(false);
    const { error } = outcome as Extract<CallOutcome<unknown>, { ok: false }>;
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lessonId: /),
        expect.stringMatching(/^secondsSpent: /),
      ]),
    );
    expect(handlers.recordProgress).not.toHaveBeenCalled();
  });

  it('answers an unknown or non-string call name with unknown-call', async () => {
    const frame = makeFrame(APP_PAGE);
    await expect(
      answerCall(makeHandlers(), frame, 'deleteEverything', {}, quiet),
    ).resolves.toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    await expect(
      answerCall(makeHandlers(), frame, { name: 'x' }, {}, quiet),
    ).resolves.toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    await expect(answerCall(makeHandlers(), frame, '__proto__', {}, quiet)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
  });

  it('passes a handler’s deliberate failure through with its code', async () => {
    const handlers = makeHandlers({
      openLesson: () => {
        throw new CallFailure('not-found', 'There is no lesson "nope" in Python Backend.');
      },
    });
    const outcome = await answerCall(
      handlers,
      makeFrame(APP_PAGE),
      'openLesson',
      { courseId: 'python-backend', lessonId: 'nope' },
      quiet,
    );
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no lesson "nope" in Python Backend.' },
    });
  });
});

describe('registerContractHandlers', () => {
  beforeEach(() => {
    ipcMain.registered.clear();
  });

  it('registers one handler, on the call channel', () => {
    registerContractHandlers(makeHandlers(), quiet);
    expect([...ipcMain.registered.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('routes an app-page call to the handler through the sender check', async () => {
    const handlers = makeHandlers();
    registerContractHandlers(handlers, quiet);
    const listener = ipcMain.registered.get(CALL_CHANNEL);
    const outcome = await listener?.({ senderFrame: makeFrame(APP_PAGE) }, 'getResume', {});
    expect(outcome).toEqual({ ok: true, value: null });
    expect(handlers.getResume).toHaveBeenCalledWith({});
  });

  it('refuses a call from a foreign frame that reaches the channel', async () => {
    const handlers = makeHandlers();
    registerContractHandlers(handlers, quiet);
    const listener = ipcMain.registered.get(CALL_CHANNEL);
    const outcome = await listener?.(
      { senderFrame: makeFrame('https://evil.example/') },
      'getResume',
      {},
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.getResume).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is already gone', async () => {
    const handlers = makeHandlers();
    registerContractHandlers(handlers, quiet);
    const outcome = await ipcMain.registered.get(CALL_CHANNEL)?.(
      { senderFrame: null },
      'getSettings',
      {},
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.getSettings).not.toHaveBeenCalled();
  });

  it('unregisters with the function it returns', () => {
    const unregister = registerContractHandlers(makeHandlers(), quiet);
    unregister();
    expect(ipcMain.registered.size).toBe(0);
  });
});
