import { useTranslation } from 'react-i18next';
import {
  addCriterion,
  moveGroup,
  removeGroup,
  updateGroup,
  type RubricContent,
  type RubricGroup,
  type WeightShares,
} from '#shared/scoring/rubricRules.ts';
import { CriterionEditor } from './CriterionEditor.tsx';
import { DecimalField, EditorText } from './EditorFields.tsx';
import { fieldIds, nameIn } from './rubricText.ts';
import { useShareFormat } from './WeightChart.tsx';
import styles from './rubrics.module.css';

type Apply = (change: (content: RubricContent) => RubricContent, key: string | null) => void;

/** One group of a draft: its names and weight, then its criteria. */
export function GroupEditor({
  group,
  gi,
  groupCount,
  shares,
  weightsWrong,
  apply,
  onRemoved,
}: {
  group: RubricGroup;
  gi: number;
  groupCount: number;
  shares: WeightShares['groups'][number] | undefined;
  /** The group weights do not add up to 100: every group weight field is marked. */
  weightsWrong: boolean;
  apply: Apply;
  onRemoved: (name: string, focusId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const formatShare = useShareFormat();
  const name = nameIn(group.name, i18n.language) ?? t('rubrics.unnamed');
  const headingId = `rubric-g${gi}-heading`;
  // Buttons name their group by number too: two may both be unnamed.
  const label = `${gi + 1} ${name}`;
  const id = group.id;
  const lastCriterion = group.criteria.length - 1;
  return (
    <section className={styles.rubricGroup} aria-labelledby={headingId}>
      <div className={styles.rubricItemHeader}>
        <h2 id={headingId}>{t('rubrics.groupHeading', { number: gi + 1, name })}</h2>
        <div className="toolbar">
          <button
            type="button"
            className="button button-small"
            disabled={gi === 0}
            aria-label={t('rubrics.moveGroupUp', { name: label })}
            onClick={() => apply((r) => moveGroup(r, id, -1), null)}
          >
            <span aria-hidden="true">↑ </span>
            {t('rubrics.moveUp')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={gi === groupCount - 1}
            aria-label={t('rubrics.moveGroupDown', { name: label })}
            onClick={() => apply((r) => moveGroup(r, id, 1), null)}
          >
            <span aria-hidden="true">↓ </span>
            {t('rubrics.moveDown')}
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            aria-label={t('rubrics.removeGroupLabel', { name: label })}
            onClick={() => {
              apply((r) => removeGroup(r, id), null);
              onRemoved(t('rubrics.groupHeading', { number: gi + 1, name }), fieldIds.addGroup);
            }}
          >
            {t('rubrics.removeGroup')}
          </button>
        </div>
      </div>
      <div className="form-row">
        <EditorText
          id={fieldIds.groupName(gi, 'id')}
          label={t('rubrics.nameId')}
          lang="id"
          value={group.name.id}
          invalid={!group.name.id.trim()}
          onChange={(text) => apply((r) => updateGroup(r, id, { name: { id: text } }), `${id}:name:id`)}
        />
        <EditorText
          id={fieldIds.groupName(gi, 'en')}
          label={t('rubrics.nameEn')}
          lang="en"
          value={group.name.en}
          invalid={!group.name.en.trim()}
          onChange={(text) => apply((r) => updateGroup(r, id, { name: { en: text } }), `${id}:name:en`)}
        />
        <DecimalField
          id={fieldIds.groupWeight(gi)}
          label={t('rubrics.groupWeight')}
          hint={`${t('rubrics.share', { share: formatShare(shares?.share ?? 0) })}. ${t('rubrics.groupWeightHint')}`}
          className={styles.rubricWeightField}
          value={group.weight}
          invalid={weightsWrong}
          check={(n) => (n >= 0 ? null : t('rubrics.numberNegative'))}
          onCommit={(n) => apply((r) => updateGroup(r, id, { weight: n }), `${id}:weight`)}
        />
      </div>
      {group.criteria.map((c, ci) => (
        <CriterionEditor
          key={c.id}
          criterion={c}
          gi={gi}
          ci={ci}
          share={shares?.criteria[ci]?.share ?? 0}
          isFirst={gi === 0 && ci === 0}
          isLast={gi === groupCount - 1 && ci === lastCriterion}
          apply={apply}
          onRemoved={(criterionName) => onRemoved(criterionName, fieldIds.addCriterion(gi))}
        />
      ))}
      <button
        type="button"
        id={fieldIds.addCriterion(gi)}
        className="button"
        aria-label={t('rubrics.addCriterionLabel', { name: label })}
        onClick={() => apply((r) => addCriterion(r, id, crypto.randomUUID()), null)}
      >
        <span aria-hidden="true">+ </span>
        {t('rubrics.addCriterion')}
      </button>
    </section>
  );
}
