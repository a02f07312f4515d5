import { describe, expect, it } from 'vitest';
import {
  activeSeconds,
  ProgressBuffer,
  RETRY_DELAYS_MS,
  TIME_WRITE_INTERVAL_MS,
  writeDelay,
  type WriteTiming,
} from './progress-buffer.ts';

function makeTiming(overrides: Partial<WriteTiming> = {}): WriteTiming {
  return { now: 10_000, lastWriteAt: 10_000, failures: 0, hasNews: true, seconds: 0, ...overrides };
}

describe('ProgressBuffer', () => {
  it('has nothing to write until something happens', () => {
    expect(new ProgressBuffer(null).take()).toBeNull();
  });

  it('writes the latest position, the sections seen and read and the whole seconds spent, once', () => {
    const buffer = new ProgressBuffer(null);
    buffer.move({ sectionId: 'a', offset: 0.1 });
    buffer.move({ sectionId: 'b', offset: 0.5 });
    buffer.see(['a', 'b']);
    buffer.read(['a']);
    buffer.spend(2.6);
    expect(buffer.take()).toEqual({
      position: { sectionId: 'b', offset: 0.5 },
      sectionsSeen: ['a', 'b'],
      sectionsRead: ['a'],
      secondsSpent: 2,
    });
    expect(buffer.take(), 'a taken change is not written twice').toBeNull();
  });

  it('keeps the fraction of a second it did not write for the next write', () => {
    const buffer = new ProgressBuffer(null);
    buffer.spend(1.4);
    expect(buffer.take()).toEqual({ secondsSpent: 1 });
    buffer.spend(0.2);
    expect(buffer.take()).toBeNull();
    buffer.spend(0.4);
    expect(buffer.take()).toEqual({ secondsSpent: 1 });
  });

  it('does not write the position the store already has', () => {
    const buffer = new ProgressBuffer({ sectionId: 'a', offset: 0.5 });
    buffer.move({ sectionId: 'a', offset: 0.5001 });
    expect(buffer.hasNews).toBe(false);
    buffer.move({ sectionId: 'a', offset: 0.7 });
    buffer.move({ sectionId: 'a', offset: 0.5 });
    expect(buffer.take(), 'moving away and back again is no news').toBeNull();
  });

  it('puts a failed write back without losing what happened since', () => {
    const buffer = new ProgressBuffer(null);
    buffer.move({ sectionId: 'a', offset: 0.2 });
    buffer.read(['a']);
    buffer.spend(5);
    const failed = buffer.take();
    if (!failed) throw new Error('the buffer had changes to take');
    buffer.move({ sectionId: 'b', offset: 0.1 });
    buffer.read(['b']);
    buffer.putBack(failed);
    expect(buffer.take()).toEqual({
      position: { sectionId: 'b', offset: 0.1 },
      sectionsRead: ['b', 'a'],
      secondsSpent: 5,
    });
  });

  it('restores the position of a failed write when nothing newer came', () => {
    const buffer = new ProgressBuffer(null);
    buffer.move({ sectionId: 'a', offset: 0.2 });
    buffer.putBack(buffer.take() ?? {});
    expect(buffer.take()?.position).toEqual({ sectionId: 'a', offset: 0.2 });
  });
});

describe('writeDelay', () => {
  it('waits for nothing when there is nothing to write', () => {
    expect(writeDelay(makeTiming({ hasNews: false, seconds: 0.5 }))).toBeNull();
  });

  it('writes news at most once a second', () => {
    expect(writeDelay(makeTiming({ now: 10_300 }))).toBe(700);
    expect(writeDelay(makeTiming({ now: 12_000 }))).toBe(0);
  });

  it('writes reading time alone only every half minute', () => {
    expect(writeDelay(makeTiming({ hasNews: false, seconds: 4, now: 11_000 }))).toBe(
      TIME_WRITE_INTERVAL_MS - 1_000,
    );
  });

  it('backs off after failures, up to its longest delay', () => {
    expect(writeDelay(makeTiming({ failures: 1 }))).toBe(RETRY_DELAYS_MS[0]);
    expect(writeDelay(makeTiming({ failures: 3 }))).toBe(RETRY_DELAYS_MS[2]);
    expect(writeDelay(makeTiming({ failures: 99 }))).toBe(RETRY_DELAYS_MS.at(-1));
  });
});

describe('activeSeconds', () => {
  it('counts the time between two moments while the learner is active', () => {
    expect(activeSeconds(0, 5_000, 4_000, 120_000)).toBe(5);
  });

  it('stops counting a while after the last sign of activity', () => {
    expect(activeSeconds(0, 3_600_000, 1_000, 120_000)).toBe(121);
    expect(activeSeconds(500_000, 600_000, 1_000, 120_000)).toBe(0);
  });
});
