import type { PackRenderRequest, PackRenderResponse } from '#shared/contract/packRender.ts';
import type { SharpModule } from '../ingest/sharpModule.ts';
import { renderPackPdf } from '../pack/renderPackPdf.ts';
import { zipPack } from './packZip.ts';

export interface RenderPackRequestOptions {
  /** Another sharp (the WebAssembly build in an Electron worker on Linux picks itself; tests may pass one). */
  sharp?: SharpModule;
  /** The PDF's creation date and the ZIP entries' time; by default now. */
  now?: Date;
}

/** Views the bytes as a Buffer without copying them (pdfkit and sharp take Buffers). */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * One `pack.render` request, as a worker runs it: the PDF with pdfkit, then,
 * when asked, the ZIP around it. The answer owns fresh ArrayBuffers, so
 * posting it back copies only the pack (never a slice of Node's shared pool).
 */
export async function renderPackRequest(request: PackRenderRequest, options: RenderPackRequestOptions = {}): Promise<PackRenderResponse> {
  const now = options.now ?? new Date();
  const images = new Map(request.images.map((image) => [image.assetId, asBuffer(image.bytes)] as const));
  const pdfBuffer = await renderPackPdf(request.model, images, {
    pageSize: request.pageSize,
    createdAt: now,
    ...(options.sharp ? { sharp: options.sharp } : {}),
  });
  const pdf = new Uint8Array(pdfBuffer);
  const zip = request.zip ? zipPack(pdf, request.zip, request.model.language, now) : null;
  return { pdf, zip };
}
