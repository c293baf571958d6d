/** "Thu, Nov 27" / "11月27日 週四": delivery estimates arrive as ISO dates (YYYY-MM-DD). */
export function formatDay(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatDayRange(earliest: string, latest: string, locale: string): string {
  const first = formatDay(earliest, locale);
  const last = formatDay(latest, locale);
  return first === last ? first : `${first} – ${last}`;
}

export function formatTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(epochMs));
}
