// What the page has noticed about the learner's reading since its last save, and when to save
// it. The page notices often (every scroll frame); the store is written at most once a second,
// plus whenever the learner leaves the lesson or hides the window. A write that fails is put
// back and retried, so nothing the learner did is lost.
import type { Position } from './reading.ts';

/** Writes that carry news (position, sections) are at least this far apart. */
export const MIN_WRITE_INTERVAL_MS = 1_000;

/** Reading time alone is saved this often. */
export const TIME_WRITE_INTERVAL_MS = 30_000;

/** After the n-th failure in a row, the next try waits RETRY_DELAYS_MS[n - 1] (the last one repeats). */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** Positions closer than this (a fraction of a section) are the same place. */
export const POSITION_TOLERANCE = 0.002;

/** One write's worth of changes, shaped like the contract's recordProgress input. */
export interface ProgressChanges {
  position?: Position;
  sectionsSeen?: string[];
  sectionsRead?: string[];
  secondsSpent?: number;
}

/** Collects changes between writes. Pure; never throws. */
export class ProgressBuffer {
  #position: Position | null = null;
  /** The position last taken for writing (or restored from the store): moving there is not news. */
  #settled: Position | null;
  readonly #seen = new Set<string>();
  readonly #read = new Set<string>();
  #seconds = 0;

  constructor(savedPosition: Position | null) {
    this.#settled = savedPosition;
  }

  /** Records where the learner is, unless that is where the store already has them. */
  move(position: Position): void {
    const known = this.#position ?? this.#settled;
    if (known && samePosition(known, position)) return;
    this.#position = samePosition(this.#settled, position) ? null : position;
  }

  see(ids: Iterable<string>): void {
    for (const id of ids) this.#seen.add(id);
  }

  read(ids: Iterable<string>): void {
    for (const id of ids) this.#read.add(id);
  }

  spend(seconds: number): void {
    if (seconds > 0 && Number.isFinite(seconds)) this.#seconds += seconds;
  }

  /** Is there a position or a section to save (as opposed to reading time alone)? */
  get hasNews(): boolean {
    return this.#position !== null || this.#seen.size > 0 || this.#read.size > 0;
  }

  /** Reading time not yet saved, in seconds. */
  get seconds(): number {
    return this.#seconds;
  }

  /** Everything collected, emptying the buffer; null when there is nothing to write. */
  take(): ProgressChanges | null {
    // Whole seconds only; the tolerance keeps sums like 0.4 + 0.2 + 0.4 from losing one.
    const seconds = Math.floor(this.#seconds + 1e-6);
    if (!this.hasNews && seconds === 0) return null;
    const changes: ProgressChanges = {};
    if (this.#position) changes.position = this.#position;
    if (this.#seen.size > 0) changes.sectionsSeen = [...this.#seen];
    if (this.#read.size > 0) changes.sectionsRead = [...this.#read];
    if (seconds > 0) changes.secondsSpent = seconds;
    if (this.#position) this.#settled = this.#position;
    this.#position = null;
    this.#seen.clear();
    this.#read.clear();
    this.#seconds -= seconds;
    return changes;
  }

  /** Puts the changes of a failed write back; a position recorded since then wins over its one. */
  putBack(changes: ProgressChanges): void {
    if (changes.position && !this.#position) this.#position = changes.position;
    this.see(changes.sectionsSeen ?? []);
    this.read(changes.sectionsRead ?? []);
    this.spend(changes.secondsSpent ?? 0);
  }
}

export interface WriteTiming {
  now: number;
  /** When the last write was sent (or the lesson opened). */
  lastWriteAt: number;
  /** Failed writes in a row. */
  failures: number;
  hasNews: boolean;
  seconds: number;
}

/** Milliseconds until the next write should be sent, or null when there is nothing to send. */
export function writeDelay(timing: WriteTiming): number | null {
  const { now, lastWriteAt, failures, hasNews, seconds } = timing;
  if (!hasNews && seconds < 1) return null;
  let interval: number = hasNews ? MIN_WRITE_INTERVAL_MS : TIME_WRITE_INTERVAL_MS;
  if (failures > 0) {
    const retry = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1];
    interval = Math.max(interval, retry ?? 0);
  }
  return Math.max(0, lastWriteAt + interval - now);
}

/**
 * Seconds of real reading between `from` and `to`: time after the learner's last sign of life
 * (`lastActivity`) counts only up to `idleAfterMs`, so a window left open overnight is not study.
 */
export function activeSeconds(
  from: number,
  to: number,
  lastActivity: number,
  idleAfterMs: number,
): number {
  const end = Math.min(to, lastActivity + idleAfterMs);
  return Math.max(0, end - from) / 1000;
}

function samePosition(a: Position | null, b: Position): boolean {
  return (
    a !== null && a.sectionId === b.sectionId && Math.abs(a.offset - b.offset) < POSITION_TOLERANCE
  );
}
