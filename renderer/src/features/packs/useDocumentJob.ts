import { useCallback, useEffect, useRef, useState } from 'react';
import type { PackProgress } from './exportPack.ts';

/** The dialog's state: its form (with the last error, or a note that it was cancelled), or the work under way. */
export type DocumentJobPhase = { kind: 'form'; error: string | null; cancelled: boolean } | { kind: 'working'; progress: PackProgress };

/** One document to make: given a signal and a progress callback, the file to download. */
export type MakeDocument = (signal: AbortSignal, onProgress: (progress: PackProgress) => void) => Promise<{ blob: Blob; fileName: string }>;

/**
 * The shared life of a "make a document" dialog (a critique pack, the summary
 * report): one job at a time with Cancel, keyboard focus on Cancel while it runs
 * and back on the create button after an error or a cancel, the work stopped
 * when the dialog closes, and a translated message for a failure.
 */
export function useDocumentJob() {
  const [phase, setPhase] = useState<DocumentJobPhase>({ kind: 'form', error: null, cancelled: false });
  const abort = useRef<AbortController | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const focusAt = phase.kind === 'working' ? 'cancel' : phase.error || phase.cancelled ? 'create' : null;
  useEffect(() => {
    if (focusAt === 'cancel') cancelButton.current?.focus();
    else if (focusAt === 'create') createButton.current?.focus();
  }, [focusAt]);

  // Closing the dialog mid-way stops the work.
  useEffect(() => () => abort.current?.abort(), []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const fail = useCallback((error: string) => setPhase({ kind: 'form', error, cancelled: false }), []);

  /** Runs `make`; `done` receives the file made (to download it and say so), `describe` translates a failure. */
  const run = useCallback(
    async (make: MakeDocument, done: (made: { blob: Blob; fileName: string }) => void, describe: (error: unknown) => string) => {
      const controller = new AbortController();
      abort.current = controller;
      setPhase({ kind: 'working', progress: { step: 'gathering' } });
      try {
        done(await make(controller.signal, (progress) => setPhase({ kind: 'working', progress })));
      } catch (error) {
        if (controller.signal.aborted) setPhase({ kind: 'form', error: null, cancelled: true });
        else setPhase({ kind: 'form', error: describe(error), cancelled: false });
      } finally {
        abort.current = null;
      }
    },
    [],
  );

  return { phase, run, cancel, fail, createButton, cancelButton };
}
