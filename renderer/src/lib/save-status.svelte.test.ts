import { describe, expect, it } from 'vitest';
import { StudybookError } from './client.ts';
import { SaveStatus } from './save-status.svelte.ts';

describe('SaveStatus', () => {
  it('moves to each later save time the host confirms, never back', async () => {
    const saves = new SaveStatus();
    expect(saves.savedAt).toBeNull();
    saves.saw('2026-11-27T10:00:00.000Z');
    await saves.track(Promise.resolve({ savedAt: '2026-11-27T10:00:05.000Z' }));
    saves.saw('2026-11-27T09:00:00.000Z');
    expect(saves.savedAt).toBe('2026-11-27T10:00:05.000Z');
  });

  it('tells of a failed write until a write succeeds', async () => {
    const saves = new SaveStatus();
    const failure = new StudybookError({ code: 'unavailable', message: 'No host.' });
    await expect(saves.track(Promise.reject(failure))).rejects.toBe(failure);
    expect(saves.problem).toBe('No host.');
    await saves.track(Promise.resolve({ savedAt: '2026-11-27T10:00:00.000Z' }));
    expect(saves.problem).toBeNull();
  });

  it('settles once every write begun has finished, however it went', async () => {
    const saves = new SaveStatus();
    let finish!: () => void;
    const slow = new Promise<{ savedAt: string }>((resolve) => {
      finish = () => resolve({ savedAt: '2026-11-27T10:00:00.000Z' });
    });
    void saves.track(slow);
    saves.hold(Promise.reject(new Error('lost')));
    let settled = false;
    const waiting = saves.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish();
    await waiting;
    expect(settled).toBe(true);
  });
});
