import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '#shared/domain/mentor.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useMentors } from '../../data/hooks.ts';
import { createMentor, setCurrentMentor } from '../../data/mentorsRepo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { MentorForm } from './MentorForm.tsx';
import styles from './mentorSwitch.module.css';
import { cx } from '../../ui/cx.ts';
import workspaceStyles from '../workspace/workspace.module.css';

/** The header's "who is reviewing" control: the current mentor's name, opening the switch dialog. */
export function MentorSwitchButton({ mentor, onOpen, compact = false }: { mentor: Mentor; onOpen: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={compact ? cx('button', 'button-quiet', styles.mentorSwitch, workspaceStyles.mentorSwitchCompact) : cx('button', 'button-quiet', styles.mentorSwitch)}
      aria-haspopup="dialog"
      title={compact ? mentor.name : undefined}
      onClick={onOpen}
    >
      <span className={styles.mentorSwitchAvatar} aria-hidden="true">
        {mentor.name.trim().charAt(0).toUpperCase()}
      </span>
      {/* Compact (in a workspace bar): the avatar alone, the name still read out. */}
      <span className={compact ? cx(styles.mentorSwitchText, 'visually-hidden') : styles.mentorSwitchText}>
        <span className={styles.mentorSwitchName}>{mentor.name}</span>
        <span className={styles.mentorSwitchAction}>{t('checklistPanel.mentorSwitch.button')}</span>
      </span>
      {compact ? null : (
        <span className={styles.mentorSwitchCaret} aria-hidden="true">
          ▾
        </span>
      )}
    </button>
  );
}

interface DialogProps {
  current: Mentor;
  onClose: () => void;
  onEditProfile: () => void;
}

/**
 * Several mentors share one laptop: the mentors known here, to switch to,
 * and a form to add one. Whoever is chosen is recorded on every edit from then
 * on; the choice is kept in the database, so a reload keeps it.
 */
export function MentorSwitchDialog({ current, onClose, onEditProfile }: DialogProps) {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const mentors = useMentors();
  const othersId = useId();
  const addId = useId();
  const others = (mentors ?? []).filter((m) => m.id !== current.id);

  async function switchTo(mentor: Mentor) {
    try {
      await setCurrentMentor(db, mentor.id);
      toast({ message: t('checklistPanel.mentorSwitch.nowReviewing', { name: mentor.name }) });
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    }
  }

  return (
    <Dialog
      title={t('checklistPanel.mentorSwitch.title')}
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted">{t('checklistPanel.mentorSwitch.intro')}</p>
      <div className={styles.mentorCurrent}>
        <div>
          <p className={styles.mentorCurrentLabel}>{t('checklistPanel.mentorSwitch.current')}</p>
          <p className="mentor-current-name">
            <strong>{current.name}</strong>
            {current.organisation ? <span className="muted"> · {current.organisation}</span> : null}
          </p>
        </div>
        <button type="button" className="button button-small" onClick={onEditProfile}>
          {t('checklistPanel.mentorSwitch.editProfile')}
        </button>
      </div>

      <h3 id={othersId} className={styles.mentorSwitchHeading}>
        {t('checklistPanel.mentorSwitch.others')}
      </h3>
      {mentors !== undefined && others.length === 0 ? <p className="muted">{t('checklistPanel.mentorSwitch.noOthers')}</p> : null}
      {others.length === 0 ? null : (
        <ul className={styles.mentorList} aria-labelledby={othersId}>
          {others.map((m) => (
            <li key={m.id}>
              <button type="button" className={styles.mentorChoice} onClick={() => void switchTo(m)}>
                <span className={styles.mentorSwitchAvatar} aria-hidden="true">
                  {m.name.trim().charAt(0).toUpperCase()}
                </span>
                <span>
                  <span className={styles.mentorChoiceName}>{t('checklistPanel.mentorSwitch.switchTo', { name: m.name })}</span>
                  {m.organisation ? <span className={styles.mentorChoiceOrg}>{m.organisation}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 id={addId} className={styles.mentorSwitchHeading}>
        {t('checklistPanel.mentorSwitch.add')}
      </h3>
      <p className="field-hint">{t('checklistPanel.mentorSwitch.addHint')}</p>
      <MentorForm
        initial={{ name: '', organisation: '' }}
        submitLabel={t('checklistPanel.mentorSwitch.addSubmit')}
        onSubmit={async (fields) => {
          try {
            // createMentor also makes the new mentor the one reviewing.
            const mentor = await createMentor(db, fields);
            toast({ message: t('checklistPanel.mentorSwitch.nowReviewing', { name: mentor.name }) });
            onClose();
          } catch (error) {
            toast({ tone: 'error', message: saveErrorMessage(error, t) });
          }
        }}
      />
    </Dialog>
  );
}
