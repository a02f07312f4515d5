import { describe, expect, it } from 'vitest';
import {
  currentSection,
  DwellClock,
  endsInView,
  positionAt,
  scrollTopFor,
  sectionsInView,
  type SectionBox,
} from './reading.ts';

/** Sections stacked from `start`, each `height` pixels tall with `gap` between them. */
function makeBoxes(heights: number[], start = 0, gap = 40): SectionBox[] {
  let top = start;
  return heights.map((height, index) => {
    const box = { id: `s${index + 1}`, top, bottom: top + height };
    top += height + gap;
    return box;
  });
}

const area = { top: 60, bottom: 860 };

describe('currentSection', () => {
  it('is none while the introduction is still being read', () => {
    expect(currentSection(makeBoxes([500, 500], 700), area)).toBeNull();
  });

  it('is the last section whose top has reached the focus line', () => {
    // Focus line at 60 + 0.3 × 800 = 300.
    const boxes = makeBoxes([400, 400, 400], -200);
    expect(boxes.map((b) => b.top)).toEqual([-200, 240, 680]);
    expect(currentSection(boxes, area)).toBe('s2');
  });

  it('stays on a section while its successor is only in the lower part of the window', () => {
    expect(currentSection(makeBoxes([600, 400], 0), area)).toBe('s1');
  });

  it('is none once the learner has scrolled past the last section', () => {
    expect(currentSection(makeBoxes([300, 300], -800), area)).toBeNull();
  });

  it('is the last section at the very end of the page, even when its top never reaches the line', () => {
    const boxes = makeBoxes([1000, 150], -700);
    expect(currentSection(boxes, area)).toBe('s1');
    expect(currentSection(boxes, area, true)).toBe('s2');
  });
});

describe('positionAt and scrollTopFor', () => {
  it('gives the fraction of the section above the reading line', () => {
    expect(positionAt(makeBoxes([400, 400], -100), 60)).toEqual({ sectionId: 's1', offset: 0.4 });
  });

  it('has no position above the first section', () => {
    expect(positionAt(makeBoxes([400], 200), 60)).toBeNull();
  });

  it('puts a line between two sections at the start of the next one', () => {
    expect(positionAt(makeBoxes([400, 400], -400), 20)).toEqual({ sectionId: 's2', offset: 0 });
  });

  it('puts a line past the last section at its end', () => {
    expect(positionAt(makeBoxes([400, 400], -2000), 60)).toEqual({ sectionId: 's2', offset: 1 });
  });

  it('finds the scroll position that brings a saved position back to the reading line', () => {
    // The page is scrolled by 1000; s2 sits at 240–640 in the viewport, so at 1240 in the page.
    const s2 = makeBoxes([400, 400], -200)[1] ?? { top: NaN, bottom: NaN };
    const target = scrollTopFor(s2, 0.25, 60, 1000);
    expect(target).toBe(1000 + 240 + 100 - 60);
    // Scrolled there, s2's box moves up by (target - 1000) and the line reads the same position.
    const moved = makeBoxes([400, 400], -200 - (target - 1000));
    expect(positionAt(moved, 60)).toEqual({ sectionId: 's2', offset: 0.25 });
  });

  it('never asks for a negative scroll position', () => {
    expect(scrollTopFor({ top: 10, bottom: 110 }, 0, 60, 0)).toBe(0);
  });
});

describe('endsInView and sectionsInView', () => {
  it('finds the sections whose end is inside the reading area', () => {
    expect(endsInView(makeBoxes([300, 300, 300], -100), area)).toEqual(['s1', 's2']);
  });

  it('does not count an end hidden under the sticky header', () => {
    expect(endsInView(makeBoxes([150, 300], -100), area)).toEqual(['s2']);
  });

  it('counts a section fully in view, or one filling half the window', () => {
    expect(sectionsInView(makeBoxes([100, 1200], 100), area)).toEqual(['s1', 's2']);
    expect(sectionsInView(makeBoxes([1200], 500), area)).toEqual([]);
  });
});

describe('DwellClock', () => {
  it('reports a section once, when it has been on screen for most of its reading time', () => {
    const clock = new DwellClock([
      { id: 'long', readingSeconds: 100 },
      { id: 'short', readingSeconds: 1 },
    ]);
    expect(clock.add(['long', 'short'], 2)).toEqual([]);
    expect(clock.add(['long', 'short'], 1)).toEqual(['short']);
    expect(clock.add(['long'], 77)).toEqual(['long']);
    expect(clock.add(['long', 'short'], 50)).toEqual([]);
  });

  it('ignores sections it was not told about', () => {
    expect(new DwellClock([]).add(['ghost'], 1_000)).toEqual([]);
  });
});
