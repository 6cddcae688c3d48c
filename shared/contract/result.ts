/**
 * What every host call returns. Errors travel as data, never as exceptions
 * thrown across IPC or HTTP, so the renderer always gets something it can show.
 */
export type HostErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'unknown-channel'
  | 'unsupported'
  | 'cancelled'
  /** The host's worker (image or pack) stopped mid-job; the next job gets a fresh one. */
  | 'worker-stopped'
  /** The job passed its time or memory bound (a setting); its worker was killed and replaced. */
  | 'too-heavy'
  /** The path is outside every folder the person granted (chosen in a dialog, or typed and confirmed). */
  | 'not-granted'
  | 'internal';

export interface HostError {
  readonly code: HostErrorCode;
  /** English detail for logs; the UI shows a translated message chosen by `code`. */
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: HostError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: HostErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
