import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  descriptorsLostByScale,
  moveCriterion,
  removeCriterion,
  setCriterionScale,
  setDescriptor,
  updateCriterion,
  type RubricContent,
  type RubricCriterion,
} from '#shared/scoring/rubricRules.ts';
import type { Scale } from '#shared/scoring/scale.ts';
import { useFormat } from '../../i18n/format.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { DecimalField, EditorText } from './EditorFields.tsx';
import { fieldIds, nameIn } from './rubricText.ts';
import { useShareFormat } from './WeightChart.tsx';
import styles from './rubrics.module.css';
import { cx } from '../../ui/cx.ts';

type Apply = (change: (content: RubricContent) => RubricContent, key: string | null) => void;

const emptyCount = (c: RubricCriterion) => c.levels.reduce((n, l) => n + (l.descriptor.id.trim() ? 0 : 1) + (l.descriptor.en.trim() ? 0 : 1), 0);

/** One criterion of a draft: names, weight, scale and a descriptor per level in both languages. */
export function CriterionEditor({
  criterion,
  gi,
  ci,
  share,
  isFirst,
  isLast,
  apply,
  onRemoved,
}: {
  criterion: RubricCriterion;
  gi: number;
  ci: number;
  /** Its share of the 0–100 total. */
  share: number;
  isFirst: boolean;
  isLast: boolean;
  apply: Apply;
  onRemoved: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const formatShare = useShareFormat();
  const toast = useToast();
  const missing = emptyCount(criterion);
  const [open, setOpen] = useState(missing > 0);
  const number = `${gi + 1}.${ci + 1}`;
  const name = nameIn(criterion.name, i18n.language) ?? t('rubrics.unnamed');
  const headingId = `rubric-g${gi}c${ci}-heading`;
  // Buttons name their criterion by number too: two may both be unnamed.
  const label = `${number} ${name}`;
  const id = criterion.id;

  const setScale = (part: keyof Scale, value: number) => {
    const scale = { ...criterion.scale, [part]: value };
    const lost = descriptorsLostByScale(criterion, scale);
    apply((r) => setCriterionScale(r, id, scale), null);
    if (lost > 0) toast({ message: t('rubrics.descriptorsDropped', { count: lost }) });
  };
  const scaleCheck = (part: keyof Scale) => (value: number) => {
    const scale = { ...criterion.scale, [part]: value };
    if (part === 'step') return value > 0 ? null : t('rubrics.stepPositive');
    return scale.max > scale.min ? null : t('rubrics.scaleOrder');
  };

  return (
    <section className={styles.rubricCriterion} aria-labelledby={headingId}>
      <div className={styles.rubricItemHeader}>
        <h3 id={headingId}>{t('rubrics.criterionHeading', { number, name })}</h3>
        <div className="toolbar">
          <button
            type="button"
            className="button button-small"
            disabled={isFirst}
            aria-label={t('rubrics.moveCriterionUp', { name: label })}
            onClick={() => apply((r) => moveCriterion(r, id, -1), null)}
          >
            <span aria-hidden="true">↑ </span>
            {t('rubrics.moveUp')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={isLast}
            aria-label={t('rubrics.moveCriterionDown', { name: label })}
            onClick={() => apply((r) => moveCriterion(r, id, 1), null)}
          >
            <span aria-hidden="true">↓ </span>
            {t('rubrics.moveDown')}
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            aria-label={t('rubrics.removeCriterionLabel', { name: label })}
            onClick={() => {
              apply((r) => removeCriterion(r, id), null);
              onRemoved(t('rubrics.criterionHeading', { number, name }));
            }}
          >
            {t('rubrics.removeCriterion')}
          </button>
        </div>
      </div>
      <div className="form-row">
        <EditorText
          id={fieldIds.criterionName(gi, ci, 'id')}
          label={t('rubrics.nameId')}
          lang="id"
          value={criterion.name.id}
          invalid={!criterion.name.id.trim()}
          onChange={(text) => apply((r) => updateCriterion(r, id, { name: { id: text } }), `${id}:name:id`)}
        />
        <EditorText
          id={fieldIds.criterionName(gi, ci, 'en')}
          label={t('rubrics.nameEn')}
          lang="en"
          value={criterion.name.en}
          invalid={!criterion.name.en.trim()}
          onChange={(text) => apply((r) => updateCriterion(r, id, { name: { en: text } }), `${id}:name:en`)}
        />
      </div>
      <div className={styles.rubricNumbers}>
        <DecimalField
          id={fieldIds.criterionWeight(gi, ci)}
          label={t('rubrics.criterionWeight')}
          hint={`${t('rubrics.share', { share: formatShare(share) })}. ${t('rubrics.criterionWeightHint')}`}
          value={criterion.weight}
          invalid={!(criterion.weight > 0)}
          check={(n) => (n > 0 ? null : t('validation.positiveNumber'))}
          onCommit={(n) => apply((r) => updateCriterion(r, id, { weight: n }), `${id}:weight`)}
        />
        <DecimalField
          id={fieldIds.scale(gi, ci, 'min')}
          label={t('rubrics.scaleMin')}
          value={criterion.scale.min}
          check={scaleCheck('min')}
          onCommit={(n) => setScale('min', n)}
        />
        <DecimalField
          id={fieldIds.scale(gi, ci, 'max')}
          label={t('rubrics.scaleMax')}
          value={criterion.scale.max}
          check={scaleCheck('max')}
          onCommit={(n) => setScale('max', n)}
        />
        <DecimalField
          id={fieldIds.scale(gi, ci, 'step')}
          label={t('rubrics.scaleStep')}
          value={criterion.scale.step}
          check={scaleCheck('step')}
          onCommit={(n) => setScale('step', n)}
        />
      </div>
      <details className={styles.rubricLevels} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {missing > 0
            ? t('rubrics.levelsSummaryMissing', { count: criterion.levels.length, missing: format.number(missing) })
            : t('rubrics.levelsSummary', { count: criterion.levels.length })}
        </summary>
        <table className={cx('table', styles.rubricLevelsTable)}>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('rubrics.level')}
              </th>
              <th scope="col">{t('rubrics.descriptorId')}</th>
              <th scope="col">{t('rubrics.descriptorEn')}</th>
            </tr>
          </thead>
          <tbody>
            {criterion.levels.map((level, li) => (
              <tr key={level.score}>
                <th scope="row" className="numeric">
                  {format.number(level.score)}
                </th>
                {(['id', 'en'] as const).map((language) => (
                  <td key={language}>
                    <label className="visually-hidden" htmlFor={fieldIds.descriptor(gi, ci, li, language)}>
                      {t(language === 'id' ? 'rubrics.descriptorLabelId' : 'rubrics.descriptorLabelEn', { score: format.number(level.score) })}
                    </label>
                    <textarea
                      id={fieldIds.descriptor(gi, ci, li, language)}
                      lang={language}
                      rows={3}
                      value={level.descriptor[language]}
                      aria-invalid={level.descriptor[language].trim() ? undefined : true}
                      onChange={(e) => {
                        const text = e.target.value;
                        apply((r) => setDescriptor(r, id, level.score, language, text), `${id}:${level.score}:${language}`);
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
