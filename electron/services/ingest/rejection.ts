import type { IngestOutcome, IngestRejection } from '#shared/intake/ingestOutcome.ts';

/** The schema caps `detail` at 500 characters; library messages can be longer. */
const MAX_DETAIL = 500;

/**
 * Thrown inside the pipeline when a file is refused, so each step can stop
 * where it learns why; `ingestFile` turns it into a `{ ok: false }` outcome.
 */
export class IngestRefusal extends Error {
  readonly reason: IngestRejection;

  constructor(reason: IngestRejection, detail: string) {
    super(detail);
    this.name = 'IngestRefusal';
    this.reason = reason;
  }
}

export function refusal(reason: IngestRejection, detail: string): Extract<IngestOutcome, { ok: false }> {
  const clean = detail.replace(/\s+/g, ' ').trim() || reason;
  return { ok: false, reason, detail: clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL - 1)}…` : clean };
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}
