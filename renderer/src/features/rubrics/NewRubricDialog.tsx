import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RUBRIC_PRESETS } from '#shared/scoring/presets.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { createDraft } from '../../data/rubricsRepo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { rubricErrorMessage } from './rubricErrors.ts';
import { nameIn, rubricTitle } from './rubricText.ts';
import styles from './rubrics.module.css';

/** Start a new rubric family: blank, or from one of the shipped presets. */
export function NewRubricDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (rubricId: string) => void }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const formId = useId();
  const [choice, setChoice] = useState<string>('blank');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const preset = RUBRIC_PRESETS.find((p) => p.id === choice);
      const draft = await createDraft(db, preset ? { preset } : 'blank', mentor.id);
      toast({ message: t('rubrics.created', { name: rubricTitle(draft.name, t, i18n.language) }) });
      onCreated(draft.id);
    } catch (error) {
      toast({ tone: 'error', message: rubricErrorMessage(error, t) });
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('rubrics.newTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t('rubrics.create')}
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('rubrics.newFrom')}</legend>
          <div className={styles.choiceList}>
            <label className="check">
              <input type="radio" name="rubric-source" value="blank" checked={choice === 'blank'} onChange={() => setChoice('blank')} />
              {t('rubrics.newBlank')}
            </label>
            {RUBRIC_PRESETS.map((p) => (
              <label key={p.id} className="check">
                <input type="radio" name="rubric-source" value={p.id} checked={choice === p.id} onChange={() => setChoice(p.id)} />
                {t('rubrics.newPresetOption', { name: nameIn(p.name, i18n.language) ?? p.id })}
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
