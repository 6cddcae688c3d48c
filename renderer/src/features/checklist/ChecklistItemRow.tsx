import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import { LABEL_ITEM_STATUSES } from '#shared/domain/labelChecklist.ts';
import { needsProof, type ChecklistEntry, type LabelItem, type LabelItemStatus, type ProofResult } from '#shared/scoring/labelCheck.ts';
import { SEVERITY_COLOURS } from '../../canvas/severityColours.ts';
import { pressesCommand } from '../../app/keymap.ts';
import type { ChecklistActions } from './useChecklistActions.ts';
import { useDebouncedText } from './useDebouncedText.ts';
import styles from './checklistPanel.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  item: LabelItem;
  entry: ChecklistEntry | undefined;
  proof: ProofResult;
  /** The checklist mentor's own live annotations, in number order: what can be linked. */
  linkable: readonly Annotation[];
  mentorId: string;
  mentorNames: ReadonlyMap<string, string> | undefined;
  readOnly: boolean;
  actions: ChecklistActions;
  /** Called after a digit key chose a status, to move on to the next item. */
  onChosenByKey: () => void;
  onShowAnnotation: (annotationId: string) => void;
  idPrefix: string;
}

/** The keymap command that picks each status (shared/keymap/keymap.ts, scope 'checklist'). */
const STATUS_COMMANDS: Readonly<Record<LabelItemStatus, string>> = {
  present: 'checklist.present',
  missing: 'checklist.missing',
  wrong: 'checklist.wrong',
  'not-applicable': 'checklist.notApplicable',
};

const shorten = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One label item: its status as a radio group, its proof on the artwork, and a note. */
export function ChecklistItemRow(props: Props) {
  const { item, entry, proof, linkable, mentorId, mentorNames, readOnly, actions, onChosenByKey, onShowAnnotation, idPrefix } = props;
  const { t } = useTranslation();
  const name = t(`checklist.items.${item}`);
  const status = entry?.status ?? null;
  const note = useDebouncedText(entry?.note ?? '', (text) => void actions.setNote(item, text));
  const base = `${idPrefix}-${item}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const chosen = LABEL_ITEM_STATUSES.find((s) => pressesCommand(event.nativeEvent, STATUS_COMMANDS[s]));
    if (!chosen || readOnly) return;
    event.preventDefault();
    if (chosen !== status) void actions.setStatus(item, chosen);
    onChosenByKey();
  };

  const shown = proof.proof?.annotation;
  const linkedId = proof.proof?.via === 'item' ? (shown?.id ?? '') : '';
  return (
    <fieldset className={cx(styles.checklistItem, styles[`checklist-item-${status ?? 'unchecked'}`])} data-item={item}>
      <legend>{name}</legend>
      <div className={styles.checklistStatus} onKeyDown={onKeyDown}>
        {LABEL_ITEM_STATUSES.map((s, index) => (
          <label key={s} className={cx(styles.checklistChoice, styles[`checklist-choice-${s}`])}>
            <input
              type="radio"
              name={`${base}-status`}
              value={s}
              checked={status === s}
              disabled={readOnly}
              aria-keyshortcuts={String(index + 1)}
              onChange={() => void actions.setStatus(item, s)}
            />
            {t(`checklistPanel.status.${s}`)}
          </label>
        ))}
      </div>

      {shown ? (
        <div className={styles.checklistProof} data-testid="checklist-proof">
          <span className={styles.checklistProofLabel}>{t('checklistPanel.item.proof')}:</span>
          <span className={styles.checklistProofNumber}>
            <span className={styles.checklistDot} style={{ background: SEVERITY_COLOURS[shown.severity] }} aria-hidden="true" />
            {shown.number}
          </span>
          <span className={styles.checklistProofText}>
            {shown.comment ? shorten(shown.comment, 90) : t('checklistPanel.item.noComment')}
            {proof.proof?.via === 'annotation' ? <span className="muted"> ({t('checklistPanel.item.viaAnnotation')})</span> : null}
            {shown.mentorId !== mentorId ? (
              <span className="muted">
                {' '}
                ({t('checklistPanel.item.byOther', { name: mentorNames?.get(shown.mentorId) ?? t('checklistPanel.item.otherMentor') })})
              </span>
            ) : null}
          </span>
          <button
            type="button"
            className="button button-small"
            aria-label={t('checklistPanel.item.showLabel', { number: shown.number })}
            onClick={() => onShowAnnotation(shown.id)}
          >
            {t('checklistPanel.item.show')}
          </button>
        </div>
      ) : null}
      {proof.brokenLink ? <p className={styles.checklistWarning}>{t('checklistPanel.item.proofBroken')}</p> : null}
      {!shown && needsProof(status) ? <p className={styles.checklistWarning}>{t('checklistPanel.item.proofNeeded')}</p> : null}

      {status === null ? (
        readOnly ? null : <p className="field-hint">{t('checklistPanel.item.locked')}</p>
      ) : (
        <div className={styles.checklistItemDetails}>
          {readOnly ? null : linkable.length === 0 ? (
            <p className="field-hint">{t('checklistPanel.item.noOwnAnnotations')}</p>
          ) : (
            <div className="field">
              <label htmlFor={`${base}-link`}>{t('checklistPanel.item.link')}</label>
              <select
                id={`${base}-link`}
                aria-label={t('checklistPanel.item.linkFor', { item: name })}
                value={linkedId}
                onChange={(e) => void actions.link(item, e.target.value || null)}
              >
                <option value="">{t('checklistPanel.item.linkNone')}</option>
                {linkable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {t('checklistPanel.item.linkOption', {
                      number: a.number,
                      comment: a.comment ? shorten(a.comment) : t('checklistPanel.item.noComment'),
                    })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {readOnly ? (
            entry?.note ? <p className={styles.checklistNote}>{entry.note}</p> : null
          ) : (
            <div className="field">
              <label htmlFor={`${base}-note`}>{t('checklistPanel.item.note')}</label>
              <textarea
                id={`${base}-note`}
                aria-label={t('checklistPanel.item.noteFor', { item: name })}
                rows={2}
                maxLength={2000}
                value={note.text}
                onChange={(e) => note.change(e.target.value)}
                onBlur={note.flush}
              />
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
