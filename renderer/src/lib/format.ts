// Wording shared by the pages, kept pure so that it is tested once.

/** "5 min read"; a lesson shorter than a minute still reads as one. */
export function readingTime(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min read`;
}

/** "1 lesson", "3 lessons". */
export function lessonCount(count: number): string {
  return count === 1 ? '1 lesson' : `${count} lessons`;
}

/** "Quiz 7/9": correct answers out of the course's questions; null before any answer. */
export function quizScore(score: {
  correct: number;
  answered: number;
  total: number;
}): string | null {
  return score.answered === 0 ? null : `Quiz ${score.correct}/${score.total}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the learner last studied, in words: "today", "yesterday", "3 days ago", then a date
 * ("12 Mar 2026") from a week back. Calendar days in the learner's time zone, not 24-hour spans.
 */
export function lastStudied(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return '';
  const startOf = (date: Date) =>
    new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(then)) / DAY_MS);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return then.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
