import { PACK_LOCALES, type PackLanguage } from './packText.ts';

/*
 * Numbers and dates as a participant reads them: 72,5 and "12 November 2026"
 * in Bahasa Indonesia, 72.5 and "12 November 2026" in English. Intl does the
 * work; formatters are cached because a pack formats hundreds of numbers.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with at most `maxDigits` decimals (trailing zeros dropped); a dash for null. */
export function formatNumber(value: number | null, language: PackLanguage, maxDigits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const key = `${language}:${maxDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(PACK_LOCALES[language], { maximumFractionDigits: maxDigits, minimumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  // Avoid "-0" for a tiny negative that rounds to zero.
  const f = 10 ** maxDigits;
  const rounded = Math.round(value * f) / f;
  return format.format(Object.is(rounded, -0) ? 0 : rounded);
}

/** A signed change: "+1", "−0,5" (a real minus sign), "0". */
export function formatChange(value: number | null, language: PackLanguage, maxDigits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = formatNumber(Math.abs(value), language, maxDigits);
  if (text === formatNumber(0, language, maxDigits)) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A share 0–1 as a whole percentage: "30 %" (id) or "30%" (en), as each locale writes it. */
export function formatPercent(share: number, language: PackLanguage): string {
  return new Intl.NumberFormat(PACK_LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: PackLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}:${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(PACK_LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) as words: "12 November 2026". */
export function formatIsoDate(iso: string, language: PackLanguage): string {
  return dateFormat(language, 'UTC').format(new Date(`${iso}T00:00:00Z`));
}

/** A workshop's dates as one phrase: "12–14 November 2026"; a dash when there are none. */
export function formatDateRange(start: string | null, end: string | null, language: PackLanguage): string {
  const from = start ?? end;
  const to = end ?? start;
  if (!from || !to) return '–';
  if (from === to) return formatIsoDate(from, language);
  return dateFormat(language, 'UTC').formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

/**
 * A moment as a date where the workshops happen (East Java keeps Western
 * Indonesian Time, UTC+7), so a pack made at 23:30 WIB is dated that day.
 */
export function formatMoment(ms: number, language: PackLanguage): string {
  return dateFormat(language, 'Asia/Jakarta').format(new Date(ms));
}

const momentTimeFormats = new Map<PackLanguage, Intl.DateTimeFormat>();

/**
 * A moment with its time where the workshops happen, and the zone said:
 * "7 Desember 2026 pukul 10.32 WIB" (id), "7 December 2026 at 10:32 GMT+7" (en).
 */
export function formatMomentTime(ms: number, language: PackLanguage): string {
  let format = momentTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(PACK_LOCALES[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Jakarta',
      timeZoneName: 'short',
    });
    momentTimeFormats.set(language, format);
  }
  return format.format(new Date(ms));
}

const fixedFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number with exactly `digits` decimals ("72,0", "0,85"), as tables people
 * compare down a column want; a real minus sign; a dash for null.
 */
export function formatFixed(value: number | null, language: PackLanguage, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const key = `${language}:${digits}`;
  let format = fixedFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(PACK_LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixedFormats.set(key, format);
  }
  const f = 10 ** digits;
  const rounded = Math.round(value * f) / f;
  const text = format.format(Math.abs(rounded));
  return rounded < 0 ? `−${text}` : text;
}

/** A signed change with exactly `digits` decimals: "+12,5", "−3,0", "0,0". */
export function formatSignedFixed(value: number | null, language: PackLanguage, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = formatFixed(value, language, digits);
  return text.startsWith('−') || text === formatFixed(0, language, digits) ? text : `+${text}`;
}
