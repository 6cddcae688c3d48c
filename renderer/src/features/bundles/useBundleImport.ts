import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveCheck, ArchiveProgress, CheckedArchive } from '../../../../shared/bundles/archive.ts';
import { applyArchive, checkBundleFile, previewImport, type ImportPreview, type ImportResult, type TrustChoice } from '../../data/archiveRepo.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { isQuotaError } from '../../ui/errorMessage.ts';

/** Why a file was refused: the archive check's reason, or 'unknown' when the file could not be read at all. */
export type Refusal =
  | Extract<ArchiveCheck, { ok: false }>
  | { ok: false; problem: 'unknown'; path?: undefined; version?: undefined }
  /** Signed by another key than the one known for the mentor it names as sender (`path`: their name). */
  | { ok: false; problem: 'key-mismatch'; path: string; version?: undefined };

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
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'choose', cancelled: false });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const check = useCallback(
    async (file: File) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setPhase({ kind: 'checking', file, progress: null });
      try {
        const checked = await checkBundleFile(file, {
          studio: db,
          signal: controller.signal,
          onProgress: (progress) => {
            if (!controller.signal.aborted) setPhase({ kind: 'checking', file, progress });
          },
        });
        if (controller.signal.aborted) return;
        if (!checked.ok) {
          setPhase({ kind: 'refused', file, refusal: checked });
          return;
        }
        const preview = await previewImport(db, checked.archive);
        if (controller.signal.aborted) return;
        if (preview.trust.signer.kind === 'mismatch') {
          setPhase({ kind: 'refused', file, refusal: { ok: false, problem: 'key-mismatch', path: checked.archive.manifest.createdBy.name } });
          return;
        }
        setPhase({ kind: 'preview', file, archive: checked.archive, preview, error: null });
      } catch (error) {
        // Cancel (or a newer file) already moved the flow on.
        if (controller.signal.aborted) return;
        console.error(error);
        setPhase({ kind: 'refused', file, refusal: { ok: false, problem: 'unknown' } });
      } finally {
        if (abort.current === controller) abort.current = null;
      }
    },
    [db],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setPhase({ kind: 'choose', cancelled: true });
  }, []);

  const merge = useCallback(async (choice: TrustChoice = { acceptKey: false }) => {
    if (phase.kind !== 'preview') return;
    const { file, archive, preview } = phase;
    setPhase({ kind: 'merging', file, archive, preview });
    try {
      const result = await applyArchive(db, archive, file, 'merge', choice);
      setPhase({ kind: 'report', file, result });
    } catch (error) {
      console.error(error);
      setPhase({ kind: 'preview', file, archive, preview, error: isQuotaError(error) ? 'storage-full' : 'failed' });
    }
  }, [db, phase]);

  const restart = useCallback(() => setPhase({ kind: 'choose', cancelled: false }), []);

  return { phase, check, cancel, merge, restart };
}
