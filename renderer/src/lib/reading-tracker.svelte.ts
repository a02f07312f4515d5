// One open lesson's reading: which section is being read, which are read, and the batched
// writes that save position, sections and time. The DOM side (reading-observer.ts) reports what
// it measures; the rules live in reading.ts and progress-buffer.ts.
import { SvelteSet } from 'svelte/reactivity';
import {
  activeSeconds,
  ProgressBuffer,
  writeDelay,
  type ProgressChanges,
} from './progress-buffer.ts';
import { DwellClock, type Position } from './reading.ts';

/** Reading time stops counting this long after the learner's last scroll, key or click. */
export const IDLE_AFTER_MS = 120_000;

export interface ReadingTrackerOptions {
  sections: readonly { id: string; readingSeconds: number }[];
  /** Sections the store already has as read. */
  sectionsRead: readonly string[];
  /** Where the store has the learner. */
  position: Position | null;
  /** Saves one batch of changes; rejects when the store could not. */
  save(changes: ProgressChanges): Promise<unknown>;
  now?: () => number;
}

export class ReadingTracker {
  readonly #read: SvelteSet<string>;
  #current = $state<string | null>(null);
  readonly #known: readonly string[];
  readonly #buffer: ProgressBuffer;
  readonly #dwell: DwellClock;
  readonly #save: ReadingTrackerOptions['save'];
  readonly #now: () => number;
  #lastWriteAt: number;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #dueAt = Infinity;
  #writing: Promise<void> | null = null;
  /** Reading time counts from here while the lesson is on screen; null while it is not. */
  #countFrom: number | null = null;
  #lastActivity: number;

  constructor(options: ReadingTrackerOptions) {
    this.#known = options.sections.map((section) => section.id);
    this.#read = new SvelteSet(options.sectionsRead.filter((id) => this.#known.includes(id)));
    this.#buffer = new ProgressBuffer(options.position);
    this.#dwell = new DwellClock(options.sections);
    this.#save = options.save;
    this.#now = options.now ?? (() => Date.now());
    this.#lastWriteAt = this.#now();
    this.#lastActivity = this.#lastWriteAt;
  }

  /** Ids of the sections read, saved or not yet. */
  get read(): ReadonlySet<string> {
    return this.#read;
  }

  /** The section being read, or null (the introduction, or past the last section). */
  get current(): string | null {
    return this.#current;
  }

  setCurrent(sectionId: string | null): void {
    if (sectionId !== this.#current) this.#current = sectionId;
  }

  moveTo(position: Position): void {
    if (!this.#known.includes(position.sectionId)) return;
    this.#buffer.move(position);
    this.#schedule();
  }

  see(ids: readonly string[]): void {
    const known = ids.filter((id) => this.#known.includes(id));
    if (known.length === 0) return;
    this.#buffer.see(known);
    this.#schedule();
  }

  markRead(ids: readonly string[]): void {
    const fresh = ids.filter((id) => this.#known.includes(id) && !this.#read.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.#read.add(id);
    this.#buffer.read(fresh);
    this.#schedule();
  }

  /** The learner scrolled, typed or clicked: reading time keeps counting. */
  active(): void {
    this.#lastActivity = this.#now();
  }

  /** The lesson came on screen (or went off it: then what is pending is saved at once). */
  visible(isVisible: boolean): Promise<void> {
    if (isVisible) {
      if (this.#countFrom === null) this.#countFrom = this.#now();
      this.active();
      return Promise.resolve();
    }
    this.#accrue();
    this.#countFrom = null;
    return this.flush();
  }

  /**
   * A second passed with `inView` on screen: credits reading time, and marks read the
   * sections that have now been visible long enough.
   */
  tick(inView: readonly string[]): void {
    const seconds = this.#accrue();
    if (seconds > 0) this.markRead(this.#dwell.add(inView, seconds));
    this.#schedule();
  }

  /** Sends everything pending now, whatever the interval; resolves once it is written (or failed). */
  flush(): Promise<void> {
    this.#accrue();
    this.#clearTimer();
    if (this.#writing) return this.#writing.then(() => this.#writeNow());
    return this.#writeNow();
  }

  /** Stops counting time and saves what is pending; a failed write keeps being retried. */
  stop(): Promise<void> {
    return this.visible(false);
  }

  #accrue(): number {
    if (this.#countFrom === null) return 0;
    const now = this.#now();
    const seconds = activeSeconds(this.#countFrom, now, this.#lastActivity, IDLE_AFTER_MS);
    this.#countFrom = now;
    this.#buffer.spend(seconds);
    return seconds;
  }

  #schedule(): void {
    if (this.#writing) return;
    const delay = writeDelay({
      now: this.#now(),
      lastWriteAt: this.#lastWriteAt,
      failures: this.#failures,
      hasNews: this.#buffer.hasNews,
      seconds: this.#buffer.seconds,
    });
    if (delay === null) return;
    const dueAt = this.#now() + delay;
    if (this.#timer !== null && this.#dueAt <= dueAt) return;
    this.#clearTimer();
    this.#dueAt = dueAt;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#dueAt = Infinity;
      void this.#writeNow();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#dueAt = Infinity;
  }

  #writeNow(): Promise<void> {
    const changes = this.#buffer.take();
    if (!changes) return Promise.resolve();
    this.#lastWriteAt = this.#now();
    const writing = this.#save(changes).then(
      () => {
        this.#failures = 0;
      },
      () => {
        this.#buffer.putBack(changes);
        this.#failures += 1;
      },
    );
    this.#writing = writing.finally(() => {
      this.#writing = null;
      this.#schedule();
    });
    return this.#writing;
  }
}
