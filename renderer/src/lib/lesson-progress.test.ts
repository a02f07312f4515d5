import { describe, expect, it } from 'vitest';
import { progressFigures, type ProgressFacts } from './lesson-progress.ts';

function makeFacts(overrides: Partial<ProgressFacts> = {}): ProgressFacts {
  return {
    sections: [
      { id: 'one', readingSeconds: 90 },
      { id: 'two', readingSeconds: 61 },
      { id: 'three', readingSeconds: 30 },
    ],
    sectionsRead: new Set(),
    questionIds: ['q1', 'q2', 'q3'],
    answered: new Set(),
    ...overrides,
  };
}

describe('progressFigures', () => {
  it('starts a fresh lesson at 0% with every section’s minutes left, rounded up', () => {
    expect(progressFigures(makeFacts())).toEqual({ percent: 0, minutesLeft: 4, complete: false });
  });

  it('counts sections read and questions answered alike, rounding the percent down', () => {
    const figures = progressFigures(
      makeFacts({ sectionsRead: new Set(['one', 'two']), answered: new Set(['q1', 'q3']) }),
    );
    expect(figures.percent).toBe(66);
    expect(figures.minutesLeft).toBe(1);
  });

  it('reaches 100% and 0 min left only when every section is read and every question answered', () => {
    const allRead = new Set(['one', 'two', 'three']);
    expect(progressFigures(makeFacts({ sectionsRead: allRead })).percent).toBe(50);
    expect(
      progressFigures(makeFacts({ sectionsRead: allRead, answered: new Set(['q1', 'q2', 'q3']) })),
    ).toEqual({ percent: 100, minutesLeft: 0, complete: true });
  });

  it('ignores read ids the lesson no longer has', () => {
    const figures = progressFigures(makeFacts({ sectionsRead: new Set(['gone']) }));
    expect(figures.percent).toBe(0);
  });

  it('calls a lesson with nothing to read or answer done', () => {
    expect(progressFigures(makeFacts({ sections: [], questionIds: [] }))).toEqual({
      percent: 100,
      minutesLeft: 0,
      complete: true,
    });
  });
});
