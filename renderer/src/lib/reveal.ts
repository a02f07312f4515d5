// Bringing a lesson's section, or its top, into view.
import { motionReduced } from './motion.ts';
import { FAQ_PLACE, QUIZ_PLACE } from './routes.ts';

/** The DOM id of a section element, and of its heading; prefixed so a slug can never clash with the page's own ids. */
export function sectionDomId(sectionId: string): string {
  return `section-${sectionId}`;
}

export function sectionHeadingDomId(sectionId: string): string {
  return `section-${sectionId}-title`;
}

/** The DOM ids of the lesson's quiz and FAQ headings. */
export const QUIZ_HEADING_DOM_ID = 'quiz-title';
export const FAQ_HEADING_DOM_ID = 'faq-title';

/** The DOM id of the heading of what an address names in a lesson: a section, the quiz or the FAQ. */
export function placeHeadingDomId(place: string): string {
  if (place === QUIZ_PLACE) return QUIZ_HEADING_DOM_ID;
  if (place === FAQ_PLACE) return FAQ_HEADING_DOM_ID;
  return sectionHeadingDomId(place);
}

/**
 * Scrolls `target` to the top of the reading area and moves focus to `focusable` (a heading
 * with tabindex -1), so that keyboard and screen-reader users continue from where the eye lands.
 * Animated only when asked and when the learner has not asked for reduced motion.
 */
export function reveal(target: Element, focusable: HTMLElement, animate: boolean): void {
  target.scrollIntoView({
    block: 'start',
    behavior: animate && !motionReduced() ? 'smooth' : 'instant',
  });
  focusable.focus({ preventScroll: true });
}
