import { useMemo } from 'react';
import { useFormat } from '../../i18n/format.ts';

export interface ResultFormats {
  /** "87,5" — scores 0–100 and criterion means, one decimal; "—" for null. */
  score(value: number | null): string;
  /** "0,72" — agreement coefficients, two decimals. */
  coefficient(value: number | null): string;
  /** "+12,5" / "−3,0" — changes and leniency, signed, one decimal. */
  signed(value: number | null): string;
  /** "4" — counts and ranks. */
  integer(value: number | null): string;
}

const DASH = '—';

/** Number formats of the results, in the UI language (id-ID uses a decimal comma). */
export function useResultFormats(): ResultFormats {
  const { locale } = useFormat();
  return useMemo(() => {
    const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const guard = (f: Intl.NumberFormat) => (value: number | null) => (value === null || !Number.isFinite(value) ? DASH : f.format(value));
    return { score: guard(one), coefficient: guard(two), signed: guard(signed), integer: guard(integer) };
  }, [locale]);
}
