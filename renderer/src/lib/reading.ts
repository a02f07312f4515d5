// What the learner is reading, from where the sections sit in the viewport. Pure geometry, so
// every rule is tested without a browser; reading-observer.ts measures and feeds it.

/** A section's box in viewport coordinates (pixels from the viewport's top). */
export interface SectionBox {
  id: string;
  top: number;
  bottom: number;
}

/**
 * The part of the viewport the learner reads: from the reading line (just under whatever sticks
 * to the top of the window) to the viewport's bottom.
 */
export interface ReadingArea {
  top: number;
  bottom: number;
}

/** Where the learner is: a section and how far into it, as a fraction of its height. */
export interface Position {
  sectionId: string;
  offset: number;
}

/** How far down the reading area the eye rests; a section reaching it is the one being read. */
export const FOCUS_FRACTION = 0.3;

/** A section counts as read after this share of its reading time on screen. */
export const DWELL_FRACTION = 0.8;

/** …but never after less than this, so a one-line section is not read at a glance. */
export const MIN_DWELL_SECONDS = 3;

/**
 * The section being read: the last one whose top has reached the focus line, unless the
 * learner has scrolled past the end of the last one (into the quiz). With `atEnd` (the page
 * cannot scroll further) the last section in view wins, since its top may never reach the line.
 * Null above the first section (the introduction) and below the last.
 */
export function currentSection(
  boxes: readonly SectionBox[],
  area: ReadingArea,
  atEnd = false,
): string | null {
  const last = boxes.at(-1);
  if (!last) return null;
  if (atEnd && last.top < area.bottom && last.bottom > area.top) return last.id;
  const focusLine = area.top + (area.bottom - area.top) * FOCUS_FRACTION;
  let found: SectionBox | null = null;
  for (const box of boxes) {
    if (box.top <= focusLine) found = box;
    else break;
  }
  if (!found) return null;
  if (found === last && last.bottom <= area.top) return null;
  return found.id;
}

/**
 * Where the reading line falls: the section it crosses and the fraction of that section above
 * it. Null above the first section; past the last, the end of the last (so reopening lands on
 * what follows it). Between two sections, the start of the next.
 */
export function positionAt(boxes: readonly SectionBox[], line: number): Position | null {
  const first = boxes[0];
  const last = boxes.at(-1);
  if (!first || !last || line < first.top) return null;
  for (const box of boxes) {
    if (line < box.top) return { sectionId: box.id, offset: 0 };
    if (line < box.bottom) {
      return { sectionId: box.id, offset: clamp((line - box.top) / (box.bottom - box.top)) };
    }
  }
  return { sectionId: last.id, offset: 1 };
}

/** The window's scrollTop that puts `offset` of `box` on the reading line: `positionAt` undone. */
export function scrollTopFor(
  box: Pick<SectionBox, 'top' | 'bottom'>,
  offset: number,
  line: number,
  scrollY: number,
): number {
  return Math.max(0, Math.round(scrollY + box.top + clamp(offset) * (box.bottom - box.top) - line));
}

/** Sections whose end is inside the reading area now. */
export function endsInView(boxes: readonly SectionBox[], area: ReadingArea): string[] {
  return boxes
    .filter((box) => box.bottom >= area.top && box.bottom <= area.bottom)
    .map((b) => b.id);
}

/** Sections that are fully visible, or fill at least half of the reading area. */
export function sectionsInView(boxes: readonly SectionBox[], area: ReadingArea): string[] {
  const height = area.bottom - area.top;
  return boxes
    .filter((box) => {
      const visible = Math.min(box.bottom, area.bottom) - Math.max(box.top, area.top);
      if (visible <= 0) return false;
      const whole = box.top >= area.top && box.bottom <= area.bottom;
      return whole || visible >= height / 2;
    })
    .map((box) => box.id);
}

/** Seconds a section must be on screen to count as read. */
export function dwellSecondsFor(readingSeconds: number): number {
  return Math.max(MIN_DWELL_SECONDS, readingSeconds * DWELL_FRACTION);
}

/** Adds up the time each section spends on screen and says when one has been there long enough. */
export class DwellClock {
  readonly #needed: ReadonlyMap<string, number>;
  readonly #seconds = new Map<string, number>();

  /** `sections`: each section's reading time, in seconds. */
  constructor(sections: readonly { id: string; readingSeconds: number }[]) {
    this.#needed = new Map(sections.map((s) => [s.id, dwellSecondsFor(s.readingSeconds)]));
  }

  /** Credits `seconds` to each of `ids`; returns those that just reached their reading time. */
  add(ids: readonly string[], seconds: number): string[] {
    const reached: string[] = [];
    for (const id of ids) {
      const needed = this.#needed.get(id);
      if (needed === undefined) continue;
      const before = this.#seconds.get(id) ?? 0;
      const after = before + seconds;
      this.#seconds.set(id, after);
      if (before < needed && after >= needed) reached.push(id);
    }
    return reached;
  }
}

function clamp(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(1, Math.max(0, fraction));
}
