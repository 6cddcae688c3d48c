import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryForLink, changesFromSnippet } from '#shared/annotations/categorySuggestion.ts';
import { ANNOTATION_CATEGORIES, SEVERITIES, type Annotation } from '#shared/domain/annotation.ts';
import { distance, measureMillimetres, mmPerPixelFromKnownLength } from '#shared/annotations/geometry.ts';
import { LABEL_ITEMS } from '#shared/domain/labelChecklist.ts';
import { searchSnippets, type Snippet } from '#shared/annotations/commentBank.ts';
import { useFormat } from '../../i18n/format.ts';
import styles from './review.module.css';

interface Props {
  annotation: Annotation;
  editable: boolean;
  snippets: readonly Snippet[];
  /** Criteria of the review's rubric an annotation may be linked to. */
  criteria?: readonly { id: string; name: string }[];
  onChange: (changes: Partial<Pick<Annotation, 'category' | 'severity' | 'comment' | 'shape' | 'link'>>) => void;
  onDelete: () => void;
  onSaveSnippet: (text: string) => void;
}

/** The link as one <select> value: "criterion:<id>", "checklist:<item>" or "" for none. */
function linkValue(link: Annotation['link']): string {
  if (!link) return '';
  return link.to === 'criterion' ? `criterion:${link.criterionId}` : `checklist:${link.item}`;
}

function linkFromValue(value: string): Annotation['link'] {
  if (value.startsWith('criterion:')) return { to: 'criterion', criterionId: value.slice('criterion:'.length) };
  if (value.startsWith('checklist:')) return { to: 'checklist', item: value.slice('checklist:'.length) };
  return null;
}

/** Saves typing shortly after it pauses (well within the half second autosave promise). */
const COMMENT_SAVE_DELAY_MS = 300;

export function AnnotationEditor({ annotation, editable, snippets, criteria = [], onChange, onDelete, onSaveSnippet }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [comment, setComment] = useState(annotation.comment);
  const [stored, setStored] = useState(annotation.comment);
  const [query, setQuery] = useState('');
  const [knownMm, setKnownMm] = useState('');
  // A category picked by hand is never overridden by a suggestion (shared/annotations/categorySuggestion.ts).
  const [categoryByHand, setCategoryByHand] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'id';

  // Changed from outside (undo, redo): show what is stored. (The screen remounts this per annotation.)
  if (annotation.comment !== stored) {
    setStored(annotation.comment);
    setComment(annotation.comment);
  }

  const flush = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text !== annotation.comment) onChange({ comment: text });
  };
  const type = (text: string) => {
    setComment(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flush(text), COMMENT_SAVE_DELAY_MS);
  };
  const matches = query.trim() ? searchSnippets(snippets, query, language).slice(0, 6) : [];
  const shape = annotation.shape;
  const linkedCriterion = annotation.link?.to === 'criterion' ? annotation.link.criterionId : null;

  return (
    <section aria-labelledby="editor-title" className={styles.annotationEditor}>
      <h2 id="editor-title">{t('review.annotationNumber', { number: annotation.number })}</h2>
      <fieldset disabled={!editable}>
        <legend>{t('review.severity')}</legend>
        <div className={styles.severityChoices}>
          {SEVERITIES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name="severity" checked={annotation.severity === s} onChange={() => onChange({ severity: s })} />
              {t(`review.severities.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="annotation-category">{t('review.category')}</label>
        <select
          id="annotation-category"
          value={annotation.category}
          disabled={!editable}
          onChange={(e) => {
            setCategoryByHand(true);
            onChange({ category: e.target.value as Annotation['category'] });
          }}
        >
          {ANNOTATION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`review.categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {shape.kind === 'text' ? (
        <div className="field">
          <label htmlFor="annotation-label">{t('review.labelText')}</label>
          <input
            id="annotation-label"
            value={shape.text}
            disabled={!editable}
            onChange={(e) => onChange({ shape: { ...shape, text: e.target.value } })}
          />
        </div>
      ) : null}
      {shape.kind === 'measure' ? (
        <>
          <p className={styles.measureResult}>
            {shape.mmPerPixel
              ? t('review.measureMm', { mm: format.number(Math.round(measureMillimetres(shape, shape.mmPerPixel) * 10) / 10) })
              : t('review.measurePx', { px: format.number(Math.round(distance(shape.from, shape.to))) })}
          </p>
          {editable ? (
            <div className={styles.calibrate}>
              <div className="field">
                <label htmlFor="known-length">{t('review.knownLength')}</label>
                <input id="known-length" inputMode="decimal" value={knownMm} onChange={(e) => setKnownMm(e.target.value)} />
              </div>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  const mm = Number(knownMm.replace(',', '.'));
                  const scale = mmPerPixelFromKnownLength(distance(shape.from, shape.to), mm);
                  if (scale) onChange({ shape: { ...shape, mmPerPixel: scale } });
                }}
              >
                {t('review.calibrate')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      <div className="field">
        <label htmlFor="annotation-link">{t('scoring.link.label')}</label>
        <select
          id="annotation-link"
          disabled={!editable}
          value={linkValue(annotation.link)}
          onChange={(e) => {
            const link = linkFromValue(e.target.value);
            const category = categoryByHand ? null : categoryForLink(link);
            onChange(category && category !== annotation.category ? { link, category } : { link });
          }}
        >
          <option value="">{t('review.noLink')}</option>
          {criteria.length > 0 || linkedCriterion ? (
            <optgroup label={t('scoring.link.criteria')}>
              {criteria.map((c) => (
                <option key={c.id} value={`criterion:${c.id}`}>
                  {c.name}
                </option>
              ))}
              {linkedCriterion && !criteria.some((c) => c.id === linkedCriterion) ? (
                // Linked under another rubric: kept, shown by id.
                <option value={`criterion:${linkedCriterion}`}>{linkedCriterion}</option>
              ) : null}
            </optgroup>
          ) : null}
          <optgroup label={t('scoring.link.checklist')}>
            {LABEL_ITEMS.map((item) => (
              <option key={item} value={`checklist:${item}`}>
                {t(`checklist.items.${item}`)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor="annotation-comment">{t('review.comment')}</label>
        <textarea
          id="annotation-comment"
          rows={4}
          value={comment}
          disabled={!editable}
          onChange={(e) => type(e.target.value)}
          onBlur={() => flush(comment)}
        />
      </div>
      {editable ? (
        <div className="field snippet-search">
          <label htmlFor="snippet-query">{t('review.snippetSearch')}</label>
          <input
            id="snippet-query"
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = matches[0];
              if (e.key === 'Enter' && first) {
                e.preventDefault();
                const text = first.text[language];
                const next = comment ? `${comment.trimEnd()} ${text}` : text;
                setComment(next);
                flush(next);
                const extra = changesFromSnippet(annotation, first, categoryByHand);
                if (Object.keys(extra).length > 0) onChange(extra);
                setQuery('');
              }
            }}
          />
          {matches.length > 0 ? (
            <ul className={styles.snippetResults} aria-label={t('review.snippetResults')}>
              {matches.map((snippet) => (
                <li key={snippet.key}>
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => {
                      const text = snippet.text[language];
                      const next = comment ? `${comment.trimEnd()} ${text}` : text;
                      setComment(next);
                      flush(next);
                      const extra = changesFromSnippet(annotation, snippet, categoryByHand);
                      if (Object.keys(extra).length > 0) onChange(extra);
                      setQuery('');
                    }}
                  >
                    {snippet.text[language]}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="field-hint">{t('review.snippetHint')}</p>
        </div>
      ) : null}
      {editable ? (
        <div className="toolbar">
          <button type="button" className="button button-small" disabled={!comment.trim()} onClick={() => onSaveSnippet(comment.trim())}>
            {t('review.saveSnippet')}
          </button>
          <button type="button" className="button button-small button-danger" onClick={onDelete} aria-keyshortcuts="Delete">
            {t('review.deleteAnnotation')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('review.othersLayer')}</p>
      )}
    </section>
  );
}
