import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCommand } from '../../app/commands.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { loadDemoWorkshop } from './loadDemo.ts';
import { isQuotaError } from '../../ui/errorMessage.ts';

/** Hook shared by the button and the menu command. */
export function useLoadDemo(): { load: () => Promise<void>; busy: boolean } {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  async function load() {
    if (busy) return;
    setBusy(true);
    try {
      const id = await loadDemoWorkshop(db, mentor.id, t('demo.workshopName'));
      toast({ message: t('demo.loaded') });
      void navigate(`/workshops/${id}`);
    } catch (error) {
      console.error(error);
      toast({ tone: 'error', message: isQuotaError(error) ? t('errors.storageFull') : t('demo.failed') });
    } finally {
      setBusy(false);
    }
  }
  return { load, busy };
}

export function DemoButton() {
  const { t } = useTranslation();
  const { load, busy } = useLoadDemo();
  return (
    <button type="button" className="button" onClick={() => void load()} disabled={busy} aria-busy={busy}>
      {busy ? t('demo.loading') : t('demo.try')}
    </button>
  );
}

/** Answers the desktop menu's "Load demo workshop" wherever the shell is. */
export function DemoCommand() {
  const { load } = useLoadDemo();
  useCommand('demo.load', () => void load());
  return null;
}
