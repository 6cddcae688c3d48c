import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Rubric } from '#shared/domain/rubric.ts';
import { addGroup, groupWeightSum, publishProblems, setRubricName, weightShares } from '#shared/scoring/rubricRules.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { deleteDraft, publish, restoreDraft } from '../../data/rubricsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { useDeleteWithUndo } from '../../ui/useDeleteWithUndo.ts';
import { EditorText } from './EditorFields.tsx';
import { GroupEditor } from './GroupEditor.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { rubricErrorMessage } from './rubricErrors.ts';
import { fieldIds, rubricTitle } from './rubricText.ts';
import { useDraftEditing } from './useDraftEditing.ts';
import { WeightChart } from './WeightChart.tsx';
import styles from './rubrics.module.css';
import { cx } from '../../ui/cx.ts';

/** Within float noise of 100, as `checkWeights` accepts it. */
const sumsTo100 = (sum: number) => Math.abs(sum - 100) <= 1e-6;

/** Editing a draft: every change saved as it is made, undo with Ctrl+Z, Publish once nothing is missing. */
export function DraftEditor({ rubric }: { rubric: Rubric }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const deleteWithUndo = useDeleteWithUndo();
  const navigate = useNavigate();
  const format = useFormat();
  const editing = useDraftEditing(rubric, mentor.id, (error) => toast({ tone: 'error', message: rubricErrorMessage(error, t) }));
  const [busy, setBusy] = useState(false);
  const focusAfter = useRef<string | null>(null);
  const { content, apply, undo, redo } = editing;
  const problems = publishProblems(content);
  const shares = weightShares(content);
  const sum = groupWeightSum(content);
  const weightsWrong = content.groups.length > 0 && !sumsTo100(sum);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // After a removal the button that was pressed is gone: put focus somewhere sensible.
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  async function publishNow() {
    setBusy(true);
    try {
      await editing.flush();
      const published = await publish(db, rubric.id, mentor.id);
      toast({ message: t('rubrics.published', { version: published.version }) });
    } catch (error) {
      toast({ tone: 'error', message: rubricErrorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  }

  async function removeDraft() {
    const name = rubricTitle(content.name, t, i18n.language);
    try {
      await editing.flush();
    } catch (error) {
      toast({ tone: 'error', message: rubricErrorMessage(error, t) });
      return;
    }
    await deleteWithUndo({
      remove: () => deleteDraft(db, rubric.id, mentor.id),
      restore: () => restoreDraft(db, rubric.id, mentor.id),
      deleted: t('rubrics.draftDeleted', { name }),
      restored: t('rubrics.draftRestored', { name }),
      then: () => void navigate('/rubrics'),
      errorMessage: (error) => rubricErrorMessage(error, t),
    });
  }

  const onRemoved = (name: string, focusId: string) => {
    toast({ message: t('rubrics.removed', { name }) });
    focusAfter.current = focusId;
  };

  const terms = content.groups.map((g) => format.number(g.weight)).join(' + ') || '0';
  const diff = Math.round((sum - 100) * 1e6) / 1e6;

  return (
    <div className={styles.rubricEditor}>
      <div className={styles.rubricEditorMain}>
        <fieldset className="rubric-name">
          <legend>{t('rubrics.rubricName')}</legend>
          <div className="form-row">
            <EditorText
              id={fieldIds.rubricName('id')}
              label={t('rubrics.nameId')}
              lang="id"
              value={content.name.id}
              invalid={!content.name.id.trim()}
              onChange={(text) => apply((r) => setRubricName(r, 'id', text), 'name:id')}
            />
            <EditorText
              id={fieldIds.rubricName('en')}
              label={t('rubrics.nameEn')}
              lang="en"
              value={content.name.en}
              invalid={!content.name.en.trim()}
              onChange={(text) => apply((r) => setRubricName(r, 'en', text), 'name:en')}
            />
          </div>
        </fieldset>
        <p className={weightsWrong ? cx(styles.weightSum, styles.weightSumWrong) : styles.weightSum} role="status">
          {weightsWrong
            ? t('rubrics.weightSumWrong', {
                terms,
                sum: format.number(sum),
                diff: diff > 0 ? t('rubrics.weightSumMore', { amount: format.number(diff) }) : t('rubrics.weightSumLess', { amount: format.number(-diff) }),
              })
            : content.groups.length > 0
              ? t('rubrics.weightSumOk', { terms })
              : t('rubrics.problems.noGroups')}
        </p>
        {content.groups.map((g, gi) => (
          <GroupEditor
            key={g.id}
            group={g}
            gi={gi}
            groupCount={content.groups.length}
            shares={shares.groups[gi]}
            weightsWrong={weightsWrong}
            apply={apply}
            onRemoved={onRemoved}
          />
        ))}
        <button
          type="button"
          id={fieldIds.addGroup}
          className="button"
          onClick={() => apply((r) => addGroup(r, crypto.randomUUID(), crypto.randomUUID()), null)}
        >
          <span aria-hidden="true">+ </span>
          {t('rubrics.addGroup')}
        </button>
      </div>
      <aside className={styles.rubricEditorSide}>
        <PublishPanel
          content={content}
          problems={problems}
          saveState={editing.saveState}
          canUndo={editing.canUndo}
          canRedo={editing.canRedo}
          busy={busy}
          onUndo={undo}
          onRedo={redo}
          onPublish={() => void publishNow()}
          onDelete={() => void removeDraft()}
        />
        <WeightChart rubric={content} />
      </aside>
    </div>
  );
}
