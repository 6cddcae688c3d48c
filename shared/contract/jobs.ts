import { z } from 'zod';

/*
 * Bounds and cancellation of the host's worker jobs (a file read by the ingest
 * pool, a pack or summary report drawn by the pack pool). Every job runs in a
 * process the host can kill: past its wall time or memory bound, or when the
 * person presses Cancel, the process is killed and replaced, and the rest of
 * the batch goes on.
 */

/** Names one job so that Cancel can reach it while it runs: chosen by the renderer, unique per job. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a job id is 8–64 letters, digits, _ or -');
export type JobId = z.infer<typeof jobIdSchema>;

export const jobCancelRequestSchema = z.object({ jobId: jobIdSchema }).strict();
/** `cancelled` is false when no job of that id was queued or running (it had finished already). */
export const jobCancelResponseSchema = z.object({ cancelled: z.boolean() }).strict();

/** The least a bound may be set to: anything shorter would refuse ordinary files. */
export const MIN_JOB_SECONDS = 3;
export const MAX_JOB_SECONDS = 3600;
export const MIN_JOB_MEMORY_MB = 256;
export const MAX_JOB_MEMORY_MB = 65_536;

/** How long and how much memory one job may take before its worker is killed (a setting). */
export const workerLimitsSchema = z.object({
  /** Wall time to read one file (ingest). */
  fileSeconds: z.number().int().min(MIN_JOB_SECONDS).max(MAX_JOB_SECONDS),
  /** Wall time to draw one critique pack or summary report. */
  packSeconds: z.number().int().min(MIN_JOB_SECONDS).max(MAX_JOB_SECONDS),
  /** Memory of one worker process (its JavaScript heap, and its whole resident size where the host can see it). */
  memoryMb: z.number().int().min(MIN_JOB_MEMORY_MB).max(MAX_JOB_MEMORY_MB),
});
export type WorkerLimits = z.infer<typeof workerLimitsSchema>;

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { fileSeconds: 60, packSeconds: 180, memoryMb: 2048 };
