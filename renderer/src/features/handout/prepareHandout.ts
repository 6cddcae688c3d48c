import type { PackLayoutName } from '#shared/contract/packRender.ts';
import { messages } from '#shared/i18n/messages.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import type { KemasDatabase } from '../../data/db.ts';
import type { BatchCandidate } from '../../data/packBatchRepo.ts';
import type { HostClient } from '../../host/hostClient.ts';
import { PACKS_IN_FLIGHT } from '../packs/batchExport.ts';
import { makePack, PackExportError } from '../packs/exportPack.ts';

/*
 * Gathering the packs of a hand-out: each chosen submission's combined
 * critique pack is made by the same pipeline as an export (the host's pack
 * workers draw the PDF), its faces burned at a phone's size, and handed to
 * the host to hold until the mentor starts serving. Two at a time, a failure
 * reported and the rest go on, Cancel at any moment (the host drops what it
 * holds).
 */

/** The long side of a face picture on the phone page: sharp on any phone, a few hundred KB. */
export const PHONE_FACE_SIDE = 1600;

export interface HandoutChoices {
  language: PackLanguage;
  pageSize: PackLayoutName;
}

export interface HandoutFailure {
  item: BatchCandidate;
  reason: PackExportError['reason'] | 'host' | 'unexpected';
}

export interface HandoutPreparation {
  handoutId: string;
  added: number;
  failed: HandoutFailure[];
}

export interface HandoutPrepareProgress {
  done: number;
  total: number;
  current: BatchCandidate | null;
  failed: number;
}

/** Makes and hands over the packs of `items`; resolves with the hand-out's id once all are settled. */
export async function prepareHandout(
  db: KemasDatabase,
  host: HostClient,
  items: readonly BatchCandidate[],
  choices: HandoutChoices,
  options: { signal: AbortSignal; onProgress: (progress: HandoutPrepareProgress) => void },
): Promise<HandoutPreparation> {
  const { signal } = options;
  const prepared = await host.call('handout.prepare', {});
  if (!prepared.ok) throw new Error(`${prepared.error.code}: ${prepared.error.message}`);
  const { handoutId } = prepared.value;
  const stop = () => void host.call('handout.stop', { handoutId });
  signal.addEventListener('abort', stop, { once: true });
  const failed: HandoutFailure[] = [];
  let added = 0;
  let done = 0;
  let next = 0;
  const making = new Set<number>();
  const progress = () => {
    const first = making.size > 0 ? Math.min(...making) : null;
    options.onProgress({ done, total: items.length, current: first === null ? null : (items[first] ?? null), failed: failed.length });
  };

  async function one(item: BatchCandidate): Promise<void> {
    try {
      const pack = await makePack(
        db,
        host,
        { submissionId: item.submissionId, language: choices.language, pageSize: choices.pageSize, mode: 'combined', format: 'pdf' },
        { signal, onProgress: () => {}, requireImages: true, facePngSide: PHONE_FACE_SIDE },
      );
      const faceNames = messages[choices.language].faces;
      const result = await host.call('handout.addPack', {
        handoutId,
        business: item.business,
        product: item.product,
        version: item.version,
        pdfFileName: pack.fileName,
        pdf: new Uint8Array(await pack.blob.arrayBuffer()),
        faces: (pack.facePngs ?? []).map((f) => ({ fileName: f.fileName, label: faceNames[f.face], bytes: f.bytes })),
      });
      if (!result.ok) throw new PackExportError('host', `${result.error.code}: ${result.error.message}`);
      added += 1;
    } catch (error) {
      if (signal.aborted) throw error;
      console.error(error);
      failed.push({ item, reason: error instanceof PackExportError ? error.reason : 'unexpected' });
    }
  }

  async function worker() {
    while (!signal.aborted && next < items.length) {
      const i = next++;
      making.add(i);
      progress();
      try {
        await one(items[i] as BatchCandidate);
        done += 1;
      } finally {
        making.delete(i);
        progress();
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(PACKS_IN_FLIGHT, items.length) }, worker));
    signal.throwIfAborted();
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return { handoutId, added, failed };
}
