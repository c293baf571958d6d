/** Money, counts, times and durations in the console's language. */
import { useEffect, useState } from 'react';
import type { LocalizedText, Money } from './api/types.js';

const exponents = new Map<string, number>();

/** Minor-unit exponent of a currency (TWD 2, JPY 0), the same way the server reads it. */
function exponentOf(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

export function formatMoney(money: Money, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(
    money.amount / 10 ** exponentOf(money.currency),
  );
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDateTime(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

export function formatDate(value: string | number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(value));
}

/** "3 min", "1 hr, 5 min": how long something has lasted. */
export function formatDuration(ms: number, language: string): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes < 1) return unit(Math.floor(Math.max(0, ms) / 1000), 'second');
  if (minutes < 60) return unit(minutes, 'minute');
  const parts = [unit(Math.floor(minutes / 60), 'hour')];
  if (minutes % 60) parts.push(unit(minutes % 60, 'minute'));
  return new Intl.ListFormat(language, { style: 'narrow', type: 'unit' }).format(parts);
}

/** "2 minutes ago", "yesterday". */
export function formatAgo(epochMs: number, now: number, language: string): string {
  const seconds = Math.round((epochMs - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

/** Text in the console's language, else English, else whatever the catalog has. */
export function localized(text: LocalizedText, language: string): string {
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** The current time, refreshed every `intervalMs`, for waiting times that grow on screen. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
