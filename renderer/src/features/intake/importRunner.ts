import type { IngestLimits, IngestRejection } from '../../../../shared/intake/ingestOutcome.ts';
import type { KemasDatabase } from '../../data/db.ts';
import { findFaceBySha256, storeFace } from '../../data/submissionsRepo.ts';
import { host } from '../../host/hostClient.ts';
import { isQuotaError } from '../../ui/errorMessage.ts';
import { facesForPages, type PlannedFile } from './importPlan.ts';

/** Why a file did not make it in: the pipeline's reasons, plus what can fail around it. */
export type ImportFailureReason = IngestRejection | 'read-failed' | 'host-failed' | 'save-failed' | 'storage-full';

export interface ImportFailure {
  path: string;
  reason: ImportFailureReason;
}

export interface ImportProgress {
  total: number;
  /** Files finished, whatever their outcome. */
  done: number;
  current: string | null;
  startedAt: number;
  /** Estimated milliseconds left, once a file has finished. */
  etaMs: number | null;
  /** Faces stored (a PDF may give several per file). */
  facesImported: number;
  /** Files already in the studio, byte for byte; not stored again. */
  duplicates: string[];
  unassigned: number;
  failures: ImportFailure[];
  cancelled: boolean;
  finished: boolean;
}

export interface ImportJob {
  cancel(): void;
  done: Promise<ImportProgress>;
}

/** Files read and sent to the host at once: enough to keep its workers busy. */
const IN_FLIGHT = 2;

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}


/**
 * Imports planned files: reads each, skips exact duplicates, has the host's
 * workers decode it, and stores each face in its own transaction. One bad
 * file is reported and the rest go on; cancel stops taking new files and
 * keeps every face already stored.
 */
export function startImport(
  db: KemasDatabase,
  planned: readonly PlannedFile[],
  options: { workshopId: string; actor: string; limits: IngestLimits; onProgress: (p: ImportProgress) => void },
): ImportJob {
  const progress: ImportProgress = {
    total: planned.length,
    done: 0,
    current: null,
    startedAt: Date.now(),
    etaMs: null,
    facesImported: 0,
    duplicates: [],
    unassigned: 0,
    failures: [],
    cancelled: false,
    finished: false,
  };
  const report = () => options.onProgress({ ...progress, duplicates: [...progress.duplicates], failures: [...progress.failures] });
  let next = 0;
  // Two copies of one file in the same drop: the second is a duplicate too.
  const seen = new Set<string>();

  async function importOne(item: PlannedFile): Promise<void> {
    const { file, path } = item.source;
    if (file.size === 0) return void progress.failures.push({ path, reason: 'empty' });
    if (file.size > options.limits.maxFileBytes) return void progress.failures.push({ path, reason: 'too-large' });
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return void progress.failures.push({ path, reason: 'read-failed' });
    }
    const sha256 = await sha256Hex(bytes);
    if (seen.has(sha256) || (await findFaceBySha256(db, sha256))) return void progress.duplicates.push(path);
    seen.add(sha256);
    const result = await host.call('ingest.file', { fileName: file.name, bytes });
    if (!result.ok) return void progress.failures.push({ path, reason: 'host-failed' });
    const outcome = result.value;
    if (!outcome.ok) return void progress.failures.push({ path, reason: outcome.reason });
    const faces = facesForPages(item.face, outcome.faces.length);
    try {
      for (const [index, ingested] of outcome.faces.entries()) {
        await storeFace(
          db,
          {
            workshopId: options.workshopId,
            destination: item.destination,
            face: faces[index] ?? 'other',
            fileName: path,
            mimeType: file.type || 'application/octet-stream',
            original: file,
            ingested,
          },
          options.actor,
        );
        progress.facesImported += 1;
        if (!item.destination) progress.unassigned += 1;
      }
    } catch (error) {
      console.error(error);
      progress.failures.push({ path, reason: isQuotaError(error) ? 'storage-full' : 'save-failed' });
    }
  }

  async function lane(): Promise<void> {
    while (!progress.cancelled && next < planned.length) {
      const item = planned[next++] as PlannedFile;
      progress.current = item.source.path;
      report();
      await importOne(item);
      progress.done += 1;
      const elapsed = Date.now() - progress.startedAt;
      progress.etaMs = Math.round((elapsed / progress.done) * (planned.length - progress.done));
      report();
    }
  }

  const done = Promise.all(Array.from({ length: Math.min(IN_FLIGHT, planned.length) }, lane)).then(() => {
    progress.current = null;
    progress.finished = true;
    progress.etaMs = 0;
    report();
    return { ...progress };
  });
  report();
  return {
    cancel() {
      progress.cancelled = true;
      report();
    },
    done,
  };
}
