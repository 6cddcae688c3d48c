import type { IngestLimits } from '#shared/intake/ingestOutcome.ts';

/**
 * sharp options for every untrusted input. `failOn: 'error'` refuses a cut-off
 * or corrupt file instead of rendering grey where data is missing, yet accepts
 * the harmless warnings many phone JPEGs raise; `limitInputPixels` refuses a
 * decompression bomb from its header, before any pixel is decoded.
 */
export function untrustedInput(limits: IngestLimits) {
  return { failOn: 'error', limitInputPixels: limits.maxInputPixels } as const;
}

/** sharp takes Buffers; a view over the caller's bytes, never a copy and never written to. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
