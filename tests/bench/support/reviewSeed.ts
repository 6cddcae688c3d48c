import { seededRandom } from '#shared/scoring/agreement.ts';
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { medianCutPalette, PALETTE_SAMPLE_EDGE } from '#electron/services/ingest/palette.ts';
import { IDENTITY_TRANSFORM } from '#shared/domain/faceTransform.ts';
import { annotationSchema, ANNOTATION_CATEGORIES, SEVERITIES, type Annotation } from '#shared/domain/annotation.ts';
import { assetSchema, derivedBlobKey, originalBlobKey, type Asset } from '#shared/domain/asset.ts';
import { mentorSchema, type Mentor } from '#shared/domain/mentor.ts';
import { participantSchema, type Participant } from '#shared/domain/participant.ts';
import { submissionSchema, type Submission } from '#shared/domain/submission.ts';
import { workshopSchema, type Workshop } from '#shared/domain/workshop.ts';
import { PREVIEW_LONG_EDGE, THUMBNAIL_LONG_EDGE } from '#shared/intake/ingestOutcome.ts';

/** A 24 MP phone photo of a pack, as the intake would have stored it. */
export const ORIGINAL_WIDTH = 6000;
export const ORIGINAL_HEIGHT = 4000;

export interface EncodedImage {
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ReviewImages {
  original: EncodedImage;
  preview: EncodedImage;
  thumbnail: EncodedImage;
  sha256: string;
  palette: Asset['palette'];
}


/**
 * A pouch with a label on a table under uneven light, drawn as SVG: panels,
 * a logo, "lettering" (rows of small bars), a barcode and a nutrition box,
 * so the JPEG has edges and detail everywhere, like a real design.
 */
function packagingSvg(width: number, height: number): string {
  const random = seededRandom(24_000_000);
  const parts: string[] = [];
  parts.push(
    `<defs><radialGradient id="light" cx="35%" cy="30%" r="80%"><stop offset="0" stop-color="#fff6e0" stop-opacity="0.55"/>` +
      `<stop offset="1" stop-color="#1b1208" stop-opacity="0.45"/></radialGradient>` +
      `<linearGradient id="pouch" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d9432f"/><stop offset="0.55" stop-color="#f08a24"/>` +
      `<stop offset="1" stop-color="#8c1d12"/></linearGradient></defs>`,
  );
  // The table: wood-like stripes.
  parts.push(`<rect width="${width}" height="${height}" fill="#8a6a4a"/>`);
  for (let y = 0; y < height; y += 23 + Math.floor(random() * 40)) {
    const shade = 100 + Math.floor(random() * 60);
    parts.push(`<rect x="0" y="${y}" width="${width}" height="${6 + Math.floor(random() * 14)}" fill="rgb(${shade + 30},${shade},${shade - 40})" fill-opacity="0.5"/>`);
  }
  // The pouch and its label.
  const px = width * 0.2;
  const py = height * 0.08;
  const pw = width * 0.6;
  const ph = height * 0.84;
  parts.push(`<rect x="${px + 40}" y="${py + 60}" width="${pw}" height="${ph}" rx="120" fill="#000" fill-opacity="0.35"/>`);
  parts.push(`<rect x="${px}" y="${py}" width="${pw}" height="${ph}" rx="120" fill="url(#pouch)"/>`);
  parts.push(`<rect x="${px + pw * 0.08}" y="${py + ph * 0.06}" width="${pw * 0.84}" height="${ph * 0.34}" rx="60" fill="#fbf3df"/>`);
  parts.push(`<ellipse cx="${px + pw * 0.5}" cy="${py + ph * 0.23}" rx="${pw * 0.22}" ry="${ph * 0.12}" fill="#2a7a3b" stroke="#f5c400" stroke-width="40"/>`);
  parts.push(`<circle cx="${px + pw * 0.5}" cy="${py + ph * 0.23}" r="${ph * 0.07}" fill="#f5c400"/>`);
  // "Lettering": rows of bars of varying length.
  for (let row = 0; row < 34; row++) {
    const y = py + ph * 0.45 + row * 38;
    let x = px + pw * 0.1;
    while (x < px + pw * 0.9) {
      const word = 30 + random() * 160;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${word.toFixed(1)}" height="${row % 9 === 0 ? 30 : 18}" fill="#fdf8ee" fill-opacity="0.92"/>`);
      x += word + 18 + random() * 20;
    }
  }
  // Nutrition box and barcode.
  const nx = px + pw * 0.1;
  const ny = py + ph * 0.8;
  parts.push(`<rect x="${nx}" y="${ny}" width="${pw * 0.38}" height="${ph * 0.15}" fill="#ffffff" stroke="#111" stroke-width="8"/>`);
  for (let i = 0; i < 12; i++) {
    parts.push(`<rect x="${nx + 30}" y="${ny + 30 + i * 40}" width="${pw * 0.3 * (0.4 + random() * 0.6)}" height="14" fill="#222"/>`);
  }
  const bx = px + pw * 0.6;
  parts.push(`<rect x="${bx}" y="${ny}" width="${pw * 0.3}" height="${ph * 0.12}" fill="#fff"/>`);
  for (let x = bx + 30; x < bx + pw * 0.3 - 30; x += 10 + Math.floor(random() * 14)) {
    parts.push(`<rect x="${x}" y="${ny + 30}" width="${3 + Math.floor(random() * 8)}" height="${ph * 0.09}" fill="#000"/>`);
  }
  // Props on the table, then the room's light over everything.
  for (let i = 0; i < 40; i++) {
    const cx = random() < 0.5 ? random() * width * 0.18 : width * 0.82 + random() * width * 0.18;
    parts.push(`<circle cx="${cx.toFixed(0)}" cy="${(random() * height).toFixed(0)}" r="${(20 + random() * 140).toFixed(0)}" fill="hsl(${Math.floor(random() * 360)},55%,45%)" fill-opacity="0.8"/>`);
  }
  parts.push(`<rect width="${width}" height="${height}" fill="url(#light)"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

/** Sensor-like grain, per channel, in place: without it the JPEG is a few hundred kB, not a phone photo's ~8 MB. */
function addGrain(pixels: Buffer, strength: number): void {
  const random = seededRandom(7);
  const table = new Int8Array(65_521);
  for (let i = 0; i < table.length; i++) table[i] = Math.round((random() + random() + random() - 1.5) * strength);
  let g = 0;
  for (let i = 0; i < pixels.length; i++) {
    const v = (pixels[i] as number) + (table[g] as number);
    pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    if (++g === table.length) g = 0;
  }
}

/** The original, its preview and thumbnail, made with sharp as the intake makes them. */
export async function makeReviewImages(): Promise<ReviewImages> {
  const drawn = await sharp(Buffer.from(packagingSvg(ORIGINAL_WIDTH, ORIGINAL_HEIGHT)), { limitInputPixels: false })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  addGrain(drawn.data, 22);
  const raw = { raw: { width: drawn.info.width, height: drawn.info.height, channels: 3 } } as const;
  const original = await sharp(drawn.data, raw).jpeg({ quality: 92 }).toBuffer();
  const fit = (edge: number) => ({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }) as const;
  const jpeg = { quality: 82, mozjpeg: false, progressive: false } as const;
  const preview = await sharp(original).resize(fit(PREVIEW_LONG_EDGE)).jpeg(jpeg).toBuffer({ resolveWithObject: true });
  const thumbnail = await sharp(preview.data).resize(fit(THUMBNAIL_LONG_EDGE)).jpeg(jpeg).toBuffer({ resolveWithObject: true });
  const sample = await sharp(thumbnail.data)
    .resize({ width: PALETTE_SAMPLE_EDGE, height: PALETTE_SAMPLE_EDGE, fit: 'fill', kernel: 'nearest' })
    .removeAlpha()
    .raw()
    .toBuffer();
  return {
    original: { bytes: original, width: ORIGINAL_WIDTH, height: ORIGINAL_HEIGHT },
    preview: { bytes: preview.data, width: preview.info.width, height: preview.info.height },
    thumbnail: { bytes: thumbnail.data, width: thumbnail.info.width, height: thumbnail.info.height },
    sha256: createHash('sha256').update(original).digest('hex'),
    palette: medianCutPalette(sample, 3),
  };
}

export interface ReviewSeed {
  mentor: Mentor;
  workshop: Workshop;
  participant: Participant;
  /** In order; the first one's face carries the annotations. */
  submissions: Submission[];
  assets: Asset[];
  annotations: Annotation[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** 500 annotations of every drawing kind, spread over the whole image, numbered from 1. */
function makeAnnotations(count: number, asset: Asset, mentorId: string, now: number): Annotation[] {
  const random = seededRandom(500);
  const w = asset.metadata.width;
  const h = asset.metadata.height;
  const at = (margin: number) => ({ x: margin + random() * (w - 2 * margin), y: margin + random() * (h - 2 * margin) });
  const shapes: (() => Annotation['shape'])[] = [
    () => ({ kind: 'pin', at: at(20) }),
    () => {
      const p = at(300);
      return { kind: 'rect', x: p.x - 250, y: p.y - 150, width: 80 + random() * 420, height: 60 + random() * 260 };
    },
    () => {
      const p = at(300);
      return { kind: 'ellipse', cx: p.x, cy: p.y, rx: 40 + random() * 240, ry: 30 + random() * 160 };
    },
    () => {
      const from = at(400);
      return { kind: 'arrow', from, to: { x: from.x + (random() - 0.5) * 700, y: from.y + (random() - 0.5) * 500 } };
    },
    () => {
      // A loop drawn by hand around something: ~30 points with a wobble.
      const c = at(350);
      const r = 60 + random() * 250;
      const points = Array.from({ length: 30 }, (_, k) => {
        const angle = (k / 29) * Math.PI * 2.1;
        const wobble = 1 + (random() - 0.5) * 0.15;
        return { x: c.x + Math.cos(angle) * r * 1.4 * wobble, y: c.y + Math.sin(angle) * r * wobble };
      });
      return { kind: 'freehand', points };
    },
  ];
  return Array.from({ length: count }, (_, i) =>
    annotationSchema.parse({
      id: `bench-note-${pad(i + 1, 4)}`,
      createdAt: now + i,
      updatedAt: now + i,
      updatedBy: mentorId,
      deletedAt: null,
      revisions: {},
      authorKeyId: null,
      assetId: asset.id,
      submissionId: asset.submissionId,
      mentorId,
      number: i + 1,
      shape: (shapes[i % shapes.length] as () => Annotation['shape'])(),
      category: ANNOTATION_CATEGORIES[i % ANNOTATION_CATEGORIES.length],
      severity: SEVERITIES[i % SEVERITIES.length],
      comment: i % 4 === 0 ? '' : `Catatan ${i + 1}: perbesar tulisan komposisi dan beri jarak dari tepi lipatan.`,
      link: null,
    }),
  );
}

/**
 * Records for one workshop, one participant with `submissions` versions of a
 * pack (one front face each, all sharing one original file), and `annotations`
 * annotations by the mentor on the first submission's face. Every record is
 * parsed with the app's own schemas, so the app reads them as its own.
 */
export function makeReviewSeed(images: ReviewImages, submissionCount: number, annotationCount: number): ReviewSeed {
  const now = Date.now();
  const mentorId = 'bench-mentor';
  // Every field records version 3 requires (the edit history starts empty, as the data layer's first write leaves it).
  const base = (id: string) => ({ id, createdAt: now, updatedAt: now, updatedBy: mentorId, deletedAt: null, revisions: {} });
  const mentor = mentorSchema.parse({ ...base(mentorId), name: 'Dewi Lestari', organisation: 'Rumah Kurasi' });
  const workshop = workshopSchema.parse({
    ...base('bench-workshop'),
    name: 'Klinik Kemasan Malang (bench)',
    region: 'Malang',
    venue: 'Gedung Millennial Job Center, Malang',
    startDate: '2026-11-24',
    endDate: '2026-11-26',
    rubricId: null,
    notes: '',
  });
  const participant = participantSchema.parse({
    ...base('bench-participant'),
    workshopId: workshop.id,
    business: 'Keripik Tempe Bu Sari',
    owner: 'Sari Wulandari',
    product: 'Keripik tempe original 100 g',
    category: 'snack',
    city: 'Malang',
    region: 'Malang',
    contact: '0812 3456 7890',
    labelFacts: { registrationNumber: 'P-IRT 2063507010123-29', halalCertificate: 'ID35110000123450124', netContent: '100 g', packagingMaterial: 'plastic' },
    packDimensions: { widthMm: 150, heightMm: 100, depthMm: 40 },
  });
  const submissions: Submission[] = [];
  const assets: Asset[] = [];
  for (let i = 0; i < submissionCount; i++) {
    const submission = submissionSchema.parse({
      ...base(`bench-sub-${pad(i + 1, 3)}`),
      workshopId: workshop.id,
      participantId: participant.id,
      version: i + 1,
      title: participant.product,
      submittedAt: now,
      note: '',
    });
    submissions.push(submission);
    assets.push(
      assetSchema.parse({
        ...base(`bench-face-${pad(i + 1, 3)}`),
        workshopId: workshop.id,
        submissionId: submission.id,
        face: 'front',
        fileName: `IMG_2026112${i % 10}_${pad(i, 4)}.jpg`,
        mimeType: 'image/jpeg',
        sha256: images.sha256,
        metadata: {
          format: 'jpeg',
          width: images.original.width,
          height: images.original.height,
          densityDpi: 72,
          colourSpace: 'srgb',
          iccProfileName: null,
          hasAlpha: false,
          bitDepth: 8,
          byteSize: images.original.bytes.length,
          sha256: images.sha256,
          captureDate: '2026-11-20T10:15:00',
          device: 'Samsung SM-A155F',
          exifOrientation: null,
          pageNumber: null,
          pageSize: null,
        },
        palette: images.palette,
        preview: { mimeType: 'image/jpeg', width: images.preview.width, height: images.preview.height },
        thumbnail: { mimeType: 'image/jpeg', width: images.thumbnail.width, height: images.thumbnail.height },
        order: 0,
        transform: IDENTITY_TRANSFORM,
      }),
    );
  }
  const first = assets[0];
  if (!first) throw new Error('makeReviewSeed needs at least one submission');
  return { mentor, workshop, participant, submissions, assets, annotations: makeAnnotations(annotationCount, first, mentorId, now) };
}

/** Hash route of a submission's review, as the app links to it. */
export function reviewRoute(seed: ReviewSeed, submission: Submission): string {
  return `#/workshops/${seed.workshop.id}/participants/${seed.participant.id}/review/${submission.id}`;
}

export function workshopRoute(seed: ReviewSeed): string {
  return `#/workshops/${seed.workshop.id}`;
}

interface PageSeed {
  mentor: Mentor;
  workshop: Workshop;
  participant: Participant;
  submissions: Submission[];
  assets: Asset[];
  annotations: Annotation[];
  sha256: string;
  original: string;
  preview: string;
  thumbnail: string;
}

/**
 * Writes the seed straight into the app's IndexedDB (raw API, one
 * transaction), at the version Dexie opened it with, then reloads so the
 * app's live queries read it. The page must be on the studio, app-ready.
 */
export async function writeReviewSeed(page: Page, seed: ReviewSeed, images: ReviewImages): Promise<void> {
  // The page builds keys as the app does; checked here so a change of key scheme fails loudly.
  const asset = seed.assets[0];
  if (asset && (derivedBlobKey(asset.id, 'preview') !== `${asset.id}:preview` || originalBlobKey(images.sha256) !== `original:${images.sha256}`)) {
    throw new Error('Blob key scheme changed: update writeReviewSeed');
  }
  const payload: PageSeed = {
    ...seed,
    sha256: images.sha256,
    original: images.original.bytes.toString('base64'),
    preview: images.preview.bytes.toString('base64'),
    thumbnail: images.thumbnail.bytes.toString('base64'),
  };
  await page.evaluate(async (s) => {
    const blobOf = (base64: string) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return new Blob([bytes], { type: 'image/jpeg' });
    };
    const name = 'kemas-studio';
    const version = (await indexedDB.databases()).find((d) => d.name === name)?.version;
    if (!version) throw new Error('The app has not created its database yet');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, version);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onupgradeneeded = () => reject(new Error('Unexpected upgrade: the seed must match the app schema'));
    });
    const stores = ['mentors', 'meta', 'workshops', 'participants', 'submissions', 'assets', 'assetBlobs', 'annotations'];
    const tx = db.transaction(stores, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'));
    });
    tx.objectStore('mentors').put(s.mentor);
    tx.objectStore('meta').put({ key: 'currentMentorId', value: s.mentor.id });
    tx.objectStore('workshops').put(s.workshop);
    tx.objectStore('participants').put(s.participant);
    for (const submission of s.submissions) tx.objectStore('submissions').put(submission);
    const preview = blobOf(s.preview);
    const thumbnail = blobOf(s.thumbnail);
    const blobs = tx.objectStore('assetBlobs');
    blobs.put({ id: `original:${s.sha256}`, assetId: null, kind: 'original', blob: blobOf(s.original) });
    for (const asset of s.assets) {
      tx.objectStore('assets').put(asset);
      blobs.put({ id: `${asset.id}:preview`, assetId: asset.id, kind: 'preview', blob: preview });
      blobs.put({ id: `${asset.id}:thumbnail`, assetId: asset.id, kind: 'thumbnail', blob: thumbnail });
    }
    for (const annotation of s.annotations) tx.objectStore('annotations').put(annotation);
    await done;
    db.close();
  }, payload);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
}
