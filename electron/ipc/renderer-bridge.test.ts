import { describe, expect, it, vi } from 'vitest';
import { api } from '../api.ts';
import { CALL_NAMES } from './call-names.ts';
import { createBridge, type BridgeTransport } from './renderer-bridge.ts';

function makeTransport(overrides: Partial<BridgeTransport> = {}) {
  const menuListeners = new Set<(payload: unknown) => void>();
  const hostListeners = new Set<(payload: unknown) => void>();
  const transport = {
    invoke: vi.fn(async (name: string, input: unknown) => ({ ok: true, value: { name, input } })),
    subscribeToMenuCommands: vi.fn((listener: (payload: unknown) => void) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    }),
    subscribeToHostEvents: vi.fn((listener: (payload: unknown) => void) => {
      hostListeners.add(listener);
      return () => hostListeners.delete(listener);
    }),
    upload: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    ...overrides,
  };
  const sendMenu = (payload: unknown) => menuListeners.forEach((listener) => listener(payload));
  const sendHost = (payload: unknown) => hostListeners.forEach((listener) => listener(payload));
  return { transport, sendMenu, sendHost, menuListeners, hostListeners };
}

describe('CALL_NAMES', () => {
  it('lists exactly the calls of the contract', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(api).sort());
  });
});

describe('createBridge', () => {
  it('exposes one function per call, onMenuCommand, onHostEvent and uploadPack, nothing else', () => {
    const bridge = createBridge(makeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual(
      [...CALL_NAMES, 'onMenuCommand', 'onHostEvent', 'uploadPack'].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('cannot be changed by the page', () => {
    const bridge = createBridge(makeTransport().transport);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each call under its own name with the input as given', async () => {
    const { transport } = makeTransport();
    const bridge = createBridge(transport);
    const input = { courseId: 'git-essentials', lessonId: 'commits' };
    await expect(bridge.openLesson(input)).resolves.toEqual({
      ok: true,
      value: { name: 'openLesson', input },
    });
    expect(transport.invoke).toHaveBeenCalledWith('openLesson', input);
  });

  it('turns a failed IPC round trip into an unavailable outcome instead of a rejection', async () => {
    const { transport } = makeTransport({
      invoke: async () => {
        throw new Error("No handler registered for 'studybook:call'");
      },
    });
    await expect(createBridge(transport).listCourses({})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.any(String) },
    });
  });

  it('delivers known menu commands to the page, without the IPC event', () => {
    const { transport, sendMenu } = makeTransport();
    const listener = vi.fn();
    createBridge(transport).onMenuCommand(listener);
    sendMenu('toggle-theme');
    sendMenu('show-shortcuts');
    expect(listener.mock.calls).toEqual([['toggle-theme'], ['show-shortcuts']]);
  });

  it('drops payloads that are not menu commands', () => {
    const { transport, sendMenu } = makeTransport();
    const listener = vi.fn();
    createBridge(transport).onMenuCommand(listener);
    sendMenu('delete-everything');
    sendMenu({ command: 'toggle-theme' });
    sendMenu(undefined);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops delivering once the page unsubscribes', () => {
    const { transport, sendMenu, menuListeners } = makeTransport();
    const listener = vi.fn();
    const unsubscribe = createBridge(transport).onMenuCommand(listener);
    expect(unsubscribe()).toBeUndefined();
    sendMenu('toggle-theme');
    expect(listener).not.toHaveBeenCalled();
    expect(menuListeners.size).toBe(0);
  });

  it('refuses a menu listener that is not a function', () => {
    const bridge = createBridge(makeTransport().transport);
    expect(() => bridge.onMenuCommand('alert(1)' as never)).toThrow(TypeError);
  });
});

describe('uploading a pack through the bridge', () => {
  function uploadingTransport(answers: Partial<Record<string, unknown>> = {}) {
    const steps: unknown[][] = [];
    const { transport } = makeTransport({
      upload: vi.fn(async (step: string, ...args: unknown[]) => {
        steps.push([step, ...args.map((arg) => (arg instanceof Uint8Array ? arg.length : arg))]);
        if (step in answers) return answers[step];
        if (step === 'begin') return { ok: true, value: { transferId: 't1' } };
        if (step === 'finish') {
          return { ok: true, value: { uploadId: 'a'.repeat(32), name: 'x.studypack', bytes: 3 } };
        }
        return { ok: true, value: null };
      }),
    });
    return { bridge: createBridge(transport), steps };
  }

  it('sends the file in 1 MiB chunks between begin and finish, reporting progress', async () => {
    const { bridge, steps } = uploadingTransport();
    const file = new Blob([new Uint8Array(1024 * 1024 + 10)]);
    const progress: number[] = [];
    const outcome = await bridge.uploadPack(file, 'x.studypack', (sent) => progress.push(sent));
    expect(outcome).toMatchObject({ ok: true, value: { uploadId: 'a'.repeat(32) } });
    expect(steps).toEqual([
      ['begin', 'x.studypack', 1024 * 1024 + 10],
      ['chunk', 't1', 1024 * 1024],
      ['chunk', 't1', 10],
      ['finish', 't1'],
    ]);
    expect(progress).toEqual([1024 * 1024, 1024 * 1024 + 10]);
  });

  it('aborts the transfer and answers main’s refusal when a chunk is refused', async () => {
    const refusal = { ok: false, error: { code: 'invalid-input', message: 'Too large.' } };
    const { bridge, steps } = uploadingTransport({ chunk: refusal });
    const outcome = await bridge.uploadPack(new Blob(['abc']), 'x.studypack');
    expect(outcome).toEqual(refusal);
    expect(steps.map(([step]) => step)).toEqual(['begin', 'chunk', 'abort']);
  });

  it('answers unavailable instead of rejecting when IPC fails', async () => {
    const { transport } = makeTransport({
      upload: vi.fn(async () => Promise.reject(new Error('x'))),
    });
    const outcome = await createBridge(transport).uploadPack(new Blob(['abc']), 'x.studypack');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers well-formed host events only', () => {
    const { transport, sendHost } = makeTransport();
    const listener = vi.fn();
    const stop = createBridge(transport).onHostEvent(listener);
    const progress = {
      type: 'import-progress',
      data: { uploadId: 'u', phase: 'checking', fraction: 0.5 },
    };
    sendHost(progress);
    sendHost({ type: 'import-progress', data: { uploadId: 'u', phase: 'hacking', fraction: 1 } });
    sendHost({ type: 'pack-opened', data: { uploadId: 'u' } });
    sendHost('pack-opened');
    stop();
    sendHost(progress);
    expect(listener.mock.calls).toEqual([[progress]]);
  });
});
