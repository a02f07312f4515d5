// Timing work around the browser's rendering.

/** Calls `run` once the next frame has been painted (a task queued from its animation frame). */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}
