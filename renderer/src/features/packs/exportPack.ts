import type { PackLayoutName } from '#shared/contract/packRender.ts';
import type { HostErrorCode } from '#shared/contract/result.ts';
import type { Face } from '#shared/domain/asset.ts';
import { buildPackModel } from '#shared/pack/packModel.ts';
import type { PackMode } from '#shared/pack/packModelSchema.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { burnAnnotations } from '../../canvas/burnAnnotations.ts';
import type { KemasDatabase } from '../../data/db.ts';
import { loadPackInput } from '../../data/packRepo.ts';
import type { HostClient } from '../../host/hostClient.ts';
import { facePngNames, packFileStem, packReviewJson, packScoresCsv } from './packFiles.ts';

export type PackFormat = 'pdf' | 'zip';

export interface PackRequest {
  submissionId: string;
  language: PackLanguage;
  pageSize: PackLayoutName;
  mode: PackMode;
  format: PackFormat;
}

/** The steps a pack goes through; a PDF alone skips drawing the marks on the full-resolution images. */
export type PackStep = 'gathering' | 'drawing' | 'rendering';

export function packSteps(format: PackFormat): PackStep[] {
  return format === 'zip' ? ['gathering', 'drawing', 'rendering'] : ['gathering', 'rendering'];
}

export interface PackProgress {
  step: PackStep;
  /** While drawing: faces done and in all. */
  done?: number;
  total?: number;
}

/** Why a pack was not made, each with one translated sentence in the dialog. */
export class PackExportError extends Error {
  readonly reason: 'too-large' | 'host' | 'host-unavailable' | 'worker-stopped' | 'too-heavy' | 'image';
  readonly face: Face | null;
  constructor(reason: PackExportError['reason'], detail: string, face: Face | null = null) {
    super(detail);
    this.name = 'PackExportError';
    this.reason = reason;
    this.face = face;
  }
}

export function hostFailure(code: HostErrorCode, message: string): PackExportError {
  if (code === 'bad-request') return new PackExportError('too-large', message);
  if (code === 'worker-stopped') return new PackExportError('worker-stopped', message);
  if (code === 'too-heavy') return new PackExportError('too-heavy', message);
  if (message.startsWith('Host unreachable')) return new PackExportError('host-unavailable', message);
  return new PackExportError('host', `${code}: ${message}`);
}

/**
 * A host worker job that Cancel stops for real: the request carries a job id,
 * and aborting asks the host to kill the worker running it (`jobs.cancel`),
 * rather than letting it draw on unseen. Rejects at once on abort, like `unlessAborted`.
 */
export async function cancellableHostJob<T>(host: HostClient, signal: AbortSignal, call: (jobId: string) => Promise<T>): Promise<T> {
  signal.throwIfAborted();
  const jobId = crypto.randomUUID();
  const stop = () => void host.call('jobs.cancel', { jobId }).catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  try {
    return await unlessAborted(call(jobId), signal);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** `work`, or a rejection as soon as `signal` aborts: Cancel answers at once, and a late result is dropped. */
export function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

export interface FacePng {
  fileName: string;
  face: Face;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface MadePack {
  blob: Blob;
  fileName: string;
  /** A PDF pack asked for `facePngSide`: its faces with the marks burned in, at most that many pixels on the long side. */
  facePngs?: FacePng[];
}

/**
 * Burns the marks into each face of the pack, in order: at full resolution
 * (`maxSide` null, for the ZIP) or at most `maxSide` pixels on the long side.
 */
async function burnFaces(
  loaded: Awaited<ReturnType<typeof loadPackInput>>,
  model: ReturnType<typeof buildPackModel>,
  language: PackLanguage,
  signal: AbortSignal,
  onProgress: (progress: PackProgress) => void,
  maxSide: number | null,
): Promise<FacePng[]> {
  const faces = model.faces.map((face) => ({ face, images: loaded.faces.find((f) => f.asset.id === face.assetId) }));
  const names = facePngNames(
    faces.map((f) => f.face.face),
    language,
  );
  const facePngs: FacePng[] = [];
  onProgress({ step: 'drawing', done: 0, total: faces.length });
  for (const [i, { face, images: pictures }] of faces.entries()) {
    const source = pictures?.original ?? pictures?.preview;
    if (!pictures || !source) throw new PackExportError('image', `No picture of face ${face.assetId}`, face.face);
    // Without a drawable original (TIFF, HEIC, PDF, SVG) the preview is burned at its own size, never blown up.
    const previewSide = pictures.original ? undefined : Math.max(pictures.asset.preview.width, pictures.asset.preview.height);
    const side = maxSide === null ? previewSide : Math.min(maxSide, previewSide ?? maxSide);
    let png: Blob;
    try {
      png = await unlessAborted(
        burnAnnotations(source, face.marks, { width: face.width, height: face.height, transform: face.transform, ...(side ? { maxSide: side } : {}) }),
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw error;
      throw new PackExportError('image', error instanceof Error ? error.message : String(error), face.face);
    }
    facePngs.push({ fileName: names[i] as string, face: face.face, bytes: await bytesOf(png) });
    onProgress({ step: 'drawing', done: i + 1, total: faces.length });
    signal.throwIfAborted();
  }
  return facePngs;
}

/**
 * Makes one submission's critique pack: gathers the records, (for a ZIP)
 * burns the marks into each face at full resolution, then has the host draw
 * the PDF and pack the ZIP off the main thread. `signal` stops it at once
 * (the host's worker is stopped; the canvas's work under way is let finish,
 * and its answer dropped).
 */
export async function makePack(
  db: KemasDatabase,
  host: HostClient,
  request: PackRequest,
  options: {
    signal: AbortSignal;
    onProgress: (progress: PackProgress) => void;
    now?: number;
    /** Refuse a pack with a face whose picture is gone (a batch: nobody looks at each pack before it goes out). */
    requireImages?: boolean;
    /** With a PDF: also burn each face's marks into a PNG at most this many pixels on the long side (a hand-out's phone page). */
    facePngSide?: number;
  },
): Promise<MadePack> {
  const { signal, onProgress } = options;
  onProgress({ step: 'gathering' });
  const loaded = await loadPackInput(db, request.submissionId, { mode: request.mode, generatedAt: options.now ?? Date.now(), images: true });
  const model = buildPackModel(loaded.input, { language: request.language, mode: request.mode });
  const mentorName = request.mode === 'combined' ? null : (model.mentors.find((m) => m.mentorId === (request.mode as { mentorId: string }).mentorId)?.name ?? null);
  const { participant, submission } = loaded.input;
  const stem = packFileStem({ business: participant.business, product: participant.product, version: submission.version }, request.language, mentorName, request.pageSize === 'Ponsel');
  const missing = options.requireImages ? loaded.faces.find((f) => !f.preview) : undefined;
  if (missing) throw new PackExportError('image', `No picture of face ${missing.asset.id}`, missing.asset.face);
  const images = await Promise.all(
    loaded.faces.flatMap((f) => (f.preview ? [bytesOf(f.preview).then((bytes) => ({ assetId: f.asset.id, bytes }))] : [])),
  );
  signal.throwIfAborted();

  // A ZIP holds every face at full resolution; a hand-out, every face at a phone's size.
  const burnSide = request.format === 'zip' ? null : (options.facePngSide ?? undefined);
  const facePngs = burnSide === undefined ? [] : await burnFaces(loaded, model, request.language, signal, onProgress, burnSide);
  const zip =
    request.format === 'zip'
      ? { pdfFileName: `${stem}.pdf`, facePngs: facePngs.map(({ fileName, bytes }) => ({ fileName, bytes })), reviewJson: packReviewJson(loaded.input, model), scoresCsv: packScoresCsv(model) }
      : null;

  onProgress({ step: 'rendering' });
  const result = await cancellableHostJob(host, signal, (jobId) => host.call('pack.render', { model, images, pageSize: request.pageSize, zip, jobId }));
  if (!result.ok) throw hostFailure(result.error.code, result.error.message);
  const { pdf, zip: zipped } = result.value;
  const made = zipped
    ? { blob: new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName: `${stem}.zip` }
    : { blob: new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileName: `${stem}.pdf` };
  return request.format === 'zip' ? made : { ...made, facePngs };
}
