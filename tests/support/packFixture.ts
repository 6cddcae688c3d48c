// A participant's submission as the critique pack sees it: three faces, two mentors' reviews, marks of every
// kind, label checklists and an earlier version. Shared by the pack's model tests, PDF tests and benchmark.
import type { Annotation } from '#shared/domain/annotation.ts';
import type { Asset } from '#shared/domain/asset.ts';
import type { LabelChecklist } from '#shared/domain/labelChecklist.ts';
import type { Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import type { PackInput } from '#shared/pack/packInput.ts';
import { instantiateRubric, MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';

export const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);
const base = (id: string, mentorId = 'system') => ({ id, createdAt: NOW - 86_400_000, updatedAt: NOW - 3_600_000, updatedBy: mentorId, deletedAt: null, revisions: {} });

/** Background colours of the three faces: far from every mark colour, so a pixel check can tell them apart. */
export const FACE_COLOURS = { front: '#8fc1e3', back: '#c9b6e4', left: '#f2d7b6' } as const;

export const MENTORS = [
  { id: 'm-rina', name: 'Rina Prasetyo', organisation: 'Rumah Kurasi' },
  { id: 'm-andres', name: 'Andrés Nuñez-Kurniawan', organisation: 'Asosiasi Desainer Kemasan' },
];

export function mjcRubric(id = 'rubric-v2'): Rubric {
  let n = 0;
  const rubric = instantiateRubric(MJC_QUALITY_INNOVATION, () => `${id}${n++ === 0 ? '' : '-family'}`, 'system', NOW);
  return { ...rubric, id, status: 'published' };
}

const CRITERIA = MJC_QUALITY_INNOVATION.groups.flatMap((g) => g.criteria.map((c) => c.id));

export function review(id: string, mentorId: string, submissionId: string, scores: readonly number[], changes: Partial<Review> = {}): Review {
  return {
    ...base(id, mentorId),
    submissionId,
    mentorId,
    authorKeyId: null,
    rubricId: 'rubric-v2',
    sessionId: null,
    scores: Object.fromEntries(CRITERIA.map((c, i) => [c, { score: scores[i] ?? null, note: '' }])),
    verdict: 'minor-revision',
    strengths: [],
    mustFix: [],
    suggestions: [],
    timeSpentMs: 600_000,
    status: 'submitted',
    abstained: false,
    conflictOfInterest: false,
    sawOthersAt: null,
    revisedAfterRevealAt: null,
    lastSubmitted: null,
    ...changes,
  };
}

function face(id: string, side: 'front' | 'back' | 'left', order: number, width: number, height: number): Asset {
  return {
    ...base(id),
    workshopId: 'w1',
    submissionId: 's2',
    transform: { quarterTurns: 0, flipX: false },
    face: side,
    fileName: `Keripik Tempe Bu Sari - Keripik Tempe - ${side}.jpg`,
    mimeType: 'image/jpeg',
    sha256: 'a'.repeat(63) + String(order),
    metadata: {
      format: 'jpeg',
      width,
      height,
      densityDpi: 300,
      colourSpace: 'srgb',
      iccProfileName: order === 0 ? 'sRGB IEC61966-2.1' : null,
      hasAlpha: false,
      bitDepth: 8,
      byteSize: 800_000,
      sha256: 'a'.repeat(63) + String(order),
      captureDate: null,
      device: null,
      exifOrientation: null,
      pageNumber: null,
      pageSize: null,
    },
    palette: [],
    preview: { mimeType: 'image/jpeg', width, height },
    thumbnail: { mimeType: 'image/jpeg', width: 256, height: 384 },
    order,
  };
}

export function annotation(id: string, mentorId: string, assetId: string, number: number, shape: Annotation['shape'], changes: Partial<Annotation> = {}): Annotation {
  return {
    ...base(id, mentorId),
    assetId,
    submissionId: 's2',
    mentorId,
    authorKeyId: null,
    number,
    shape,
    category: 'legibility',
    severity: 'suggestion',
    comment: '',
    link: null,
    ...changes,
  };
}

const COMMENTS: readonly [Annotation['severity'], Annotation['category'], string][] = [
  ['must-fix', 'legibility', 'Tulisan komposisi terlalu kecil (kurang dari 1 mm); perbesar agar terbaca.'],
  ['suggestion', 'brand', 'Logo bisa dibuat lebih besar supaya terlihat dari jarak rak.'],
  ['strength', 'brand', 'Warna hijau daun pisang memberi kesan alami dan segar.'],
  ['must-fix', 'label-information', 'Berat bersih belum mencantumkan satuan (g).'],
  ['suggestion', 'innovation', 'Tambahkan jendela transparan agar keripik terlihat.'],
  ['strength', 'legibility', 'Nama produk kontras dan mudah dibaca.'],
  ['suggestion', 'material-structure', 'Pertimbangkan ziplock supaya keripik tetap renyah setelah dibuka.'],
];

const SHAPES = ['pin', 'rect', 'ellipse', 'arrow', 'freehand', 'text', 'measure'] as const;

function shapeAt(kind: (typeof SHAPES)[number], k: number, width: number, height: number): Annotation['shape'] {
  const x = width * (0.25 + ((k * 0.17) % 0.55));
  const y = height * (0.2 + ((k * 0.23) % 0.6));
  switch (kind) {
    case 'pin':
      return { kind: 'pin', at: { x, y } };
    case 'rect':
      return { kind: 'rect', x: x - width * 0.1, y: y - height * 0.04, width: width * 0.2, height: height * 0.08 };
    case 'ellipse':
      return { kind: 'ellipse', cx: x, cy: y, rx: width * 0.09, ry: height * 0.05 };
    case 'arrow':
      return { kind: 'arrow', from: { x: x - width * 0.15, y: y + height * 0.08 }, to: { x, y } };
    case 'freehand':
      return { kind: 'freehand', points: Array.from({ length: 24 }, (_, i) => ({ x: x + Math.cos(i / 3) * width * 0.06, y: y + Math.sin(i / 3) * height * 0.03 + i })) };
    case 'text':
      // The size a text mark made with the whole face in view gets (16 px at the reference side).
      return { kind: 'text', at: { x: x - width * 0.1, y }, text: 'Perbesar!', fontSize: (16 * Math.max(width, height)) / 500 };
    case 'measure':
      return { kind: 'measure', from: { x: x - width * 0.1, y }, to: { x: x + width * 0.1, y }, mmPerPixel: 0.1 };
  }
}

export interface FixtureOptions {
  /** Marks spread over the three faces (the benchmark's 20). */
  annotations?: number;
}

/** A full pack input: two mentors, three faces, every kind of mark, label checklists, version 1 reviewed before. */
export function packInput(options: FixtureOptions = {}): PackInput {
  const faces = [face('a-front', 'front', 0, 1200, 1800), face('a-back', 'back', 1, 1200, 1800), face('a-left', 'left', 2, 600, 1800)];
  const count = options.annotations ?? 20;
  const perMentor = new Map<string, number>();
  const annotations: Annotation[] = [];
  for (let k = 0; k < count; k += 1) {
    const mentorId = k % 5 === 1 || k % 5 === 3 ? 'm-andres' : 'm-rina';
    const number = (perMentor.get(mentorId) ?? 0) + 1;
    perMentor.set(mentorId, number);
    const target = faces[k % 3] as Asset;
    const [severity, category, comment] = COMMENTS[k % COMMENTS.length] as (typeof COMMENTS)[number];
    const kind = SHAPES[k % SHAPES.length] as (typeof SHAPES)[number];
    annotations.push(
      annotation(`n${k}`, mentorId, target.id, number, shapeAt(kind, k, target.metadata.width, target.metadata.height), { severity, category, comment }),
    );
  }
  const rina = review('r-rina', 'm-rina', 's2', [2, 3, 4, 4, 5, 3, 4, 3, 4, 3], {
    verdict: 'minor-revision',
    mustFix: ['Cantumkan nomor P-IRT yang benar di bagian belakang.', 'Tulisan komposisi terlalu kecil (kurang dari 1 mm); perbesar agar terbaca.'],
    suggestions: ['Gunakan satu jenis huruf untuk semua teks informasi.'],
    strengths: ['Foto produk menggugah selera.'],
  });
  rina.scores['mjc-quality-label'] = { score: 2, note: 'Nomor P-IRT dan berat bersih belum lengkap.' };
  const andres = review('r-andres', 'm-andres', 's2', [3, 3, 3, 4, 4, 4, 5, 3, 4, 4], {
    verdict: 'major-revision',
    mustFix: ['Cantumkan nomor P-IRT yang benar di bagian belakang'],
    strengths: ['Bentuk kemasan berdiri (standing pouch) praktis.'],
  });
  andres.scores['mjc-innovation-appeal'] = { score: 5, note: 'Sangat menonjol di rak dibanding pesaing.' };

  const checklist = (id: string, mentorId: string, items: LabelChecklist['items'], onLabel = ''): LabelChecklist => ({
    ...base(id, mentorId),
    submissionId: 's2',
    mentorId,
    authorKeyId: null,
    items,
    registrationOnLabel: onLabel,
  });
  const entry = (status: 'present' | 'missing' | 'wrong' | 'not-applicable', note = '', annotationId: string | null = null) => ({ status, note, annotationId });

  return {
    workshop: { name: 'Pendampingan Kemasan MJC Malang', region: 'Malang', venue: 'Gedung Bakorwil III, Malang', startDate: '2026-11-12', endDate: '2026-11-14' },
    participant: {
      business: 'Keripik Tempe Bu Sari',
      owner: 'Sari Wulandari',
      product: 'Keripik Tempe Original',
      category: 'snack',
      city: 'Kota Batu',
      region: '',
      labelFacts: { registrationNumber: '206350701012929', halalCertificate: 'ID35110000123450824', netContent: '100 g', packagingMaterial: 'plastic' },
      packDimensions: { widthMm: 120, heightMm: 180, depthMm: 40 },
    },
    submission: { id: 's2', version: 2, title: 'Desain ulang setelah pendampingan' },
    faces,
    annotations,
    reviews: [rina, andres],
    rubric: mjcRubric(),
    labelChecklists: [
      checklist('c-rina', 'm-rina', {
        'product-name': entry('present'),
        'net-content': entry('wrong', 'Tertulis "100" tanpa satuan.', 'n3'),
        'registration-number': entry('missing', 'Nomor P-IRT tidak ada di kemasan.'),
        'halal-logo': entry('present'),
        'nutrition-facts': entry('not-applicable'),
      }),
      checklist('c-andres', 'm-andres', { 'product-name': entry('present'), ingredients: entry('present') }, '2 06 3507 01 0129 29'),
    ],
    previous: {
      submission: { id: 's1', version: 1 },
      reviews: [review('r-rina-v1', 'm-rina', 's1', [1, 2, 3, 3, 4, 2, 3, 3, 3, 2])],
      rubric: mjcRubric(),
    },
    mentors: MENTORS,
    generatedAt: NOW,
  };
}
