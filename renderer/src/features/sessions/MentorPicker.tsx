import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentorSchema } from '#shared/domain/mentor.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { addMentor } from '../../data/mentorsRepo.ts';
import { TextField } from '../../ui/Field.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import styles from './sessions.module.css';

const nameSchema = mentorSchema.shape.name;

interface Props {
  mentors: readonly Mentor[];
  selected: readonly string[];
  onChange: (mentorIds: string[]) => void;
  error?: string | undefined;
}

/**
 * The session's mentors: everyone known on this laptop, ticked in, plus a
 * small form to add one by name and organisation. An added mentor may score
 * here by switching identity, or on their own laptop and merge later.
 */
export function MentorPicker({ mentors, selected, onChange, error }: Props) {
  const { t } = useTranslation();
  const db = useDatabase();
  const me = useCurrentMentorRecord();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((m) => m !== id));

  async function add() {
    if (!nameSchema.safeParse(name).success) {
      setAddError(t('validation.required'));
      return;
    }
    setBusy(true);
    try {
      const mentor = await addMentor(db, { name, organisation }, me.id);
      onChange([...selected, mentor.id]);
      setName('');
      setOrganisation('');
      setAddError(undefined);
    } catch (failure) {
      setAddError(saveErrorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="session-mentors" aria-describedby={error ? 'session-mentors-error' : undefined}>
      <legend>{t('sessions.form.mentors')}</legend>
      <ul className={styles.checkList}>
        {mentors.map((m) => (
          <li key={m.id}>
            <label className="check">
              <input type="checkbox" checked={selected.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span>
                {m.name}
                {m.organisation ? <span className="muted"> · {m.organisation}</span> : null}
                {m.id === me.id ? <span className="muted"> ({t('sessions.form.you')})</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id="session-mentors-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.sessionAddMentor}>
        <p className="field-hint">{t('sessions.form.addMentorHint')}</p>
        <div className="form-row">
          <TextField
            label={t('sessions.form.mentorName')}
            value={name}
            error={addError}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
          />
          <TextField label={t('sessions.form.mentorOrganisation')} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </div>
        <button type="button" className="button" disabled={busy} onClick={() => void add()}>
          {t('sessions.form.addMentor')}
        </button>
      </div>
    </fieldset>
  );
}
