import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '#shared/domain/rubric.ts';
import { levelFor } from '#shared/scoring/score.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCoalescedText } from './useCoalescedText.ts';
import styles from './scoring.module.css';
import { cx } from '../../ui/cx.ts';

type Criterion = Rubric['groups'][number]['criteria'][number];

interface Props {
  criterion: Criterion;
  /** The scale's levels, lowest first. */
  levels: readonly number[];
  score: number | null;
  note: string;
  disabled: boolean;
  linkedCount: number;
  onSelectLinked: () => void;
  onScore: (score: number) => void;
  onNote: (note: string) => void;
}

/**
 * One criterion: its name, the scale as a radio group (one tab stop; ← →
 * highlight a level and show its descriptor, Space or Enter picks it), the
 * descriptor of the chosen level, and a note. Number keys and ↑ ↓ are handled
 * by the panel around it.
 */
export function CriterionRow({ criterion, levels, score, note, disabled, linkedCount, onSelectLinked, onScore, onNote }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const nameId = useId();
  const descriptorId = useId();
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const noteText = useCoalescedText(note, onNote);
  const chosenIndex = score === null ? -1 : levels.findIndex((l) => Math.abs(l - score) < 1e-9);
  const tabStop = chosenIndex >= 0 ? chosenIndex : 0;
  const name = criterion.name[language];

  const shownIndex = highlighted ?? (chosenIndex >= 0 ? chosenIndex : null);
  const shown = shownIndex === null ? null : (levels[shownIndex] ?? null);
  const descriptor = shown === null ? null : levelFor(criterion, shown);
  const previewing = shownIndex !== null && shownIndex !== chosenIndex;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = levels.length - 1;
    const next =
      event.key === 'ArrowRight' ? Math.min(last, index + 1)
      : event.key === 'ArrowLeft' ? Math.max(0, index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next !== null) {
      event.preventDefault();
      buttons.current[next]?.focus();
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const value = levels[index];
      if (value !== undefined) onScore(value);
    }
  };

  return (
    <li className={styles.criterion} data-criterion={criterion.id}>
      <div className={styles.criterionHead}>
        <span id={nameId} className={styles.criterionName}>
          {name}
        </span>
        {linkedCount > 0 ? (
          <button type="button" className={styles.linkedCount} onClick={onSelectLinked} title={t('scoring.linkedHint')}>
            {t('scoring.linked', { count: linkedCount })}
          </button>
        ) : null}
      </div>
      <div role="radiogroup" aria-labelledby={nameId} aria-describedby={descriptorId} className={styles.scale}>
        {levels.map((value, index) => (
          <button
            key={value}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="radio"
            aria-checked={index === chosenIndex}
            tabIndex={index === tabStop ? 0 : -1}
            disabled={disabled}
            className={index === chosenIndex ? cx(styles.level, styles.levelChosen) : styles.level}
            onClick={() => onScore(value)}
            onKeyDown={(e) => onKeyDown(e, index)}
            onFocus={() => setHighlighted(index)}
            onBlur={() => setHighlighted(null)}
            onMouseEnter={() => setHighlighted(index)}
            onMouseLeave={() => setHighlighted(null)}
          >
            {format.number(value)}
          </button>
        ))}
      </div>
      <p id={descriptorId} className={previewing ? cx(styles.descriptor, styles.descriptorPreview) : styles.descriptor}>
        {shown === null ? (
          <span className="muted">{t('scoring.notScored')}</span>
        ) : (
          <>
            <strong>{t(previewing ? 'scoring.previewLevel' : 'scoring.chosenLevel', { score: format.number(shown) })}:</strong>{' '}
            {descriptor?.descriptor[language] ?? ''}
          </>
        )}
      </p>
      <textarea
        className={styles.criterionNote}
        rows={1}
        aria-label={t('scoring.noteFor', { criterion: name })}
        placeholder={t('scoring.note')}
        value={noteText.value}
        disabled={disabled}
        onChange={(e) => noteText.type(e.target.value)}
        onBlur={noteText.flush}
      />
    </li>
  );
}
