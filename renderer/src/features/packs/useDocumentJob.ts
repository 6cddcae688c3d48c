import { useCallback } from 'react';
import { useJob } from '../../ui/useJob.ts';
import type { PackProgress } from './exportPack.ts';

/** The dialog's state: its form (with the last error, or a note that it was cancelled), or the work under way. */
export type DocumentJobPhase = { kind: 'form'; error: string | null; cancelled: boolean } | { kind: 'working'; progress: PackProgress };

/** One document to make: given a signal and a progress callback, the file to download. */
export type MakeDocument = (signal: AbortSignal, onProgress: (progress: PackProgress) => void) => Promise<{ blob: Blob; fileName: string }>;

const GATHERING: PackProgress = { step: 'gathering' };

/**
 * A "make a document" dialog (a critique pack, the summary report) on the studio's job
 * pattern (ui/useJob.ts): one job at a time with Cancel and focus, stopped when the dialog
 * closes, a translated message for a failure.
 */
export function useDocumentJob() {
  const job = useJob<PackProgress>();
  const { state, run: runJob } = job;
  const phase: DocumentJobPhase =
    state.kind === 'running' ? { kind: 'working', progress: state.progress ?? GATHERING } : { kind: 'form', error: state.error, cancelled: state.cancelled };

  /** Runs `make`; `done` receives the file made (to download it and say so), `describe` translates a failure. */
  const run = useCallback(
    async (make: MakeDocument, done: (made: { blob: Blob; fileName: string }) => void, describe: (error: unknown) => string) => {
      await runJob(make, { done, describe, initial: GATHERING });
    },
    [runJob],
  );

  return { phase, run, cancel: job.cancel, fail: job.fail, createButton: job.startButton, cancelButton: job.cancelButton };
}
