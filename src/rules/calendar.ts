/**
 * Local calendar days in a time zone, from an injected instant: what "today" and "3 business
 * days from now" mean for a store in Taipei, without a date library.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export interface LocalTime {
  /** Days since the Unix epoch of the local calendar date. */
  readonly day: number;
  readonly hour: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

const DAY = 86_400_000;

let last: { instant: number; timeZone: string; local: LocalTime } | undefined;

/** Quotes ask for the same instant many times; formatting it is the slow part, so the last answer is kept. */
export function localTime(instant: number, timeZone: string): LocalTime {
  if (last !== undefined && last.instant === instant && last.timeZone === timeZone) return last.local;
  const local = computeLocalTime(instant, timeZone);
  last = { instant, timeZone, local };
  return local;
}

function computeLocalTime(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const day = Math.floor(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY);
  return { day, hour: Number(parts.hour), weekday: isoWeekday(day) };
}

export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function toIsoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function fromIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** The day `count` business days after `start` (weekends and holidays skipped). */
export function addBusinessDays(start: number, count: number, holidays: ReadonlySet<number>): number {
  const isBusiness = (day: number) => isoWeekday(day) <= 5 && !holidays.has(day);
  let day = start;
  while (!isBusiness(day)) day += 1;
  for (let counted = 0; counted < count; ) {
    day += 1;
    if (isBusiness(day)) counted += 1;
  }
  return day;
}
