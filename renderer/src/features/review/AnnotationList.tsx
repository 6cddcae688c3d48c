import { memo, useCallback, useDeferredValue, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import { SEVERITIES } from '#shared/domain/annotation.ts';
import { SEVERITY_COLOURS } from '../../canvas/severityColours.ts';
import styles from './review.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  annotations: readonly Annotation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  severityFilter: ReadonlySet<Annotation['severity']>;
  onToggleSeverity: (severity: Annotation['severity']) => void;
  mentorNames: ReadonlyMap<string, string>;
  myId: string;
}

/**
 * The annotations as a list in the DOM, in number order; selecting here selects on the canvas.
 * The review screen renders again on every zoom step; a list of hundreds of
 * marks is drawn again only when what it shows changed (its callbacks are
 * read at the time of the click, so new ones need no new list).
 */
export function AnnotationList(props: Props) {
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onSelect = useCallback((id: string) => latest.current.onSelect(id), []);
  const onToggleSeverity = useCallback((severity: Annotation['severity']) => latest.current.onToggleSeverity(severity), []);
  // Opening a face with hundreds of marks: the list is first rendered empty and then in the
  // background, in slices React interrupts for anything more urgent, so the picture is not held back.
  const annotations = useDeferredValue(props.annotations, NONE);
  if (annotations !== props.annotations && annotations === NONE) return null;
  return <ListView {...props} annotations={annotations} onSelect={onSelect} onToggleSeverity={onToggleSeverity} />;
}

const NONE: readonly Annotation[] = [];

const sameNames = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
  a === b || (a.size === b.size && [...a].every(([id, name]) => b.get(id) === name));

const ListView = memo(
  AnnotationItems,
  (a, b) =>
    a.annotations === b.annotations &&
    a.selectedId === b.selectedId &&
    a.severityFilter === b.severityFilter &&
    a.myId === b.myId &&
    a.onSelect === b.onSelect &&
    a.onToggleSeverity === b.onToggleSeverity &&
    sameNames(a.mentorNames, b.mentorNames),
);

function AnnotationItems({ annotations, selectedId, onSelect, severityFilter, onToggleSeverity, mentorNames, myId }: Props) {
  const { t } = useTranslation();
  const shown = annotations.filter((a) => severityFilter.has(a.severity));
  return (
    <section aria-labelledby="annotation-list-title" className={styles.annotationList}>
      <h2 id="annotation-list-title">
        {t('review.annotations')} ({shown.length})
      </h2>
      <fieldset className={styles.severityFilter}>
        <legend>{t('review.filterSeverity')}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={severityFilter.has(s)} onChange={() => onToggleSeverity(s)} />
            <span className={styles.severityDot} style={{ background: SEVERITY_COLOURS[s] }} aria-hidden="true" />
            {t(`review.severities.${s}`)}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? <p className="muted">{t('review.noAnnotations')}</p> : null}
      <ol className={styles.annotationItems} data-testid="annotation-items">
        {shown.map((a) => (
          <AnnotationItem
            key={a.id}
            annotation={a}
            selected={a.id === selectedId}
            onSelect={onSelect}
            mentorName={a.mentorId !== myId ? (mentorNames.get(a.mentorId) ?? '') : null}
          />
        ))}
      </ol>
    </section>
  );
}

interface ItemProps {
  annotation: Annotation;
  selected: boolean;
  onSelect: (id: string) => void;
  /** Another mentor's name under their mark; null for the mentor's own. */
  mentorName: string | null;
}

/**
 * One row. The live query hands out new records for all marks when one
 * changes: a row is drawn again only when what it shows changed, so editing
 * one mark of 500 renders one row.
 */
const AnnotationItem = memo(
  function AnnotationItem({ annotation: a, selected, onSelect, mentorName }: ItemProps) {
    const { t } = useTranslation();
    return (
      <li>
        <button
          type="button"
          className={selected ? cx(styles.annotationItem, styles.annotationItemSelected) : styles.annotationItem}
          aria-current={selected ? 'true' : undefined}
          onClick={() => onSelect(a.id)}
        >
          <span className={styles.annotationNumber} data-testid="annotation-number" style={{ background: SEVERITY_COLOURS[a.severity] }}>
            {a.number}
          </span>
          <span className={styles.annotationText}>
            <strong>
              {t(`review.severities.${a.severity}`)} · {t(`review.categories.${a.category}`)}
            </strong>
            <span>{a.comment || t('review.noComment')}</span>
            {mentorName !== null ? <span className="muted">{mentorName}</span> : null}
          </span>
        </button>
      </li>
    );
  },
  (x, y) =>
    x.selected === y.selected &&
    x.onSelect === y.onSelect &&
    x.mentorName === y.mentorName &&
    x.annotation.id === y.annotation.id &&
    x.annotation.number === y.annotation.number &&
    x.annotation.severity === y.annotation.severity &&
    x.annotation.category === y.annotation.category &&
    x.annotation.comment === y.annotation.comment,
);
