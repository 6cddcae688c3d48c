import { useContext, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import { LABEL_ITEMS } from '#shared/domain/labelChecklist.ts';
import type { Participant } from '#shared/domain/participant.ts';
import { openSuggestions, proofOf, suggestNotApplicable, summariseChecklist, type ChecklistItems } from '#shared/scoring/labelCheck.ts';
import { CurrentMentorContext } from '../../app/CurrentMentor.tsx';
import { useLabelChecklist } from '../../data/checklistHooks.ts';
import { Loading } from '../../ui/Placeholders.tsx';
import { useKeyCommands } from '../../app/keymap.ts';
import { ChecklistItemRow } from './ChecklistItemRow.tsx';
import { ChecklistSummary } from './ChecklistSummary.tsx';
import { NotApplicableSuggestions } from './NotApplicableSuggestions.tsx';
import { RegistrationBox } from './RegistrationBox.tsx';
import { useChecklistActions } from './useChecklistActions.ts';
import styles from './checklistPanel.module.css';
import { cx } from '../../ui/cx.ts';

export interface ChecklistPanelProps {
  submissionId: string;
  participant: Participant;
  /** Whose checklist this is; edits are made in their name. */
  mentorId: string;
  /** Live annotations of the submission, every mentor's. */
  annotations: readonly Annotation[];
  /** Another mentor's checklist, or a submitted review: shown, not edited. */
  readOnly?: boolean;
  onShowAnnotation(annotationId: string): void;
  /** Names of other mentors whose annotations serve as proof. */
  mentorNames?: ReadonlyMap<string, string>;
  /** The year a P-IRT's expiry is checked against; this year when not given. */
  currentYear?: number;
}

const NO_ITEMS: ChecklistItems = {};

/**
 * The label checklist of one submission for one mentor (BPOM 31/2018 label
 * items): a status per item proved by an annotation, the registration number
 * checked against the participant's declared facts, and a summary. Every edit
 * is saved at once; the checklist record is made on the first edit.
 */
export function ChecklistPanel({
  submissionId,
  participant,
  mentorId,
  annotations,
  readOnly = false,
  onShowAnnotation,
  mentorNames,
  currentYear,
}: ChecklistPanelProps) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const headingId = `${idPrefix}-title`;
  // Focus in the checklist: 1–4 and the arrows act on its items, not on the canvas.
  const section = useRef<HTMLElement>(null);
  useKeyCommands('checklist', {}, section);
  const listRef = useRef<HTMLOListElement>(null);
  const checklist = useLabelChecklist(submissionId, mentorId);
  // Read-only for the reviewing mentor's own checklist means their review is submitted; else it is someone else's.
  const own = useContext(CurrentMentorContext)?.id === mentorId;
  const actions = useChecklistActions({ submissionId, mentorId });
  const items = checklist?.items ?? NO_ITEMS;
  const live = useMemo(() => annotations.filter((a) => a.deletedAt === null && a.submissionId === submissionId), [annotations, submissionId]);
  const linkable = useMemo(() => live.filter((a) => a.mentorId === mentorId).sort((a, b) => a.number - b.number), [live, mentorId]);
  const summary = useMemo(() => summariseChecklist(items, live, mentorId), [items, live, mentorId]);
  const suggestions = useMemo(() => openSuggestions(suggestNotApplicable(participant), items), [participant, items]);

  /** After a digit key chose a status, focus goes to the next item's status, as when scoring. */
  const focusNextItem = (index: number) => {
    const next = listRef.current?.querySelectorAll<HTMLFieldSetElement>(`.${styles.checklistItem}`)[index + 1];
    const radio = next?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ?? next?.querySelector<HTMLInputElement>('input[type="radio"]');
    radio?.focus();
  };

  if (checklist === undefined) return <Loading />;
  return (
    // Digits, arrows, Space and Enter in the panel are its own (statuses, buttons), not the canvas's zoom and pan.
    <section ref={section} className={styles.checklistPanel} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('checklistPanel.title')}</h2>
      <p className={cx('muted', styles.checklistIntro)}>{t('checklistPanel.intro')}</p>
      {readOnly ? <p className={styles.checklistReadonly}>{t(own ? 'checklistPanel.readOnlySubmitted' : 'checklistPanel.readOnly')}</p> : null}
      <ChecklistSummary summary={summary} />
      <RegistrationBox
        participant={participant}
        onLabel={checklist?.registrationOnLabel ?? ''}
        onChangeOnLabel={(written) => void actions.setOnLabel(written)}
        readOnly={readOnly}
        currentYear={currentYear ?? new Date().getFullYear()}
      />
      {!readOnly && suggestions.length > 0 ? (
        <NotApplicableSuggestions suggestions={suggestions} items={items} category={participant.category} actions={actions} />
      ) : null}
      <h3>{t('checklistPanel.itemsHeading')}</h3>
      {readOnly ? null : <p className="field-hint">{t('checklistPanel.keysHint')}</p>}
      <ol ref={listRef} className={styles.checklistItems}>
        {LABEL_ITEMS.map((item, index) => (
          <li key={item}>
            <ChecklistItemRow
              item={item}
              entry={items[item]}
              proof={proofOf(items, item, live, mentorId)}
              linkable={linkable}
              mentorId={mentorId}
              mentorNames={mentorNames}
              readOnly={readOnly}
              actions={actions}
              onChosenByKey={() => focusNextItem(index)}
              onShowAnnotation={onShowAnnotation}
              idPrefix={idPrefix}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
