import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '#shared/contract/backups.ts';
import { exportFolderSchema } from '#shared/contract/exportFiles.ts';
import { host } from '../../host/hostClient.ts';
import { TextField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { useFolderGrant } from '../folders/useFolderGrant.tsx';
import { useBackups } from './BackupProvider.tsx';
import styles from './backups.module.css';

interface Draft {
  folder: string;
  interval: string;
  keep: string;
}

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

const toDraft = (s: BackupSettings): Draft => ({ folder: s.folder ?? '', interval: String(s.intervalMinutes), keep: String(s.keep) });

/** Folder (typed, or the native folder dialog in the desktop app), interval and keep count. */
export function BackupSettingsForm({ defaultFolder, onSaved }: { defaultFolder: string; onSaved: () => void }) {
  const { settings } = useBackups();
  return settings ? <SettingsForm initial={settings} defaultFolder={defaultFolder} onSaved={onSaved} /> : null;
}

function SettingsForm({ initial, defaultFolder, onSaved }: { initial: BackupSettings; defaultFolder: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const formId = useId();
  const { saveSettings, appInfo } = useBackups();
  const [draft, setDraft] = useState<Draft | null>(() => toDraft(initial));
  const folderGrant = useFolderGrant();
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});

  async function pick() {
    const chosen = await host.call('dialog.open', { title: t('backups.pickTitle'), directory: true });
    const path = chosen.ok && !chosen.value.canceled ? chosen.value.paths[0] : undefined;
    if (path) setDraft((d) => (d ? { ...d, folder: path } : d));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const interval = whole(draft.interval);
    const keep = whole(draft.keep);
    const next: Partial<Record<keyof Draft, string>> = {};
    if (!(interval >= 0 && interval <= 1440)) next.interval = t('backups.intervalInvalid');
    if (!(keep >= 1 && keep <= 100)) next.keep = t('backups.keepInvalid');
    let folder: string | null = null;
    // A typed folder the host has not written into before is allowed once, here.
    // (A relative path is refused below by backup.checkFolder, with its own reason.)
    const typed = draft.folder.trim();
    const grant = typed === '' || !exportFolderSchema.safeParse(typed).success ? null : await folderGrant.ensure(typed);
    if (grant && !grant.ok) next.folder = t(grant.reason === 'declined' ? 'grants.declined' : 'grants.failed');
    else if (draft.folder.trim() !== '') {
      const checked = await host.call('backup.checkFolder', { folder: draft.folder });
      if (!checked.ok) next.folder = t('backups.errors.unsupported');
      else if (!checked.value.writable) next.folder = t(`backups.folderProblems.${checked.value.reason}`);
      else folder = checked.value.folder;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const saved = await saveSettings({ folder, intervalMinutes: interval, keep } satisfies BackupSettings);
    if (!saved) {
      toast({ tone: 'error', message: t('backups.settingsFailed') });
      return;
    }
    setDraft({ folder: folder ?? '', interval: String(interval), keep: String(keep) });
    toast({ message: t('backups.settingsSaved') });
    onSaved();
  }

  const bind = (key: keyof Draft) => ({
    value: draft?.[key] ?? '',
    error: errors[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => (d ? { ...d, [key]: e.target.value } : d)),
  });

  return (
    <section aria-labelledby={`${formId}-title`} className={styles.backupSection}>
      <h2 id={`${formId}-title`}>{t('backups.settingsTitle')}</h2>
      <form id={formId} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className={styles.backupFolderRow}>
          <TextField
            label={t('backups.folder')}
            hint={`${t('backups.folderHint')} ${t('backups.folderDefault', { folder: defaultFolder })}`}
            placeholder={defaultFolder}
            {...bind('folder')}
          />
          {appInfo.capabilities.nativeDialogs ? (
            <button type="button" className="button" onClick={() => void pick()}>
              {t('backups.pick')}
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={() => setDraft((d) => (d ? { ...d, folder: '' } : d))}>
            {t('backups.useDefault')}
          </button>
        </div>
        {folderGrant.prompt}
        <div className={styles.backupNumbers}>
          <TextField label={t('backups.interval')} hint={t('backups.intervalHint')} inputMode="numeric" {...bind('interval')} />
          <TextField label={t('backups.keep')} hint={t('backups.keepHint')} inputMode="numeric" {...bind('keep')} />
        </div>
        <div className="toolbar">
          <button type="submit" className="button" disabled={!draft}>
            {t('backups.saveSettings')}
          </button>
        </div>
      </form>
    </section>
  );
}
