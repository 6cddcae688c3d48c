// The results worker: a session's results (means, ranks, and agreement with its bootstrap intervals,
// which take the better part of a second on a large session) are computed here, off the main thread,
// so typing a threshold or ticking "normalise" never freezes the screen.
import { computeSessionResults, type SessionResults, type SessionResultsInput } from '#shared/scoring/results.ts';

export interface ResultsRequest {
  id: number;
  input: SessionResultsInput;
}

export interface ResultsAnswer {
  id: number;
  results?: SessionResults;
  error?: string;
}

self.onmessage = (event: MessageEvent<ResultsRequest>) => {
  const { id, input } = event.data;
  try {
    performance.mark('kemas:results-worker-start');
    const answer: ResultsAnswer = { id, results: computeSessionResults(input) };
    self.postMessage(answer);
  } catch (error) {
    const answer: ResultsAnswer = { id, error: error instanceof Error ? error.message : String(error) };
    self.postMessage(answer);
  }
};
