// A lesson's progress as the page shows it between saves: the same rule as the progress store
// (electron/progress/lesson-progress.ts), so the header never disagrees with what reopening the
// lesson will show. A lesson's units are its sections (done once read) and its questions (done
// once answered).

/** Anything that says whether it holds an id: a Set, a Map, their reactive versions. */
export interface IdLookup {
  has(id: string): boolean;
}

export interface ProgressFacts {
  sections: readonly { id: string; readingSeconds: number }[];
  sectionsRead: IdLookup;
  questionIds: readonly string[];
  answered: IdLookup;
}

export interface ProgressFigures {
  /** 0–100, rounded down: 100 only once every section is read and every question answered. */
  percent: number;
  /** Reading time of the unread sections, rounded up to whole minutes. */
  minutesLeft: number;
  /** Every unit done. */
  complete: boolean;
}

/** The percent done and minutes left of a lesson. Pure; never throws. */
export function progressFigures(facts: ProgressFacts): ProgressFigures {
  let unitsDone = 0;
  let unreadSeconds = 0;
  for (const section of facts.sections) {
    if (facts.sectionsRead.has(section.id)) unitsDone += 1;
    else unreadSeconds += section.readingSeconds;
  }
  for (const id of facts.questionIds) if (facts.answered.has(id)) unitsDone += 1;
  const unitsTotal = facts.sections.length + facts.questionIds.length;
  // A lesson with nothing to read or answer is done as soon as it is open.
  const complete = unitsDone === unitsTotal;
  return {
    percent: unitsTotal === 0 ? 100 : Math.floor((unitsDone * 100) / unitsTotal),
    minutesLeft: Math.ceil(unreadSeconds / 60),
    complete,
  };
}
