// Timing work around the browser's rendering.

/** Calls `run` once the next frame has been painted (a task queued from its animation frame). */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

/** The longest `whenIdleAfterPaint` waits for the page to be idle. */
const IDLE_WAIT_MS = 300;

/**
 * Calls `run` once the next frame has been painted and the page is idle: for work the learner
 * does not need in the first moments, which should not delay what they do need.
 */
export function whenIdleAfterPaint(run: () => void): void {
  afterPaint(() => requestIdleCallback(run, { timeout: IDLE_WAIT_MS }));
}
