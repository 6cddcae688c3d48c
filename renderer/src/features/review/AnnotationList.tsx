import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../shared/domain/annotation.ts';
import { SEVERITIES } from '../../../../shared/domain/annotation.ts';
import { SEVERITY_COLOURS } from '../../canvas/severityColours.ts';

interface Props {
  annotations: readonly Annotation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  severityFilter: ReadonlySet<Annotation['severity']>;
  onToggleSeverity: (severity: Annotation['severity']) => void;
  mentorNames: ReadonlyMap<string, string>;
  myId: string;
}

/** The annotations as a list in the DOM, in number order; selecting here selects on the canvas. */
export function AnnotationList({ annotations, selectedId, onSelect, severityFilter, onToggleSeverity, mentorNames, myId }: Props) {
  const { t } = useTranslation();
  const shown = annotations.filter((a) => severityFilter.has(a.severity));
  return (
    <section aria-labelledby="annotation-list-title" className="annotation-list">
      <h2 id="annotation-list-title">
        {t('review.annotations')} ({shown.length})
      </h2>
      <fieldset className="severity-filter">
        <legend>{t('review.filterSeverity')}</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={severityFilter.has(s)} onChange={() => onToggleSeverity(s)} />
            <span className="severity-dot" style={{ background: SEVERITY_COLOURS[s] }} aria-hidden="true" />
            {t(`review.severities.${s}`)}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? <p className="muted">{t('review.noAnnotations')}</p> : null}
      <ol className="annotation-items">
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={a.id === selectedId ? 'annotation-item annotation-item-selected' : 'annotation-item'}
              aria-current={a.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(a.id)}
            >
              <span className="annotation-number" style={{ background: SEVERITY_COLOURS[a.severity] }}>
                {a.number}
              </span>
              <span className="annotation-text">
                <strong>
                  {t(`review.severities.${a.severity}`)} · {t(`review.categories.${a.category}`)}
                </strong>
                <span>{a.comment || t('review.noComment')}</span>
                {a.mentorId !== myId ? <span className="muted">{mentorNames.get(a.mentorId) ?? ''}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
