import { describe, expect, it, vi } from 'vitest';
import { api } from '../api.ts';
import { CALL_NAMES } from './call-names.ts';
import { createBridge, type BridgeTransport } from './renderer-bridge.ts';

function makeTransport(overrides: Partial<BridgeTransport> = {}) {
  const menuListeners = new Set<(payload: unknown) => void>();
  const transport = {
    invoke: vi.fn(async (name: string, input: unknown) => ({ ok: true, value: { name, input } })),
    subscribeToMenuCommands: vi.fn((listener: (payload: unknown) => void) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    }),
    ...overrides,
  };
  const sendMenu = (payload: unknown) => menuListeners.forEach((listener) => listener(payload));
  return { transport, sendMenu, menuListeners };
}

describe('CALL_NAMES', () => {
  it('lists exactly the calls of the contract', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(api).sort());
  });
});

describe('createBridge', () => {
  it('exposes one function per call and onMenuCommand, nothing else', () => {
    const bridge = createBridge(makeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES, 'onMenuCommand'].sort());
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
