import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { createMentor } from '../../data/mentorsRepo.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { MentorForm } from './MentorForm.tsx';
import { FirstRunImport } from '../bundles/BundleImportHost.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import styles from './identityScreen.module.css';

/** First run: who is reviewing on this laptop. */
export function IdentityScreen() {
  const { t } = useTranslation();
  const db = useDatabase();
  const toast = useToast();
  return (
    <div className={styles.identity}>
      <h1>{t('identity.title')}</h1>
      <p className="lead">{t('identity.intro')}</p>
      <MentorForm
        initial={{ name: '', organisation: '' }}
        submitLabel={t('identity.start')}
        onSubmit={async (fields) => {
          try {
            await createMentor(db, fields);
          } catch (error) {
            toast({ tone: 'error', message: saveErrorMessage(error, t) });
          }
        }}
      />
      <p className="muted">{t('identity.offline')}</p>
      <FirstRunImport />
    </div>
  );
}
