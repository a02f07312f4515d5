// The words of the "Saved …" indicator, from the store's last write time.

const JUST_NOW_MS = 60_000;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "Saved just now", "Saved today at 14:02", "Saved yesterday at 09:15", "Saved on 3 March at
 * 14:02" (with the year when it is not this one), in local time; "Not saved yet" for null.
 * A time in the future (a clock that moved back) reads as just now. Never throws.
 */
export function savedLabel(savedAt: string | null, now: Date): string {
  if (savedAt === null) return 'Not saved yet';
  const at = new Date(savedAt);
  if (Number.isNaN(at.getTime())) return 'Not saved yet';
  if (now.getTime() - at.getTime() < JUST_NOW_MS) return 'Saved just now';
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (sameDay(at, now)) return `Saved today at ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(at, yesterday)) return `Saved yesterday at ${time}`;
  const year = at.getFullYear() === now.getFullYear() ? '' : ` ${at.getFullYear()}`;
  return `Saved on ${at.getDate()} ${MONTHS[at.getMonth()]}${year} at ${time}`;
}

/** Milliseconds until `savedLabel` may read differently, so the page re-renders no more than needed. */
export function labelChangesIn(savedAt: string | null, now: Date): number | null {
  if (savedAt === null) return null;
  const age = now.getTime() - new Date(savedAt).getTime();
  if (age < JUST_NOW_MS) return Math.max(1_000, JUST_NOW_MS - age);
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return midnight.getTime() - now.getTime();
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
