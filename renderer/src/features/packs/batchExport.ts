import type { PackLayoutName } from '#shared/contract/packRender.ts';
import type { Face } from '#shared/domain/asset.ts';
import { packFileName, uniquePaths } from '#shared/pack/packFileNames.ts';
import type { PackMode } from '#shared/pack/packModelSchema.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
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
  pageSize: PackLayoutName;
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
      const name = packFileName({ region: c.region, business: c.business, product: c.product, version: c.version, language: choices.language, mentorName: pack.mentorName, phone: choices.pageSize === 'Ponsel' });
      paths.push(choices.format === 'zip' ? name.path.replace(/\.pdf$/, '.zip') : name.path);
      items.push({ submissionId: c.submissionId, business: c.business, product: c.product, version: c.version, ...pack });
    }
  }
  const unique = uniquePaths(paths);
  return { items: items.map((item, i) => ({ ...item, relativePath: unique[i] as string })), skipped };
}

/** Why one pack was not written; the dialog says each in one translated sentence. */
export type BatchFailureReason = PackExportError['reason'] | 'write' | 'not-granted' | 'unexpected';

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

/** How many packs are made at once: the host renders with a pool of two workers. */
export const PACKS_IN_FLIGHT = 2;

/**
 * Makes and writes the packs of `plan`, up to {@link PACKS_IN_FLIGHT} made at
 * once but written one at a time in plan order. A pack that fails is reported
 * and the next one made; an existing file is never replaced unless the person
 * answered "replace", and while they are asked nothing else is written; Cancel
 * (the signal) or "stop" halts at once and packs under way are not written.
 */
export async function runBatch(db: KemasDatabase, host: HostClient, plan: BatchPlan, options: BatchRunOptions): Promise<BatchReport> {
  const { folder, choices, signal } = options;
  const now = options.now ?? Date.now;
  const report: BatchReport = { folder, written: [], keptExisting: [], replaced: [], failed: [], notReached: 0, ending: 'finished' };
  const total = plan.items.length;
  const started = now();
  let existing: ExistingAnswer | null = null;
  // Cancel, or the answer "stop": what is being made is dropped.
  const halt = new AbortController();
  const cancel = () => halt.abort(signal.reason);
  if (signal.aborted) cancel();
  else signal.addEventListener('abort', cancel, { once: true });
  let stopped = false;
  let done = 0;
  let next = 0;
  const making = new Set<number>();
  const progress = () => {
    const elapsed = now() - started;
    const first = making.size > 0 ? Math.min(...making) : null;
    const current = first === null ? null : (plan.items[first] ?? null);
    options.onProgress({ done, total, current, etaMs: done > 0 ? Math.round((elapsed / done) * (total - done)) : null, failed: report.failed.length });
  };
  // Each item waits for the one before it to be written (or given up): plan order, one write at a time.
  let lastTurn: Promise<void> = Promise.resolve();

  /** Writes one pack; true when the item is settled (written, kept, replaced or failed). */
  async function write(item: BatchItem, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
    const put = (ifExists: 'fail' | 'replace') => host.call('export.write', { folder, relativePath: item.relativePath, bytes, ifExists });
    // Always 'fail' first, so the report knows which files were replaced.
    let result = await put('fail');
    if (result.ok && 'exists' in result.value) {
      existing ??= await options.askWhenExists(item);
      if (existing === 'stop') {
        report.keptExisting.push(item);
        stopped = true;
        halt.abort();
        return true;
      }
      if (existing === 'skip') {
        report.keptExisting.push(item);
        return true;
      }
      result = await put('replace');
      if (result.ok) report.replaced.push(item);
    } else if (result.ok) {
      report.written.push(item);
    }
    if (!result.ok) {
      const reason = result.error.code === 'not-granted' ? 'not-granted' : 'write';
      report.failed.push({ item, reason, face: null, detail: `${result.error.code}: ${result.error.message}` });
    }
    return true;
  }

  /** Once existing files are to be kept, an item whose file is there is not made at all. */
  async function keptWithoutMaking(item: BatchItem): Promise<boolean> {
    if (existing !== 'skip') return false;
    const there = await host.call('export.exists', { folder, relativePath: item.relativePath });
    return there.ok && there.value.exists;
  }

  /** Makes one pack, then in its turn writes it or reports why it failed; false when halted first. */
  async function handle(item: BatchItem, turn: Promise<void>): Promise<boolean> {
    if (await keptWithoutMaking(item)) {
      await turn;
      if (halt.signal.aborted) return false;
      report.keptExisting.push(item);
      return true;
    }
    let made: { bytes: Uint8Array<ArrayBuffer> } | { error: unknown };
    try {
      const pack = await makePack(
        db,
        host,
        { submissionId: item.submissionId, language: choices.language, pageSize: choices.pageSize, mode: item.mode, format: choices.format },
        { signal: halt.signal, onProgress: () => {}, requireImages: true },
      );
      made = { bytes: new Uint8Array(await pack.blob.arrayBuffer()) };
    } catch (error) {
      made = { error };
    }
    await turn;
    if (halt.signal.aborted) return false;
    if ('error' in made) {
      report.failed.push(failureOf(item, made.error));
      return true;
    }
    return write(item, made.bytes);
  }

  async function worker() {
    while (!halt.signal.aborted && next < total) {
      const i = next++;
      const item = plan.items[i] as BatchItem;
      const turn = lastTurn;
      let release = () => {};
      lastTurn = new Promise<void>((resolve) => (release = resolve));
      making.add(i);
      progress();
      try {
        if (await handle(item, turn)) done += 1;
      } finally {
        making.delete(i);
        release();
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(PACKS_IN_FLIGHT, total) }, worker));
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  report.notReached = total - done;
  if (stopped) report.ending = 'stopped';
  else if (signal.aborted && done < total) report.ending = 'cancelled';
  progress();
  return report;
}
