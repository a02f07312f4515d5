import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressChanges } from './progress-buffer.ts';
import {
  IDLE_AFTER_MS,
  ReadingTracker,
  type ReadingTrackerOptions,
} from './reading-tracker.svelte.ts';

/** A promise the test settles when it likes: a write that is still on its way. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function makeTracker(overrides: Partial<ReadingTrackerOptions> = {}) {
  const writes: ProgressChanges[] = [];
  const tracker = new ReadingTracker({
    sections: [
      { id: 'one', readingSeconds: 10 },
      { id: 'two', readingSeconds: 100 },
    ],
    sectionsRead: [],
    position: null,
    save: async (changes) => {
      writes.push(changes);
    },
    now: () => Date.now(),
    ...overrides,
  });
  return { tracker, writes };
}

describe('ReadingTracker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes at most once a second, with the latest position', async () => {
    const { tracker, writes } = makeTracker();
    vi.advanceTimersByTime(2_000);
    tracker.moveTo({ sectionId: 'one', offset: 0.1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(writes, 'the first change goes out at once, a second after opening').toHaveLength(1);

    tracker.moveTo({ sectionId: 'one', offset: 0.2 });
    tracker.moveTo({ sectionId: 'two', offset: 0.3 });
    await vi.advanceTimersByTimeAsync(500);
    expect(writes, 'nothing more within the second').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(writes.map((w) => w.position)).toEqual([
      { sectionId: 'one', offset: 0.1 },
      { sectionId: 'two', offset: 0.3 },
    ]);
  });

  it('marks sections read once, and ignores ids the lesson does not have', async () => {
    const { tracker, writes } = makeTracker({ sectionsRead: ['one'] });
    expect([...tracker.read]).toEqual(['one']);
    tracker.markRead(['one', 'two', 'ghost']);
    expect([...tracker.read]).toEqual(['one', 'two']);
    await tracker.flush();
    expect(writes).toEqual([{ sectionsRead: ['two'] }]);
  });

  it('sends what is pending at once when the lesson is left, whatever the interval', async () => {
    const { tracker, writes } = makeTracker();
    tracker.moveTo({ sectionId: 'two', offset: 0.5 });
    await tracker.stop();
    expect(writes, 'written without waiting for the second').toEqual([
      { position: { sectionId: 'two', offset: 0.5 } },
    ]);
  });

  it('counts reading time only while the lesson is on screen and the learner is active', async () => {
    const { tracker, writes } = makeTracker();
    await tracker.visible(true);
    vi.advanceTimersByTime(5_000);
    await tracker.visible(false);
    vi.advanceTimersByTime(60_000);
    await tracker.visible(true);
    vi.advanceTimersByTime(IDLE_AFTER_MS + 600_000);
    await tracker.flush();
    expect(writes.map((w) => w.secondsSpent)).toEqual([5, IDLE_AFTER_MS / 1000]);
  });

  it('marks a section read after it has been on screen long enough to read', () => {
    const { tracker } = makeTracker();
    void tracker.visible(true);
    for (let second = 0; second < 7; second += 1) {
      vi.advanceTimersByTime(1_000);
      tracker.tick(['one']);
    }
    expect(tracker.read.has('one'), 'not after 7 of its 10 seconds').toBe(false);
    vi.advanceTimersByTime(1_000);
    tracker.tick(['one']);
    expect(tracker.read.has('one'), 'after 8').toBe(true);
  });

  it('puts a failed write back and retries it, so nothing is lost', async () => {
    const attempts: ProgressChanges[] = [];
    let fail = true;
    const { tracker } = makeTracker({
      save: async (changes) => {
        attempts.push(changes);
        if (fail) throw new Error('the host is not answering');
      },
    });
    tracker.moveTo({ sectionId: 'one', offset: 0.4 });
    tracker.markRead(['one']);
    await tracker.flush();
    fail = false;
    tracker.moveTo({ sectionId: 'two', offset: 0.1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(attempts.at(-1), 'the retry carries the old changes and the new position').toEqual({
      position: { sectionId: 'two', offset: 0.1 },
      sectionsRead: ['one'],
    });
  });

  it('sends one write at a time: a flush during a write follows it', async () => {
    const first = deferred();
    const sent: ProgressChanges[] = [];
    const { tracker } = makeTracker({
      save: (changes) => {
        sent.push(changes);
        return sent.length === 1 ? first.promise : Promise.resolve();
      },
    });
    tracker.moveTo({ sectionId: 'one', offset: 0.1 });
    const firstFlush = tracker.flush();
    tracker.moveTo({ sectionId: 'two', offset: 0.2 });
    const secondFlush = tracker.flush();
    expect(sent, 'the second waits for the first').toHaveLength(1);
    first.resolve();
    await Promise.all([firstFlush, secondFlush]);
    expect(sent.map((changes) => changes.position?.sectionId)).toEqual(['one', 'two']);
  });
});
