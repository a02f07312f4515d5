import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance.ts';

function makeApp(gotLock: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    requestSingleInstanceLock: vi.fn(() => gotLock),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      listeners.set(event, listener);
    }),
  };
}

describe('claimSingleInstance', () => {
  it('reports the first instance and forwards later launches’ arguments to it', () => {
    const app = makeApp(true);
    const onSecondInstance = vi.fn();
    expect(claimSingleInstance(app as unknown as App, onSecondInstance)).toBe(true);
    app.listeners.get('second-instance')?.({}, ['studybook', '--flag'], '/home/ada');
    expect(onSecondInstance).toHaveBeenCalledWith(['studybook', '--flag'], '/home/ada');
  });

  it('reports a second instance, which must quit, and listens for nothing', () => {
    const app = makeApp(false);
    expect(claimSingleInstance(app as unknown as App, vi.fn())).toBe(false);
    expect(app.on).not.toHaveBeenCalled();
  });
});
