import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';

/** Reads a number typed with either decimal mark ("12,5" or "12.5"); NaN when it is not one. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  if (!/^-?\d*(?:[.,]\d*)?$/.test(trimmed) || !/\d/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** A text field with a fixed id, so problems elsewhere can move focus to it. */
export function EditorText({
  id,
  label,
  value,
  onChange,
  multiline,
  invalid,
  lang,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  /** Empty while the rubric needs it: marked for screen readers too. */
  invalid?: boolean;
  /** The language the text is written in, for screen readers and spelling. */
  lang: 'id' | 'en';
}) {
  const common = {
    id,
    value,
    lang,
    'aria-invalid': invalid ? true : undefined,
  } as const;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/**
 * A decimal field that keeps what is typed, even half-typed ("12,"), and
 * passes a number on only when it is one and `check` finds nothing wrong;
 * otherwise it says why next to the field. When the value changes from
 * outside (undo), the field shows the new value.
 */
export function DecimalField({
  id,
  label,
  value,
  onCommit,
  check,
  hint,
  invalid,
  className,
}: {
  id: string;
  label: string;
  value: number;
  onCommit: (value: number) => void;
  /** A translated reason the number cannot be used, or null. */
  check?: (value: number) => string | null;
  hint?: string;
  /** Marked wrong by a rubric-wide check (e.g. weights not adding up). */
  invalid?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const show = (n: number) => (Number.isFinite(n) ? n.toLocaleString(format.locale, { useGrouping: false, maximumFractionDigits: 6 }) : '');
  const [text, setText] = useState(() => show(value));
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (!Object.is(value, shown)) {
    // Changed from outside (undo, redo): show it, unless the typed text already means it.
    setShown(value);
    if (!Object.is(parseDecimal(text), value)) {
      setText(show(value));
      setError(null);
    }
  }
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={[error || invalid ? 'field field-invalid' : 'field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const n = parseDecimal(typed);
          const problem = Number.isFinite(n) ? (check?.(n) ?? null) : t('rubrics.numberInvalid');
          setError(problem);
          if (problem === null && !Object.is(n, value)) {
            setShown(n);
            onCommit(n);
          }
        }}
        onBlur={() => {
          // Leaving a field with a half-typed number puts the stored one back.
          if (error) {
            setText(show(value));
            setError(null);
          }
        }}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
