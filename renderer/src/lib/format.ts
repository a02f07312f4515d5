// Wording shared by the pages, kept pure so that it is tested once.

/** "5 min read"; a lesson shorter than a minute still reads as one. */
export function readingTime(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min read`;
}

/** "1 lesson", "3 lessons". */
export function lessonCount(count: number): string {
  return count === 1 ? '1 lesson' : `${count} lessons`;
}
