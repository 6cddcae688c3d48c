import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DEFAULT_INGEST_LIMITS } from '#shared/intake/ingestOutcome.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { listParticipants } from '../../data/participantsRepo.ts';
import { latestSubmissionIds } from '../../data/submissionsRepo.ts';
import { host } from '../../host/hostClient.ts';
import { useToast } from '../../ui/Toasts.tsx';
import type { SourceFile } from './collectFiles.ts';
import { planImport, type ImportTarget, type PlannedFile, type RosterRow } from './importPlan.ts';
import { retryableFiles, startImport, type ImportJob, type ImportProgress } from './importRunner.ts';
import { ImportPanel } from './ImportPanel.tsx';
import styles from './intake.module.css';

interface Importer {
  /** Plans and starts an import; refused (with a message) while another one runs. */
  start(files: readonly SourceFile[], target: ImportTarget, roster?: readonly RosterRow[]): Promise<void>;
  /** Imports again the files of the last import that failed for a passing reason (a worker stopped, the disk was full…). */
  retry(): Promise<void>;
  cancel(): void;
  progress: ImportProgress | null;
}

const ImporterContext = createContext<Importer | null>(null);

export function useImporter(): Importer {
  const importer = useContext(ImporterContext);
  if (!importer) throw new Error('useImporter outside ImportProvider');
  return importer;
}

/** Runs one import at a time for the whole app, so its progress survives moving between screens. */
export function ImportProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const job = useRef<ImportJob | null>(null);
  // The workshop of the import on show: Retry puts its files back where they were planned.
  const lastWorkshop = useRef<string | null>(null);
  // The screen the import was started from: its panel shows there and nowhere else.
  const location = useLocation();
  const [origin, setOrigin] = useState<string | null>(null);
  const here = location.pathname;

  const run = useCallback(
    async (planned: readonly PlannedFile[], workshopId: string) => {
      const settings = await host.call('settings.get', {});
      const limits = settings.ok ? settings.value.ingestLimits : DEFAULT_INGEST_LIMITS;
      const running = startImport(db, planned, { workshopId, actor: mentor.id, limits, onProgress: setProgress });
      job.current = running;
      lastWorkshop.current = workshopId;
      setOrigin(here);
      await running.done;
      job.current = null;
    },
    [db, mentor.id, here],
  );

  const start = useCallback<Importer['start']>(
    async (files, target, roster) => {
      if (files.length === 0) return;
      if (job.current) {
        toast({ tone: 'error', message: t('intake.busy') });
        return;
      }
      const participants = await listParticipants(db, target.workshopId);
      const latest = await latestSubmissionIds(db, target.workshopId);
      const planned = planImport(files, { target, participants, latestSubmission: latest, ...(roster ? { roster } : {}) });
      await run(planned, target.workshopId);
    },
    [db, run, t, toast],
  );

  const retry = useCallback(async () => {
    const again = progress ? retryableFiles(progress) : [];
    if (job.current || again.length === 0 || !lastWorkshop.current) return;
    await run(again, lastWorkshop.current);
  }, [progress, run]);

  const value = useMemo<Importer>(
    () => ({ start, retry, progress, cancel: () => job.current?.cancel() }),
    [start, retry, progress],
  );
  return (
    <ImporterContext value={value}>
      {children}
      {progress && (origin === null || origin === here) ? (
        <ImportPanel progress={progress} onCancel={value.cancel} onRetry={() => void retry()} onClose={() => setProgress(null)} />
      ) : progress && origin && !progress.finished ? (
        <Link className={styles.importElsewhere} to={origin}>
          {t('workspace.jobElsewhere', { done: progress.done, total: progress.total })}
        </Link>
      ) : null}
    </ImporterContext>
  );
}
