// A lesson's progress, as a pure function of its structure and what the store holds for it.
// A lesson's units are its sections (done once read) and its quiz questions (done once answered);
// stored ids the structure no longer has are ignored, never counted.

import type { LessonStructure } from './course-structure.ts';
import type { StoredCompletion, StoredLessonProgress } from './stored-progress.ts';

/** Where a lesson stands: never opened, opened but not complete, or every unit done. */
export type LessonStatus = 'not-started' | 'in-progress' | 'done';

/** The counts behind a lesson's progress, shared by the lesson and the course views. */
export type LessonTally = {
  status: LessonStatus;
  unitsDone: number;
  unitsTotal: number;
  sectionsRead: number;
  questionsAnswered: number;
  correctAnswers: number;
  unreadSeconds: number;
};

/** A lesson's progress as the lesson page shows it and restores it. Times are ISO 8601. */
export type LessonProgress = {
  lessonId: string;
  status: LessonStatus;
  /** 0-100, rounded down: 100 only once every section is read and every question answered. */
  percent: number;
  /** Reading time of the unread sections, rounded up to whole minutes. */
  minutesLeft: number;
  sectionsRead: number;
  sectionsTotal: number;
  questionsAnswered: number;
  /** Correct latest answers of all the lesson's questions. */
  quiz: { correct: number; total: number };
  /** In lesson order. */
  sections: { sectionId: string; seen: boolean; read: boolean }[];
  /** The latest answer to each answered question, in quiz order. */
  answers: {
    questionId: string;
    answer: string | string[];
    correct: boolean;
    answeredAt: string;
  }[];
  /** Where the learner was; null if never recorded or that section is gone from the lesson. */
  position: { sectionId: string; offset: number } | null;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  secondsSpent: number;
};

/** Counts a lesson's done units and unread time. Pure; never throws. */
export function tallyLesson(
  lesson: LessonStructure,
  stored: StoredCompletion | undefined,
): LessonTally {
  let sectionsRead = 0;
  let unreadSeconds = 0;
  for (const section of lesson.sections) {
    if (stored?.readSectionIds.has(section.id)) sectionsRead += 1;
    else unreadSeconds += section.readingSeconds;
  }
  let questionsAnswered = 0;
  let correctAnswers = 0;
  for (const questionId of lesson.questionIds) {
    const latest = stored?.latestAnswers.get(questionId);
    if (latest === undefined) continue;
    questionsAnswered += 1;
    if (latest.correct) correctAnswers += 1;
  }
  const unitsDone = sectionsRead + questionsAnswered;
  const unitsTotal = lesson.sections.length + lesson.questionIds.length;
  // A lesson with nothing to read or answer is done as soon as it has been opened.
  const complete = unitsTotal > 0 ? unitsDone === unitsTotal : stored !== undefined;
  const status = complete ? 'done' : stored !== undefined ? 'in-progress' : 'not-started';
  return {
    status,
    unitsDone,
    unitsTotal,
    sectionsRead,
    questionsAnswered,
    correctAnswers,
    unreadSeconds,
  };
}

/** `done` of `total` as a whole percent, rounded down so that 100 means complete. Pure. */
export function percentDone(done: number, total: number, complete: boolean): number {
  if (total === 0) return complete ? 100 : 0;
  return Math.floor((done * 100) / total);
}

/** A lesson's progress from its structure and its stored progress (if any). Pure; never throws. */
export function lessonProgress(
  lesson: LessonStructure,
  stored: StoredLessonProgress | undefined,
): LessonProgress {
  const tally = tallyLesson(lesson, stored);
  const saved = stored?.position ?? null;
  const position =
    saved && lesson.sections.some((section) => section.id === saved.sectionId)
      ? { ...saved }
      : null;
  const answers: LessonProgress['answers'] = [];
  for (const questionId of lesson.questionIds) {
    const latest = stored?.latestAnswers.get(questionId);
    if (latest === undefined) continue;
    answers.push({
      questionId,
      answer: latest.answer,
      correct: latest.correct,
      answeredAt: new Date(latest.answeredAt).toISOString(),
    });
  }
  return {
    lessonId: lesson.id,
    status: tally.status,
    percent: percentDone(tally.unitsDone, tally.unitsTotal, tally.status === 'done'),
    minutesLeft: Math.ceil(tally.unreadSeconds / 60),
    sectionsRead: tally.sectionsRead,
    sectionsTotal: lesson.sections.length,
    questionsAnswered: tally.questionsAnswered,
    quiz: { correct: tally.correctAnswers, total: lesson.questionIds.length },
    sections: lesson.sections.map(({ id }) => ({
      sectionId: id,
      seen: stored?.seenSectionIds.has(id) ?? false,
      read: stored?.readSectionIds.has(id) ?? false,
    })),
    answers,
    position,
    firstOpenedAt: stored ? new Date(stored.firstOpenedAt).toISOString() : null,
    lastOpenedAt: stored ? new Date(stored.lastOpenedAt).toISOString() : null,
    secondsSpent: stored?.secondsSpent ?? 0,
  };
}
