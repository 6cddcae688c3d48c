import { createPackPool } from '#electron/services/packPool.ts';
import { spawnPackProcess } from '#electron/web/processWorker.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import { packInput } from '../support/packFixture.ts';
import { round, type Measure } from './measure.ts';
import { packPreview } from './support/packPreview.ts';

/** A workshop's worth of packs: the East Java MJC workshops had 260 UMKM. */
const PACKS = 260;
/** The goal is set for two cores. */
const WORKERS = 2;
const PREVIEW_EDGE = 2560;

/**
 * 260 critique packs (three faces, 20 marks each, 2,560-px grainy previews)
 * drawn through the host's real pack pool with two worker threads, as the
 * browser host runs them: wall time from the first request to the last PDF,
 * worker start-up and font loading included.
 */
export default async function packBatchBench(): Promise<Measure[]> {
  const base = packInput({ annotations: 20 });
  const hues = [200, 280, 30];
  const images = await Promise.all(
    base.faces.map(async (face, i) => ({
      assetId: face.id,
      bytes: new Uint8Array(await packPreview(face.metadata.width, face.metadata.height, hues[i] ?? 0, PREVIEW_EDGE)),
    })),
  );
  // Each pack its own participant, so no two requests are the same document.
  const requests = Array.from({ length: PACKS }, (_, i) => {
    const input = { ...base, participant: { ...base.participant, business: `UMKM ${i + 1} ${base.participant.business}` } };
    return { model: buildPackModel(input, { language: 'id', mode: 'combined' }), images, pageSize: 'A4' as const, zip: null };
  });

  const pool = createPackPool(spawnPackProcess, WORKERS);
  try {
    const started = performance.now();
    const packs = await Promise.all(requests.map((request) => pool.run(request)));
    const wall = performance.now() - started;
    const bytes = packs.reduce((n, p) => n + p.pdf.byteLength, 0);
    // The work was real: every answer is a PDF with pictures.
    for (const p of packs) {
      const head = new TextDecoder('latin1').decode(p.pdf.subarray(0, 5));
      if (head !== '%PDF-' || p.pdf.byteLength < 100_000) throw new Error('pack batch bench: an answer was not a PDF with images');
    }
    return [
      { name: `${PACKS} packs through the pack pool, ${WORKERS} workers, wall time (3 faces, 20 marks each)`, value: round(wall / 1000, 1), unit: 's', goal: '< 90' },
      { name: `  per pack, wall time / ${PACKS}`, value: round(wall / PACKS, 1), unit: 'ms' },
      { name: `  all ${PACKS} PDFs together`, value: round(bytes / 1_000_000, 1), unit: 'MB' },
    ];
  } finally {
    pool.close();
  }
}
