import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Where a long job is: idle (never run, or ended — with the error it failed with, or a note
 * that it was cancelled), or running with its latest progress (null until the first report).
 */
export type JobState<P> = { kind: 'idle'; error: string | null; cancelled: boolean } | { kind: 'running'; progress: P | null };

/** The work: honours the signal (rejects once it is aborted) and reports progress as it goes. */
export type JobWork<P, T> = (signal: AbortSignal, report: (progress: P) => void) => Promise<T>;

export interface JobHandlers<T, P = never> {
  /** The job finished: show, save or download what it made. Runs before the state goes back to idle. */
  done?: (value: T) => void;
  /** A failure in words for the person (translated), shown as the job's error. Logged to the console either way. */
  describe?: (error: unknown) => string;
  /** A failure the caller shows its own way (a refusal screen) instead of, or besides, `describe`. */
  failed?: (error: unknown) => void;
  /** Progress to show before the work's first report. */
  initial?: P;
  /**
   * The work answers Cancel by finishing early with what it has (a batch's report of what was
   * written before the stop): Cancel then only aborts the signal, and `done` gets that value.
   */
  settlesOnCancel?: boolean;
}

export interface Job<P> {
  state: JobState<P>;
  running: boolean;
  /** Runs `work`; resolves with its value, or undefined when it failed, was cancelled or was overtaken. */
  run: <T>(work: JobWork<P, T>, handlers: JobHandlers<T, P>) => Promise<T | undefined>;
  /** Stops the running job; its state becomes idle with `cancelled` (nothing happens when idle). */
  cancel: () => void;
  /** Back to idle with no error and no cancel note (e.g. the form was edited). */
  reset: () => void;
  /** An error found before the job could start (a field, a refusal), shown as the job's own. */
  fail: (error: string) => void;
  /** Gets keyboard focus while the job runs: the Cancel button. */
  cancelButton: RefObject<HTMLButtonElement | null>;
  /** Gets keyboard focus back after an error or a cancel: the button that starts the job. */
  startButton: RefObject<HTMLButtonElement | null>;
}

const IDLE = { kind: 'idle', error: null, cancelled: false } as const;

/**
 * The one pattern for long work in the studio (a pack, a bundle, a backup, a batch): one job
 * at a time with progress and Cancel; keyboard focus on Cancel while it runs and back on the
 * start button after an error or a cancel; the work stopped when the component goes away
 * (closing a dialog mid-way); a failure logged and said in words. A job started while another
 * runs stops the older one, whose late results and progress are ignored.
 */
export function useJob<P = never>(): Job<P> {
  const [state, setState] = useState<JobState<P>>(IDLE);
  const current = useRef<AbortController | null>(null);
  const settlesOnCancel = useRef(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  const focusAt = state.kind === 'running' ? 'cancel' : state.error !== null || state.cancelled ? 'start' : null;
  useEffect(() => {
    if (focusAt === 'cancel') cancelButton.current?.focus();
    else if (focusAt === 'start') startButton.current?.focus();
  }, [focusAt]);

  // Unmounting (the dialog closed) stops the work.
  useEffect(
    () => () => {
      current.current?.abort();
      current.current = null;
    },
    [],
  );

  const run = useCallback(async <T>(work: JobWork<P, T>, handlers: JobHandlers<T, P>): Promise<T | undefined> => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const settles = handlers.settlesOnCancel ?? false;
    settlesOnCancel.current = settles;
    const mine = () => current.current === controller && (settles || !controller.signal.aborted);
    setState({ kind: 'running', progress: handlers.initial ?? null });
    try {
      const value = await work(controller.signal, (progress) => {
        if (mine()) setState({ kind: 'running', progress });
      });
      if (!mine()) return undefined;
      handlers.done?.(value);
      if (current.current === controller) setState(IDLE);
      return value;
    } catch (error) {
      if (controller.signal.aborted) {
        // Cancel already said so, or a newer job owns the state.
        if (settles && current.current === controller) setState({ kind: 'idle', error: null, cancelled: true });
        return undefined;
      }
      console.error(error);
      if (current.current !== controller) return undefined;
      setState({ kind: 'idle', error: handlers.describe?.(error) ?? null, cancelled: false });
      handlers.failed?.(error);
      return undefined;
    } finally {
      if (current.current === controller) current.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    const controller = current.current;
    if (!controller) return;
    if (settlesOnCancel.current) {
      // The work ends itself and hands over what it has.
      controller.abort();
      return;
    }
    current.current = null;
    controller.abort();
    setState({ kind: 'idle', error: null, cancelled: true });
  }, []);

  const reset = useCallback(() => setState(IDLE), []);
  const fail = useCallback((error: string) => setState({ kind: 'idle', error, cancelled: false }), []);

  return { state, running: state.kind === 'running', run, cancel, reset, fail, cancelButton, startButton };
}
