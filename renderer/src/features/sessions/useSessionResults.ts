import { useEffect, useRef, useState } from 'react';
import { computeSessionResults, type SessionResults, type SessionResultsInput } from '#shared/scoring/results.ts';
import type { ResultsAnswer, ResultsRequest } from './resultsWorker.ts';

export interface SessionResultsState {
  /** The latest results answered (possibly for earlier options while `computing`); null before the first. */
  results: SessionResults | null;
  /** A newer request is still being computed. */
  computing: boolean;
  error: string | null;
}

/**
 * A session's results computed in a Web Worker. A new input while the worker
 * is still busy ends that worker (cancelling its stale computation) and starts
 * a fresh one; the previous results stay on screen, marked as computing, until
 * the new ones arrive. Where there are no workers (a test's DOM), the same
 * function runs after render instead.
 */
export function useSessionResults(input: SessionResultsInput | null): SessionResultsState {
  const [state, setState] = useState<SessionResultsState>({ results: null, computing: input !== null, error: null });
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const latest = useRef(0);

  useEffect(() => {
    if (!input) return;
    const id = (latest.current += 1);
    setState((s) => ({ ...s, computing: true }));
    if (typeof Worker === 'undefined') {
      try {
        const results = computeSessionResults(input);
        setState({ results, computing: false, error: null });
      } catch (error) {
        setState((s) => ({ ...s, computing: false, error: error instanceof Error ? error.message : String(error) }));
      }
      return;
    }
    if (worker.current && busy.current) {
      worker.current.terminate();
      worker.current = null;
    }
    if (!worker.current) {
      const made = new Worker(new URL('./resultsWorker.ts', import.meta.url), { type: 'module', name: 'kemas-results' });
      made.onmessage = (event: MessageEvent<ResultsAnswer>) => {
        busy.current = false;
        if (event.data.id !== latest.current) return;
        if (event.data.results) {
          setState({ results: event.data.results, computing: false, error: null });
          performance.mark('kemas:results-ready');
        } else setState((s) => ({ ...s, computing: false, error: event.data.error ?? 'results failed' }));
      };
      made.onerror = (event) => {
        busy.current = false;
        setState((s) => ({ ...s, computing: false, error: event.message || 'results worker failed' }));
      };
      worker.current = made;
    }
    busy.current = true;
    const request: ResultsRequest = { id, input };
    worker.current.postMessage(request);
  }, [input]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  return state;
}
