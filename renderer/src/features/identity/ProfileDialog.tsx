import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '#shared/domain/mentor.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { updateMentor } from '../../data/mentorsRepo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { MentorForm } from './MentorForm.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';

export function ProfileDialog({ mentor, onClose }: { mentor: Mentor; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  const formId = useId();
  return (
    <Dialog
      title={t('identity.profileTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary">
            {t('common.save')}
          </button>
        </>
      }
    >
      <MentorForm
        formId={formId}
        hideSubmit
        initial={{ name: mentor.name, organisation: mentor.organisation }}
        submitLabel={t('common.save')}
        onSubmit={async (fields) => {
          try {
            await updateMentor(db, mentor.id, fields);
            toast({ message: t('identity.saved') });
            onClose();
          } catch (error) {
            toast({ tone: 'error', message: saveErrorMessage(error, t) });
          }
        }}
      />
    </Dialog>
  );
}
