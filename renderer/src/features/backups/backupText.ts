import type { TFunction } from 'i18next';
import { ArchiveRefusal, type ArchiveCheck } from '#shared/bundles/archive.ts';
import { isQuotaError } from '../../ui/errorMessage.ts';
import { BackupHostError } from './backupRunner.ts';

/** A translated reason for a failed backup or restore; the technical detail goes to the console. */
export function backupErrorText(error: unknown, t: TFunction): string {
  if (isQuotaError(error) || (error instanceof Error && /ENOSPC|no space left/i.test(error.message))) return t('backups.errors.storageFull');
  if (error instanceof BackupHostError && error.code === 'unsupported') return t('backups.errors.unsupported');
  if (error instanceof BackupHostError && error.code === 'not-granted') return t('grants.backupNotGranted');
  // The writer refuses what the reader could not take back: the backup would not restore.
  if (error instanceof ArchiveRefusal && ['entry-too-large', 'archive-too-large', 'too-many-entries'].includes(error.problem)) {
    return t('backups.errors.tooBig', { path: error.path ?? '—' });
  }
  return t('backups.errors.unknown');
}

/** Why `checkArchive` refused a backup, in the UI language. */
export function refusalText(check: Extract<ArchiveCheck, { ok: false }>, t: TFunction): string {
  return t(`backups.problems.${check.problem}`, { path: check.path ?? '—', version: check.version ?? '?' });
}
