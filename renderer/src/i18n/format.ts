import { useTranslation } from 'react-i18next';
import type { Language } from '#shared/contract/channels.ts';
import { FORMAT_LOCALES } from '#shared/i18n/messages.ts';

function localeOf(language: string): string {
  return FORMAT_LOCALES[language as Language] ?? FORMAT_LOCALES.id;
}

/** Parses a stored YYYY-MM-DD as a calendar date (noon UTC avoids time-zone edges). */
function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export interface Formatters {
  locale: string;
  number(value: number): string;
  /** "820 kB", "12,4 MB": file sizes in decimal units, as file managers show them. */
  bytes(value: number): string;
  date(isoDate: string): string;
  timestamp(ms: number): string;
  /** "12–14 Nov 2026", one date, or null when neither is set. */
  dateRange(start: string | null, end: string | null): string | null;
}

/**
 * Intl formatters are costly to build (a gallery of cards would build
 * thousands while scrolling): one set per locale, made once.
 */
const cache = new Map<string, Formatters>();

function formattersFor(locale: string): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const numberFormat = new Intl.NumberFormat(locale);
  const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const timestampFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const made: Formatters = {
    locale,
    number: (value) => numberFormat.format(value),
    bytes: (value) => (value < 1_000_000 ? kilobytes.format(value / 1000) : megabytes.format(value / 1_000_000)),
    date: (isoDate) => dateFormat.format(calendarDate(isoDate)),
    timestamp: (ms) => timestampFormat.format(ms),
    dateRange: (start, end) => {
      if (start && end) return dateFormat.formatRange(calendarDate(start), calendarDate(end));
      const only = start ?? end;
      return only ? dateFormat.format(calendarDate(only)) : null;
    },
  };
  cache.set(locale, made);
  return made;
}

/** Number and date formatting in the UI language, with Indonesian conventions. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(localeOf(i18n.language));
}
