import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mentorSchema } from '#shared/domain/mentor.ts';
import { TextField } from '../../ui/Field.tsx';
import { fieldErrors } from '../../ui/fieldErrors.ts';
import type { MentorFields } from '../../data/mentorsRepo.ts';

const fieldsSchema = mentorSchema.pick({ name: true, organisation: true });

interface MentorFormProps {
  initial: MentorFields;
  submitLabel: string;
  onSubmit: (fields: MentorFields) => Promise<void>;
  formId?: string;
  hideSubmit?: boolean;
}

/** Name and organisation of the reviewer; used on first run and in the profile dialog. */
export function MentorForm({ initial, submitLabel, onSubmit, formId, hideSubmit }: MentorFormProps) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = fieldsSchema.safeParse(fields);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id={formId} onSubmit={(e) => void submit(e)} noValidate className="form">
      <TextField
        label={t('identity.name')}
        required
        autoComplete="name"
        value={fields.name}
        error={errors.name}
        onChange={(e) => setFields({ ...fields, name: e.target.value })}
      />
      <TextField
        label={t('identity.organisation')}
        hint={t('identity.organisationHint')}
        autoComplete="organization"
        value={fields.organisation}
        error={errors.organisation}
        onChange={(e) => setFields({ ...fields, organisation: e.target.value })}
      />
      {hideSubmit ? null : (
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
