// Studios and archives for the `.kemas` tests: valid records of every table (fixed or seeded random),
// image-like blobs, an in-memory ByteSource and a helper that writes an archive to bytes.
// Shared by the archive's unit tests and benchmark; the renderer's tests may feed the same bytes to the UI.
import { createHash } from 'node:crypto';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { Asset } from '#shared/domain/asset.ts';
import type { Participant } from '#shared/domain/participant.ts';
import type { Submission } from '#shared/domain/submission.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import type { LabelChecklist } from '#shared/domain/labelChecklist.ts';
import type { CommentSnippet } from '#shared/domain/commentSnippet.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import { writeArchive, type ArchiveInput, type ArchiveOptions, type ByteSource } from '#shared/bundles/archive.ts';
import type { BundleRecords } from '#shared/bundles/mergeBundle.ts';
import { annotation, mjcRubric, review } from './packFixture.ts';

export const ARCHIVE_NOW = Date.UTC(2026, 10, 28, 3, 0, 0);

/** A seeded random number generator in [0, 1) (Park–Miller), so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

const base = (id: string, by = 'm-rina', at = ARCHIVE_NOW, deletedAt: number | null = null) => ({ id, createdAt: at - 1000, updatedAt: at, updatedBy: by, deletedAt, revisions: {} });

export const mentor = (id: string, name: string, at = ARCHIVE_NOW): Mentor => ({ ...base(id, id, at), name, organisation: 'Rumah Kurasi' });

export function workshop(id: string, at = ARCHIVE_NOW): Workshop {
  return { ...base(id, 'm-rina', at), name: 'Pendampingan Kemasan MJC Malang', region: 'Malang', venue: 'Gedung Bakorwil III', startDate: '2026-11-12', endDate: '2026-11-14', rubricId: 'rubric-v2', notes: '' };
}

export function participant(id: string, workshopId: string, business = 'Keripik Tempe Bu Sari'): Participant {
  return {
    ...base(id),
    workshopId,
    business,
    owner: 'Sari Wulandari',
    product: 'Keripik Tempe Original',
    category: 'snack',
    city: 'Kota Batu',
    region: '',
    contact: '',
    labelFacts: { registrationNumber: '206350701012929', halalCertificate: '', netContent: '100 g', packagingMaterial: 'plastic' },
    packDimensions: null,
  };
}

export function submission(id: string, workshopId: string, participantId: string, version = 1): Submission {
  return { ...base(id), workshopId, participantId, version, title: `Versi ${version}`, submittedAt: ARCHIVE_NOW - 5000, note: '' };
}

export function asset(id: string, workshopId: string, submissionId: string | null, sha256: string, order = 0): Asset {
  return {
    ...base(id),
    workshopId,
    submissionId,
    transform: { quarterTurns: 0, flipX: false },
    face: 'front',
    fileName: `${id}.jpg`,
    mimeType: 'image/jpeg',
    sha256,
    metadata: {
      format: 'jpeg',
      width: 1200,
      height: 1800,
      densityDpi: 300,
      colourSpace: 'srgb',
      iccProfileName: null,
      hasAlpha: false,
      bitDepth: 8,
      byteSize: 800_000,
      sha256,
      captureDate: null,
      device: null,
      exifOrientation: null,
      pageNumber: null,
      pageSize: null,
    },
    palette: [],
    preview: { mimeType: 'image/webp', width: 1200, height: 1800 },
    thumbnail: { mimeType: 'image/webp', width: 256, height: 384 },
    order,
  };
}

export function session(id: string, workshopId: string, submissionIds: string[]): ScoringSession {
  return {
    ...base(id),
    workshopId,
    name: 'Penilaian batch Malang',
    rubricId: 'rubric-v2',
    mentorIds: ['m-rina', 'm-andres'],
    filters: { regions: [], categories: [], version: 'latest' },
    submissionIds,
    assignment: 'all-score-all',
    blind: false,
    conflicts: [],
    status: 'open',
    keptAssignments: [],
    curators: ['m-rina'],
    reveal: 'curator',
    revealedAt: null,
    itemTimerMinutes: null,
  };
}

export function checklist(id: string, mentorId: string, submissionId: string): LabelChecklist {
  return {
    ...base(id, mentorId),
    submissionId,
    mentorId,
    authorKeyId: null,
    items: { 'product-name': { status: 'present', annotationId: null, note: '' }, 'net-content': { status: 'wrong', annotationId: null, note: 'Tanpa satuan.' } },
    registrationOnLabel: '',
  };
}

export function snippet(id: string, text: string): CommentSnippet {
  return { ...base(id), text: { id: text, en: text }, category: 'legibility', builtin: false };
}

/** The SHA-256 of some bytes, as the studio keys originals. */
export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The one original file of the full studio, and its key. */
export const ORIGINAL_BYTES = imageBytes(40_000, 1);
export const ORIGINAL_SHA = sha256Of(ORIGINAL_BYTES);

/** One record of every table, linked as the studio links them (one tombstone among them): a backup's worth. */
export function fullStudio(): BundleRecords {
  const sha = ORIGINAL_SHA;
  const reviewed = review('r1', 'm-rina', 's1', [3, 4, 5, 4, 3, 4, 5, 4, 3, 4]);
  const mark: Annotation = { ...annotation('n1', 'm-rina', 'a1', 1, { kind: 'pin', at: { x: 10, y: 20 } }), submissionId: 's1' };
  return {
    mentors: [mentor('m-rina', 'Rina Prasetyo'), mentor('m-andres', 'Andrés Nuñez-Kurniawan')],
    workshops: [workshop('w1')],
    participants: [participant('p1', 'w1'), { ...participant('p2', 'w1', 'Sambal Bu Tini'), deletedAt: ARCHIVE_NOW }],
    submissions: [submission('s1', 'w1', 'p1')],
    assets: [asset('a1', 'w1', 's1', sha)],
    rubrics: [mjcRubric()],
    sessions: [session('ss1', 'w1', ['s1'])],
    reviews: [reviewed],
    annotations: [mark],
    labelChecklists: [checklist('c1', 'm-rina', 's1')],
    commentSnippets: [snippet('k1', 'Perbesar tulisan komposisi.')],
  };
}

/** Bytes that look like an image file of `length` bytes (seeded, incompressible like a real JPEG). */
export function imageBytes(length: number, seed = 1): Uint8Array {
  const rand = seeded(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = Math.floor(rand() * 256);
  if (length >= 3) bytes.set([0xff, 0xd8, 0xff]);
  return bytes;
}

export type ArchiveBlobInput = ArchiveInput['blobs'][number];

export const blobOf = (id: string, assetId: string | null, kind: ArchiveBlobInput['kind'], bytes: Uint8Array, mimeType = 'image/jpeg'): ArchiveBlobInput => ({
  id,
  assetId,
  kind,
  mimeType,
  bytes: () => Promise.resolve(bytes),
});

export function archiveInput(records: BundleRecords = fullStudio(), blobs: ArchiveBlobInput[] = [], kind: ArchiveInput['kind'] = 'backup'): ArchiveInput {
  return {
    kind,
    createdAt: new Date(ARCHIVE_NOW).toISOString(),
    createdBy: { id: 'm-rina', name: 'Rina Prasetyo' },
    app: { name: 'Kemas Studio', version: '0.1.0' },
    records,
    blobs,
  };
}

/** The full studio with an original, a preview and a thumbnail of its one asset. */
export function fullArchiveInput(): ArchiveInput {
  return archiveInput(fullStudio(), [
    blobOf(`original:${ORIGINAL_SHA}`, null, 'original', ORIGINAL_BYTES),
    blobOf('a1:preview', 'a1', 'preview', imageBytes(12_000, 2), 'image/webp'),
    blobOf('a1:thumbnail', 'a1', 'thumbnail', imageBytes(3_000, 3), 'image/webp'),
  ]);
}

/** Writes an archive into one byte array. */
export async function archiveBytes(input: ArchiveInput, options: ArchiveOptions = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const { bytes } = await writeArchive(input, (chunk) => void chunks.push(chunk.slice()), options);
  return concat(chunks, bytes);
}

export function concat(chunks: readonly Uint8Array[], size = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A ByteSource over bytes in memory that counts what is read (to prove the reader reads per entry). */
export function memorySource(bytes: Uint8Array): ByteSource & { reads: number; largestRead: number; bytesRead: number } {
  const source = {
    size: bytes.length,
    reads: 0,
    largestRead: 0,
    bytesRead: 0,
    read(offset: number, length: number): Promise<Uint8Array> {
      source.reads += 1;
      source.largestRead = Math.max(source.largestRead, length);
      source.bytesRead += length;
      return Promise.resolve(bytes.slice(offset, offset + length));
    },
  };
  return source;
}
