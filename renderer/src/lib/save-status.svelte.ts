// The truth about the learner's saved work, for the "Saved …" indicator: when the store last
// wrote, and whether the latest write failed. Every write of progress, answers and settings goes
// through `track`, so the indicator never claims more than the store confirmed.
import type { SaveReceipt } from '../../../electron/api.ts';
import { StudybookError } from './client.ts';

export class SaveStatus {
  #savedAt = $state<string | null>(null);
  #problem = $state<string | null>(null);
  #inFlight: Promise<unknown>[] = [];

  /** ISO time of the store's last durable write, as the host reported it; null before any. */
  get savedAt(): string | null {
    return this.#savedAt;
  }

  /** Why the latest write failed, for the learner; null once a write succeeds again. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Takes note of a save time the host reported some other way (with a lesson it opened). */
  saw(savedAt: string | null): void {
    if (savedAt !== null && (this.#savedAt === null || savedAt > this.#savedAt)) {
      this.#savedAt = savedAt;
    }
  }

  /**
   * Follows a write: its receipt moves `savedAt`, its failure sets `problem`. Resolves or
   * rejects as the write does.
   */
  track<T extends SaveReceipt>(write: Promise<T>): Promise<T> {
    const followed = write.then(
      (receipt) => {
        this.saw(receipt.savedAt);
        this.#problem = null;
        return receipt;
      },
      (error: unknown) => {
        this.#problem =
          error instanceof StudybookError ? error.message : 'Studybook could not save.';
        throw error;
      },
    );
    this.hold(followed);
    return followed;
  }

  /** Makes `settled` wait for `work` too (a flush that may chain several writes). */
  hold(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined);
    this.#inFlight.push(settled);
    void settled.then(() => {
      this.#inFlight = this.#inFlight.filter((promise) => promise !== settled);
    });
  }

  /** Resolves once every write begun so far has finished, however it went. Never rejects. */
  async settled(): Promise<void> {
    while (this.#inFlight.length > 0) await Promise.all(this.#inFlight);
  }
}
