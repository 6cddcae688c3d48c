import { useCallback, useMemo, useState } from 'react';
import type { ArchiveCheck, ArchiveProgress, CheckedArchive } from '#shared/bundles/archive.ts';
import { applyArchive, checkBundleFile, previewImport, type ImportPreview, type ImportResult, type TrustChoice } from '../../data/archiveRepo.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { isQuotaError } from '../../ui/errorMessage.ts';
import { useJob } from '../../ui/useJob.ts';

/** Why a file was refused: the archive check's reason, or 'unknown' when the file could not be read at all. */
export type Refusal =
  | Extract<ArchiveCheck, { ok: false }>
  | { ok: false; problem: 'unknown'; path?: undefined; version?: undefined }
  /** Signed by another key than the one known for the mentor it names as sender (`path`: their name). */
  | { ok: false; problem: 'key-mismatch'; path: string; version?: undefined };

const UNKNOWN: Refusal = { ok: false, problem: 'unknown' };

/** Where the import flow is: choose → check (Cancel) → refused, or preview → merge → report. */
export type ImportPhase =
  | { kind: 'choose'; cancelled: boolean }
  | { kind: 'checking'; file: File; progress: ArchiveProgress | null }
  | { kind: 'refused'; file: File; refusal: Refusal }
  | { kind: 'preview'; file: File; archive: CheckedArchive; preview: ImportPreview; error: 'failed' | 'storage-full' | null }
  | { kind: 'merging'; file: File; archive: CheckedArchive; preview: ImportPreview }
  | { kind: 'report'; file: File; result: ImportResult };

/**
 * The life of one import: checks the whole file before anything is written (with Cancel),
 * previews the merge against the studio as it is, merges in one transaction, and keeps the
 * report. A failed merge (a full disk included) leaves the studio unchanged and says which.
 */
export function useBundleImport() {
  const db = useDatabase();
  const [step, setStep] = useState<ImportPhase>({ kind: 'choose', cancelled: false });
  const job = useJob<ArchiveProgress>();
  const { run: runJob, cancel: cancelJob } = job;
  // While the file is checked, its progress is the job's.
  const { state } = job;
  const phase = useMemo<ImportPhase>(
    () => (step.kind === 'checking' && state.kind === 'running' ? { ...step, progress: state.progress } : step),
    [step, state],
  );

  const check = useCallback(
    async (file: File) => {
      setStep({ kind: 'checking', file, progress: null });
      await runJob(
        async (signal, onProgress) => {
          const checked = await checkBundleFile(file, { studio: db, signal, onProgress });
          if (!checked.ok) return { checked, preview: null };
          return { checked, preview: await previewImport(db, checked.archive) };
        },
        {
          done: ({ checked, preview }) => {
            if (!checked.ok || !preview) return setStep({ kind: 'refused', file, refusal: checked.ok ? UNKNOWN : checked });
            // A bundle that names a known mentor but is signed by another key is refused whole.
            if (preview.trust.signer.kind === 'mismatch') {
              return setStep({ kind: 'refused', file, refusal: { ok: false, problem: 'key-mismatch', path: checked.archive.manifest.createdBy.name } });
            }
            setStep({ kind: 'preview', file, archive: checked.archive, preview, error: null });
          },
          failed: () => setStep({ kind: 'refused', file, refusal: UNKNOWN }),
        },
      );
    },
    [db, runJob],
  );

  const cancel = useCallback(() => {
    cancelJob();
    setStep({ kind: 'choose', cancelled: true });
  }, [cancelJob]);

  const merge = useCallback(async (choice: TrustChoice = { acceptKey: false }) => {
    if (step.kind !== 'preview') return;
    const { file, archive, preview } = step;
    setStep({ kind: 'merging', file, archive, preview });
    try {
      const result = await applyArchive(db, archive, file, 'merge', choice);
      setStep({ kind: 'report', file, result });
    } catch (error) {
      console.error(error);
      setStep({ kind: 'preview', file, archive, preview, error: isQuotaError(error) ? 'storage-full' : 'failed' });
    }
  }, [db, step]);

  const restart = useCallback(() => setStep({ kind: 'choose', cancelled: false }), []);

  return { phase, check, cancel, merge, restart };
}
