import type { PackPageSizeName } from '../../../../shared/contract/packRender.ts';
import type { Face } from '../../../../shared/domain/asset.ts';
import { packFileName, uniquePaths } from '../../../../shared/pack/packFileNames.ts';
import type { PackMode } from '../../../../shared/pack/packModelSchema.ts';
import type { PackLanguage } from '../../../../shared/pack/packText.ts';
import type { KemasDatabase } from '../../data/db.ts';
import type { BatchCandidates } from '../../data/packBatchRepo.ts';
import type { HostClient } from '../../host/hostClient.ts';
import { makePack, PackExportError, type PackFormat } from './exportPack.ts';

/*
 * Critique packs for many submissions at once, written into a folder as
 * `<region>/<business - product>/<… - v2 - Paket masukan>.pdf`: one item after
 * the other, a failure on one reported and the rest go on, nothing overwritten
 * without asking, Cancel between (and during) items.
 */

export interface BatchChoices {
  language: PackLanguage;
  pageSize: PackPageSizeName;
  format: PackFormat;
  /** One pack per mentor with a submitted review, instead of one combined pack per submission. */
  perMentor: boolean;
}

export interface BatchItem {
  submissionId: string;
  mode: PackMode;
  /** "Keripik Tempe Bu Sari – Keripik Tempe · v1", plus the mentor for a mentor's pack. */
  business: string;
  product: string;
  version: number;
  mentorName: string | null;
  /** Where the pack goes, relative to the chosen folder, unique within the batch. */
  relativePath: string;
}

export type BatchSkipReason = 'no-review' | 'no-submission';

export interface BatchSkip {
  business: string;
  version: number | null;
  reason: BatchSkipReason;
}

export interface BatchPlan {
  items: BatchItem[];
  skipped: BatchSkip[];
}

/** What a batch will make: a pack per submission with a submitted review (or per such review), and what it leaves out and why. */
export function planBatch({ candidates, withoutSubmission }: BatchCandidates, choices: BatchChoices): BatchPlan {
  const items: Omit<BatchItem, 'relativePath'>[] = [];
  const paths: string[] = [];
  const skipped: BatchSkip[] = withoutSubmission.map((p) => ({ business: p.business, version: null, reason: 'no-submission' }));
  for (const c of candidates) {
    if (c.reviewers.length === 0) {
      skipped.push({ business: c.business, version: c.version, reason: 'no-review' });
      continue;
    }
    const packs = choices.perMentor ? c.reviewers.map((r) => ({ mode: { mentorId: r.id } as PackMode, mentorName: r.name })) : [{ mode: 'combined' as PackMode, mentorName: null }];
    for (const pack of packs) {
      const name = packFileName({ region: c.region, business: c.business, product: c.product, version: c.version, language: choices.language, mentorName: pack.mentorName });
      paths.push(choices.format === 'zip' ? name.path.replace(/\.pdf$/, '.zip') : name.path);
      items.push({ submissionId: c.submissionId, business: c.business, product: c.product, version: c.version, ...pack });
    }
  }
  const unique = uniquePaths(paths);
  return { items: items.map((item, i) => ({ ...item, relativePath: unique[i] as string })), skipped };
}

/** Why one pack was not written; the dialog says each in one translated sentence. */
export type BatchFailureReason = PackExportError['reason'] | 'write' | 'unexpected';

export interface BatchFailure {
  item: BatchItem;
  reason: BatchFailureReason;
  face: Face | null;
  /** English detail for the console. */
  detail: string;
}

/** What to do with files already in the folder: asked once, kept for the rest of the run. */
export type ExistingAnswer = 'replace' | 'skip' | 'stop';

export interface BatchProgress {
  done: number;
  total: number;
  /** The item being made, null once finished. */
  current: BatchItem | null;
  /** Milliseconds left, from the pace so far; null before the first item is done. */
  etaMs: number | null;
  failed: number;
}

export interface BatchReport {
  folder: string;
  written: BatchItem[];
  /** Files that were there already and were left as they were. */
  keptExisting: BatchItem[];
  replaced: BatchItem[];
  failed: BatchFailure[];
  /** Items never reached: Cancel, or "stop" when files existed. */
  notReached: number;
  ending: 'finished' | 'cancelled' | 'stopped';
}

export interface BatchRunOptions {
  folder: string;
  choices: BatchChoices;
  signal: AbortSignal;
  onProgress: (progress: BatchProgress) => void;
  /** Called once, at the first file that exists already. */
  askWhenExists: (item: BatchItem) => Promise<ExistingAnswer>;
  now?: () => number;
}

function failureOf(item: BatchItem, error: unknown): BatchFailure {
  if (error instanceof PackExportError) return { item, reason: error.reason, face: error.face, detail: error.message };
  return { item, reason: 'unexpected', face: null, detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Makes and writes each pack of `plan` in turn. A pack that fails is reported
 * and the next one made; an existing file is never replaced unless the
 * person answered "replace"; Cancel (the signal) stops at once and the pack
 * under way is not written.
 */
export async function runBatch(db: KemasDatabase, host: HostClient, plan: BatchPlan, options: BatchRunOptions): Promise<BatchReport> {
  const { folder, choices, signal } = options;
  const now = options.now ?? Date.now;
  const report: BatchReport = { folder, written: [], keptExisting: [], replaced: [], failed: [], notReached: 0, ending: 'finished' };
  const total = plan.items.length;
  const started = now();
  let existing: ExistingAnswer | null = null;
  const progress = (done: number, current: BatchItem | null) => {
    const elapsed = now() - started;
    options.onProgress({ done, total, current, etaMs: done > 0 ? Math.round((elapsed / done) * (total - done)) : null, failed: report.failed.length });
  };

  for (const [i, item] of plan.items.entries()) {
    if (signal.aborted) {
      report.ending = 'cancelled';
      report.notReached = total - i;
      break;
    }
    progress(i, item);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      const made = await makePack(
        db,
        host,
        { submissionId: item.submissionId, language: choices.language, pageSize: choices.pageSize, mode: item.mode, format: choices.format },
        { signal, onProgress: () => {}, requireImages: true },
      );
      bytes = new Uint8Array(await made.blob.arrayBuffer());
    } catch (error) {
      if (signal.aborted) {
        report.ending = 'cancelled';
        report.notReached = total - i;
        break;
      }
      report.failed.push(failureOf(item, error));
      continue;
    }

    const write = (ifExists: 'fail' | 'replace') => host.call('export.write', { folder, relativePath: item.relativePath, bytes, ifExists });
    // Always 'fail' first, so the report knows which files were replaced.
    let result = await write('fail');
    if (result.ok && 'exists' in result.value) {
      existing ??= await options.askWhenExists(item);
      if (existing === 'stop') {
        report.keptExisting.push(item);
        report.ending = 'stopped';
        report.notReached = total - i - 1;
        break;
      }
      if (existing === 'skip') {
        report.keptExisting.push(item);
        continue;
      }
      result = await write('replace');
      if (result.ok) report.replaced.push(item);
    } else if (result.ok) {
      report.written.push(item);
    }
    if (!result.ok) report.failed.push({ item, reason: 'write', face: null, detail: `${result.error.code}: ${result.error.message}` });
  }
  progress(total - report.notReached, null);
  return report;
}
