import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract/channels.ts';
import { FORMAT_LOCALES } from '../../../shared/i18n/messages.ts';

function localeOf(language: string): string {
  return FORMAT_LOCALES[language as Language] ?? FORMAT_LOCALES.id;
}

/** Parses a stored YYYY-MM-DD as a calendar date (noon UTC avoids time-zone edges). */
function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** Number and date formatting in the UI language, with Indonesian conventions. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    locale,
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    /** "820 kB", "12,4 MB": file sizes in decimal units, as file managers show them. */
    bytes: (value: number) => {
      const [amount, unit] = value < 1_000_000 ? [value / 1000, 'kilobyte'] : [value / 1_000_000, 'megabyte'];
      return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(amount);
    },
    date: (isoDate: string) => dateFormat.format(calendarDate(isoDate)),
    timestamp: (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms),
    /** "12–14 Nov 2026", one date, or null when neither is set. */
    dateRange: (start: string | null, end: string | null): string | null => {
      if (start && end) return dateFormat.formatRange(calendarDate(start), calendarDate(end));
      const only = start ?? end;
      return only ? dateFormat.format(calendarDate(only)) : null;
    },
  };
}
