import { Zip, ZipPassThrough } from 'fflate';
import { checkArchive, writeArchive, type ByteSource } from '#shared/bundles/archive.ts';
import { archiveInput, blobOf, fullStudio, imageBytes } from '../support/archiveFixture.ts';
import { round, type Measure } from './measure.ts';

const MB = 1024 * 1024;
/** A backup past 4 GiB, so offsets need ZIP64: 1,100 images of 4 MB. */
const BIG_BLOBS = 1100;
const BLOB_BYTES = 4 * MB;
/** Distinct image buffers the blobs cycle through (kept few so the bench fits in memory). */
const DISTINCT = 8;

/**
 * Keeps what the writer sends by reference (the writer never reuses a buffer), so a 4.4 GB archive
 * whose images share eight 4 MB buffers costs ~40 MB here, and reads it back as a ByteSource.
 */
function sparseFile(): { sink: (chunk: Uint8Array) => void; source: () => ByteSource } {
  const starts: number[] = [];
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    sink: (chunk) => {
      starts.push(size);
      chunks.push(chunk);
      size += chunk.length;
    },
    source: () => ({
      size,
      read(offset, length) {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= offset) lo = mid;
          else hi = mid - 1;
        }
        const first = chunks[lo]!;
        const within = offset - starts[lo]!;
        if (within + length <= first.length) return Promise.resolve(first.subarray(within, within + length));
        const out = new Uint8Array(length);
        for (let i = lo, at = 0; at < length && i < chunks.length; i += 1) {
          const chunk = chunks[i]!;
          const from = i === lo ? within : 0;
          const piece = chunk.subarray(from, Math.min(chunk.length, from + length - at));
          out.set(piece, at);
          at += piece.length;
        }
        return Promise.resolve(out);
      },
    }),
  };
}

/** Writing and checking a 4.4 GB backup (ZIP64) with images stored: throughput, against fflate's own Zip on 1 GB. */
export default async function archiveBench(): Promise<Measure[]> {
  const images = Array.from({ length: DISTINCT }, (_, i) => imageBytes(BLOB_BYTES, i + 1));
  const blobs = Array.from({ length: BIG_BLOBS }, (_, i) => blobOf(`a${i}:preview`, `a${i}`, 'preview', images[i % DISTINCT]!));
  const file = sparseFile();
  let started = performance.now();
  const { bytes } = await writeArchive(archiveInput(fullStudio(), blobs, 'backup'), file.sink);
  const writeMs = performance.now() - started;

  started = performance.now();
  const check = await checkArchive(file.source());
  const checkMs = performance.now() - started;
  if (!check.ok) throw new Error(`the 4.4 GB backup was refused: ${check.problem} ${check.path ?? ''} ${check.detail ?? ''}`);
  const last = check.archive.blobs.at(-1)!;
  if (bytes <= 2 ** 32 || last.dataOffset <= 2 ** 32) throw new Error('the backup should have needed ZIP64 offsets');
  const back = await check.archive.readBlob(last.id);
  if (back.length !== BLOB_BYTES || back[12345] !== images[(BIG_BLOBS - 1) % DISTINCT]![12345]) throw new Error('the last image came back different');

  // Peer: fflate's streaming Zip, stored entries, on the first 1 GB (it writes no ZIP64).
  const peerBlobs = 256;
  started = performance.now();
  let peerBytes = 0;
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    peerBytes += chunk.length;
  });
  for (let i = 0; i < peerBlobs; i += 1) {
    const entry = new ZipPassThrough(`blobs/${i}`);
    zip.add(entry);
    entry.push(images[i % DISTINCT]!, true);
  }
  zip.end();
  const peerMs = performance.now() - started;

  const mbps = (n: number, ms: number) => round(n / MB / (ms / 1000), 0);
  return [
    { name: `write a ${round(bytes / 2 ** 30, 2)} GiB backup (ZIP64, CRC-32 + SHA-256)`, value: round(writeMs / 1000, 1), unit: 's' },
    { name: 'write throughput', value: mbps(bytes, writeMs), unit: 'MB/s', peer: { name: 'fflate Zip, stored, CRC-32 only, 1 GB', value: mbps(peerBytes, peerMs) } },
    { name: `check the same backup (every SHA-256)`, value: round(checkMs / 1000, 1), unit: 's', goal: '< 60' },
    { name: 'check throughput', value: mbps(bytes, checkMs), unit: 'MB/s' },
  ];
}
