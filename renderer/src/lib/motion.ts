// Whether to animate: the root element carries the learner's effective choice (settings.svelte.ts);
// before that is set, the system's preference decides.

/** True when motion should be reduced now. */
export function motionReduced(doc: Document = document): boolean {
  const chosen = doc.documentElement.dataset.motion;
  if (chosen) return chosen === 'reduce';
  return doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false;
}
