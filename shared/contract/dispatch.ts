import { contract, isChannel, type Channel, type ResponseOf } from './channels.ts';
import { err, ok, type Result } from './result.ts';
import { z } from 'zod';

/** One implementation per channel; requests arrive already validated. */
export type Handlers = {
  [C in Channel]: (request: z.output<(typeof contract)[C]['request']>) => Promise<ResponseOf<C>>;
};

/** Thrown by a handler to say the host cannot do this (e.g. no native dialogs). */
export class UnsupportedError extends Error {}

/** Thrown by a handler whose worker (process or thread) stopped before answering: the job may be retried. */
export class WorkerStoppedError extends Error {}

/** Thrown for a job that passed its wall-time or memory bound: its worker was killed (see jobs.ts). */
export class WorkerLimitError extends Error {}

/** Thrown when a path lies outside every folder the person granted (see folders.ts). */
export class FolderNotGrantedError extends Error {}

/** Thrown for a job the person cancelled (`jobs.cancel`) while it was queued or running. */
export class JobCancelledError extends Error {}

/**
 * Validates a request against the contract, runs its handler and wraps the
 * outcome in a Result. Never throws: both hosts answer whatever arrives.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) return err('unknown-channel', `Unknown channel: ${channel.slice(0, 80)}`);
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) return err('bad-request', z.prettifyError(parsed.error));
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    // The response schema guards the renderer against a handler that drifted from the contract.
    const checked = contract[channel].response.safeParse(value);
    if (!checked.success) return err('internal', `Response of ${channel} broke the contract`);
    return ok(checked.data);
  } catch (error) {
    if (error instanceof UnsupportedError) return err('unsupported', error.message);
    if (error instanceof WorkerStoppedError) return err('worker-stopped', error.message);
    if (error instanceof WorkerLimitError) return err('too-heavy', error.message);
    if (error instanceof JobCancelledError) return err('cancelled', error.message);
    if (error instanceof FolderNotGrantedError) return err('not-granted', error.message);
    return err('internal', error instanceof Error ? error.message : String(error));
  }
}
