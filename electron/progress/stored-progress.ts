// Progress as the store holds it, read into plain values for the pure computations. Ids are the
// stored ones: they may include ids a newer version of the course no longer has.

/** One lesson's own row: when it was opened and where the learner was. Times in unix ms. */
export type StoredLesson = {
  courseId: string;
  lessonId: string;
  firstOpenedAt: number;
  lastOpenedAt: number;
  lastActiveAt: number;
  position: { sectionId: string; offset: number } | null;
  secondsSpent: number;
};

/** The latest answer to one question. */
export type StoredAnswer = { answer: string | string[]; correct: boolean; answeredAt: number };

/**
 * What a lesson's completion depends on: the sections read and whether each answered question's
 * latest answer was correct. All a course's progress needs, so it reads no more than this.
 */
export type StoredCompletion = StoredLesson & {
  readSectionIds: ReadonlySet<string>;
  latestAnswers: ReadonlyMap<string, Pick<StoredAnswer, 'correct'>>;
};

/** Everything stored about one lesson, as its page needs it. */
export type StoredLessonProgress = StoredLesson & {
  readSectionIds: ReadonlySet<string>;
  /** Every section with a record: seen, read, or both. */
  seenSectionIds: ReadonlySet<string>;
  latestAnswers: ReadonlyMap<string, StoredAnswer>;
};
