import type { ManifestProblem } from './bundleFormat.ts';

/** Why an archive is refused; the UI translates the code. */
export type ArchiveProblem =
  | ManifestProblem // too-large | not-json | not-bundle | newer-version | invalid (manifest)
  | 'not-zip'
  | 'unsafe-path'
  | 'link'
  | 'encrypted'
  | 'unsupported-compression'
  | 'duplicate-entry'
  | 'too-many-entries'
  | 'entry-too-large'
  | 'archive-too-large'
  | 'compression-bomb'
  | 'missing-file'
  | 'unlisted-file'
  | 'checksum'
  | 'corrupt-json'
  | 'invalid-record'
  /** The manifest carries a signature that does not verify: changed after it was signed. */
  | 'bad-signature';

/**
 * Thrown inside the reader (and by the writer for records its own schema refuses) to stop at the
 * first problem; `checkArchive` turns it into `{ ok: false, problem, path, detail }`.
 */
export class ArchiveRefusal extends Error {
  readonly problem: ArchiveProblem;
  /** The entry (or `records/reviews.json[3]`) the problem is about. */
  readonly path: string | undefined;
  /** A short English explanation for logs and reports, not for translation. */
  readonly detail: string | undefined;
  /** The newer format version for `newer-version`. */
  readonly version: number | undefined;

  constructor(problem: ArchiveProblem, at: { path?: string; detail?: string; version?: number } = {}) {
    super(`${problem}${at.path === undefined ? '' : ` at ${at.path}`}${at.detail === undefined ? '' : `: ${at.detail}`}`);
    this.name = 'ArchiveRefusal';
    this.problem = problem;
    this.path = at.path;
    this.detail = at.detail;
    this.version = at.version;
  }
}
