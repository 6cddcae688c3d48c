import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_REGIONS, workshopFieldsSchema, type Workshop, type WorkshopFields } from '#shared/domain/workshop.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { createWorkshop, updateWorkshop } from '../../data/workshopsRepo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { fieldErrors } from '../../ui/fieldErrors.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { WorkshopRubricField } from '../rubrics/WorkshopRubricField.tsx';

const EMPTY: WorkshopFields = {
  name: '',
  region: '',
  venue: '',
  startDate: null,
  endDate: null,
  rubricId: null,
  notes: '',
};

interface Props {
  /** The workshop to edit, or null to create one. */
  workshop: Workshop | null;
  onClose: () => void;
  onCreated?: (workshop: Workshop) => void;
}

export function WorkshopFormDialog({ workshop, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const formId = useId();
  const regionsId = useId();
  const [fields, setFields] = useState<WorkshopFields>(workshop ?? EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<WorkshopFields>) => setFields((f) => ({ ...f, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = workshopFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, t));
      return;
    }
    setBusy(true);
    try {
      if (workshop) {
        await updateWorkshop(db, workshop.id, parsed.data, mentor.id);
        toast({ message: t('workshops.updated') });
      } else {
        const created = await createWorkshop(db, parsed.data, mentor.id);
        toast({ message: t('workshops.created', { name: created.name }) });
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={workshop ? t('workshops.editTitle') : t('workshops.createTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('workshops.name')}
          required
          value={fields.name}
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextField
          label={t('workshops.region')}
          list={regionsId}
          value={fields.region}
          error={errors.region}
          onChange={(e) => set({ region: e.target.value })}
        />
        <datalist id={regionsId}>
          {KNOWN_REGIONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <TextField
          label={t('workshops.venue')}
          value={fields.venue}
          error={errors.venue}
          onChange={(e) => set({ venue: e.target.value })}
        />
        <div className="form-row">
          <TextField
            label={t('workshops.startDate')}
            type="date"
            value={fields.startDate ?? ''}
            error={errors.startDate}
            onChange={(e) => set({ startDate: e.target.value || null })}
          />
          <TextField
            label={t('workshops.endDate')}
            type="date"
            value={fields.endDate ?? ''}
            error={errors.endDate}
            onChange={(e) => set({ endDate: e.target.value || null })}
          />
        </div>
        <WorkshopRubricField value={fields.rubricId} onChange={(rubricId) => set({ rubricId })} />
        <TextAreaField
          label={t('workshops.notes')}
          value={fields.notes}
          error={errors.notes}
          onChange={(notes) => set({ notes })}
        />
      </form>
    </Dialog>
  );
}
